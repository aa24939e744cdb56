package dev.opgrad.samples;

import dev.opgrad.Value;
import java.io.PrintStream;

/**
 * PyTorch's custom-Function tutorial in opgrad: fits {@code y = a + b·P₃(c + d·x)} to {@code sin x}
 * on 2000 evenly spaced points of [−π, π] by plain gradient descent on the sum of squared errors,
 * with P₃ the {@code legendre3} op of opgrad-ops-extra, reached by name only.
 *
 * <p>Like the tutorial it starts from {@code a = 0, b = −1, c = 0, d = 0.3}, takes 2000 steps with
 * learning rate 5e-6, and prints the loss every 100 steps.
 */
public final class LegendreFit {

  /** The number of sample points and of gradient descent steps. */
  public static final int POINTS = 2000;

  /** The number of gradient descent steps. */
  public static final int STEPS = 2000;

  /** The learning rate. */
  public static final double LEARNING_RATE = 5e-6;

  /**
   * The fitted coefficients and the loss of the last step, computed before its update, as the
   * tutorial prints it.
   */
  public record Result(double a, double b, double c, double d, double loss) {}

  private LegendreFit() {}

  /** Runs the fit, printing its progress. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the fit, printing the loss every 100 steps and the result to {@code out}. */
  public static Result run(PrintStream out) {
    double[] xs = linspace(-Math.PI, Math.PI, POINTS);
    double[] ys = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      ys[i] = Math.sin(xs[i]);
    }
    Value a = Value.of(0.0, "a");
    Value b = Value.of(-1.0, "b");
    Value c = Value.of(0.0, "c");
    Value d = Value.of(0.3, "d");
    Value[] parameters = {a, b, c, d};
    out.printf("Fitting y = a + b·P3(c + d·x) to sin(x) on %d points of [-π, π]%n", POINTS);
    double loss = Double.NaN;
    for (int step = 0; step < STEPS; step++) {
      Value sum = null;
      for (int i = 0; i < POINTS; i++) {
        Value prediction = a.add(b.mul(c.add(d.mul(xs[i])).apply("legendre3")));
        Value error = prediction.sub(ys[i]);
        Value squared = error.mul(error);
        sum = sum == null ? squared : sum.add(squared);
      }
      loss = sum.data();
      if (step % 100 == 99) {
        out.printf("step %4d  loss %.6f%n", step, loss);
      }
      sum.backward();
      for (Value p : parameters) {
        p.setData(p.data() - LEARNING_RATE * p.grad());
        p.zeroGrad();
      }
    }
    out.printf(
        "Result: y = %.3e + %.10f * P3(%.3e + %.10f x)%n", a.data(), b.data(), c.data(), d.data());
    return new Result(a.data(), b.data(), c.data(), d.data(), loss);
  }

  /**
   * {@code count} evenly spaced numbers from {@code start} to {@code end}, both included, computed
   * as {@code torch.linspace} does: the first half forward from {@code start}, the second half
   * backward from {@code end}, so that a symmetric interval gives exactly symmetric points.
   */
  static double[] linspace(double start, double end, int count) {
    double step = (end - start) / (count - 1);
    double[] points = new double[count];
    for (int i = 0; i < count; i++) {
      points[i] = i < count / 2 ? start + i * step : end - (count - 1 - i) * step;
    }
    return points;
  }
}
