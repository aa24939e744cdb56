package dev.opgrad.samples;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import java.io.PrintStream;
import java.util.List;

/**
 * Fits an exponential decay {@code y = a·exp(b·t)} to six readings by least squares, with Newton's
 * method in which the Hessian is never formed: conjugate gradient solves {@code H·d = ∇loss} from
 * Hessian-vector products ({@link Gradients#hvp}), each about the cost of a gradient. That is how
 * Newton's method scales to models with too many parameters for a Hessian; here, with two, conjugate
 * gradient solves the system exactly in two products.
 *
 * <p>It starts from the log-linear fit, the straight line through {@code (t, ln y)} that a
 * spreadsheet's exponential trend line draws. That line minimizes the errors of {@code ln y}, which
 * weighs the small readings more than the large ones, so it is not the least-squares fit of {@code
 * y}; it is close to it, where Newton's method converges fast: the gradient's norm roughly squares at
 * every iteration.
 */
public final class CurveFit {

  /** The hours at which the readings were taken. */
  static final double[] TIMES = {0, 1, 2, 3, 4, 5};

  /** The readings, a quantity that halves about every 1.4 hours. */
  static final double[] READINGS = {5.0, 3.1, 1.8, 1.1, 0.7, 0.4};

  /** Newton's method stops once the gradient's norm is at most this: rounding noise. */
  public static final double GRADIENT_TOLERANCE = 1e-12;

  /** The most Newton iterations. */
  public static final int MAX_ITERATIONS = 20;

  /**
   * The fit: the log-linear start, the least-squares parameters and their loss (the sum of squared
   * errors), the gradient's norm there, and the Newton iterations taken.
   */
  public record Result(
      double startA, double startB, double a, double b, double loss, double gradientNorm,
      int iterations) {}

  private CurveFit() {}

  /** Runs the fit and prints its iterations. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the fit, printing the start, each Newton iteration and the result to {@code out}. */
  public static Result run(PrintStream out) {
    double[] start = logLinearFit();
    Value a = Value.of(start[0], "a");
    Value b = Value.of(start[1], "b");
    List<Value> parameters = List.of(a, b);
    out.printf("Fitting y = a·exp(b·t) to %d readings by least squares:%n", READINGS.length);
    out.printf("  t = %s%n  y = %s%n", list(TIMES), list(READINGS));
    summary(out, "log-linear fit", start[0], start[1]);
    out.printf(
        "Newton's method from there, H·v from Gradients.hvp in conjugate gradient"
            + " (H is never formed):%n");
    out.printf(
        "%9s   %12s %13s %14s %11s %14s%n",
        "iteration", "a", "b", "loss", "|gradient|", "H·v products");
    int iterations = 0;
    while (true) {
      Value loss = loss(a, b);
      a.zeroGrad();
      b.zeroGrad();
      loss.backward();
      double[] gradient = {a.grad(), b.grad()};
      double norm = Math.hypot(gradient[0], gradient[1]);
      int[] products = {0};
      boolean done = norm <= GRADIENT_TOLERANCE || iterations == MAX_ITERATIONS;
      double[] step = done ? null : conjugateGradient(loss, parameters, gradient, products);
      out.println(
          String.format(
                  "%9d   %12.9f %13.9f %14.10f %11.3e %14s",
                  iterations, a.data(), b.data(), loss.data(), norm, done ? "" : products[0])
              .stripTrailing());
      if (done) {
        summary(out, "least squares", a.data(), b.data());
        return new Result(start[0], start[1], a.data(), b.data(), loss.data(), norm, iterations);
      }
      a.setData(a.data() - step[0]);
      b.setData(b.data() - step[1]);
      iterations++;
    }
  }

  /** The sum of squared errors of {@code a·exp(b·t)} over the readings. */
  static Value loss(Value a, Value b) {
    Value sum = null;
    for (int i = 0; i < TIMES.length; i++) {
      Value error = a.mul(b.mul(TIMES[i]).exp()).sub(READINGS[i]);
      Value squared = error.mul(error);
      sum = sum == null ? squared : sum.add(squared);
    }
    return sum;
  }

  /**
   * Solves {@code H·d = gradient} by conjugate gradient, H the loss's Hessian, applied through
   * {@link Gradients#hvp} only; counts the products in {@code products[0]}. For n parameters it
   * takes at most n products, fewer once the residual is rounding noise.
   */
  static double[] conjugateGradient(
      Value loss, List<Value> parameters, double[] gradient, int[] products) {
    int n = gradient.length;
    double[] d = new double[n];
    double[] r = gradient.clone(); // the residual gradient − H·d, with d = 0
    double[] p = r.clone();
    double rr = dot(r, r);
    double stop = GRADIENT_TOLERANCE * GRADIENT_TOLERANCE * rr;
    for (int k = 0; k < n && rr > stop; k++) {
      double[] hp = Gradients.hvp(loss, parameters, p);
      products[0]++;
      // A Newton step needs H positive definite, as it is from this start: p·H·p > 0.
      double alpha = rr / dot(p, hp);
      double next = 0;
      for (int i = 0; i < n; i++) {
        d[i] += alpha * p[i];
        r[i] -= alpha * hp[i];
        next += r[i] * r[i];
      }
      for (int i = 0; i < n; i++) {
        p[i] = r[i] + next / rr * p[i];
      }
      rr = next;
    }
    return d;
  }

  /**
   * The log-linear fit {@code (a, b)}: the least-squares line {@code ln y = ln a + b·t}, in closed
   * form.
   */
  static double[] logLinearFit() {
    int n = TIMES.length;
    double meanT = 0;
    double meanLog = 0;
    for (int i = 0; i < n; i++) {
      meanT += TIMES[i] / n;
      meanLog += Math.log(READINGS[i]) / n;
    }
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < n; i++) {
      covariance += (TIMES[i] - meanT) * (Math.log(READINGS[i]) - meanLog);
      variance += (TIMES[i] - meanT) * (TIMES[i] - meanT);
    }
    double b = covariance / variance;
    return new double[] {Math.exp(meanLog - b * meanT), b};
  }

  /** The fitted curve, its loss and the half-life it gives, ln 2 / −b. */
  private static void summary(PrintStream out, String name, double a, double b) {
    out.printf(
        "%-15s  y = %.6f·exp(%.6f·t), loss %.10f, half-life %.4f h%n",
        name + ":", a, b, loss(Value.constant(a), Value.constant(b)).data(), Math.log(2) / -b);
  }

  private static double dot(double[] u, double[] v) {
    double sum = 0;
    for (int i = 0; i < u.length; i++) {
      sum += u[i] * v[i];
    }
    return sum;
  }

  private static String list(double[] values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.length() == 0 ? "" : ", ").append(v);
    }
    return s.toString();
  }
}
