package dev.opgrad.samples;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Newton's method against gradient descent on Rosenbrock's function {@code f(x, y) = (1 − x)² +
 * 100·(y − x²)²}, from the classic start (−1.2, 1), side by side. Its minimum is f(1, 1) = 0, at
 * the end of a long, curved, narrow valley: gradient descent follows the valley in tiny steps,
 * Newton's method rescales each step by the curvature ({@link Gradients#hessian}) and gets there
 * in a handful.
 *
 * <p>Both stop at the first iterate with {@code f(x, y) − f(1, 1) = f(x, y) ≤ 1e-10}. Newton's step
 * solves {@code H·d = ∇f} for the 2×2 Hessian, with no line search; gradient descent takes the
 * fixed step {@code 0.001·∇f}: about half the largest stable step at the minimum, where the
 * Hessian's largest eigenvalue is 1001.6 (2/1001.6 ≈ 0.002).
 */
public final class Rosenbrock {

  /** Where both methods start: Rosenbrock's own (−1.2, 1). */
  public static final double START_X = -1.2;

  /** Where both methods start: Rosenbrock's own (−1.2, 1). */
  public static final double START_Y = 1;

  /** How close to the minimum f(1, 1) = 0 counts as there: f(x, y) ≤ 1e-10. */
  public static final double TOLERANCE = 1e-10;

  /** Gradient descent's fixed step. */
  public static final double STEP = 1e-3;

  /** The most iterations either method takes; gradient descent needs about 27,000. */
  public static final int MAX_ITERATIONS = 100_000;

  /** An iterate and the function's value there. */
  public record Point(double x, double y, double f) {}

  /**
   * The iterates of one method, the start first; the last is the first within {@link #TOLERANCE}
   * of the minimum, or the last one allowed.
   */
  public record Path(List<Point> points) {

    /** The number of steps taken. */
    public int iterations() {
      return points.size() - 1;
    }

    /** The last iterate. */
    public Point last() {
      return points.get(points.size() - 1);
    }

    /** Whether the last iterate is within {@link #TOLERANCE} of the minimum. */
    public boolean reached() {
      return last().f() <= TOLERANCE;
    }
  }

  /** Both paths. */
  public record Result(Path newton, Path descent) {}

  private Rosenbrock() {}

  /** Runs both methods and prints them side by side. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs both methods and prints their iterations and a few points of their paths to {@code out}. */
  public static Result run(PrintStream out) {
    Path newton = newton();
    Path descent = gradientDescent();
    out.printf(
        "Rosenbrock's f(x, y) = (1 - x)² + 100·(y - x²)², smallest at f(1, 1) = 0, from (%s, %s)%n",
        START_X, START_Y);
    out.printf("Newton's method: (x, y) -= H⁻¹·∇f, with H from Gradients.hessian%n");
    out.printf("gradient descent: (x, y) -= %s·∇f%n", STEP);
    out.printf(
        "iterations until f(x, y) ≤ %.0e: Newton %s, gradient descent %s%n%n",
        TOLERANCE, iterations(newton), iterations(descent));
    out.printf("%9s   %-39s   %s%n", "", "Newton's method", "gradient descent");
    out.printf(
        "%9s   %13s %13s %11s   %13s %13s %11s%n", "iteration", "x", "y", "f", "x", "y", "f");
    for (int k : shownIterations(newton, descent)) {
      out.printf("%9d   %-39s   %s%n", k, cells(newton, k), cells(descent, k).stripTrailing());
    }
    return new Result(newton, descent);
  }

  /** Rosenbrock's function, built from ops so that it can be differentiated twice. */
  static Value f(Value x, Value y) {
    Value a = x.neg().add(1);
    Value b = y.sub(x.mul(x));
    return a.mul(a).add(b.mul(b).mul(100));
  }

  /** Newton's method: the gradient from backward(), the Hessian from Gradients.hessian. */
  static Path newton() {
    Value x = Value.of(START_X, "x");
    Value y = Value.of(START_Y, "y");
    List<Point> points = new ArrayList<>();
    while (true) {
      Value f = f(x, y);
      points.add(new Point(x.data(), y.data(), f.data()));
      if (f.data() <= TOLERANCE || points.size() > MAX_ITERATIONS) {
        return new Path(List.copyOf(points));
      }
      x.zeroGrad();
      y.zeroGrad();
      f.backward();
      double gx = x.grad();
      double gy = y.grad();
      double[][] h = Gradients.hessian(f, List.of(x, y));
      // Solves H·d = ∇f by Cramer's rule; Rosenbrock's Hessian is invertible on this path.
      double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
      x.setData(x.data() - (h[1][1] * gx - h[0][1] * gy) / det);
      y.setData(y.data() - (h[0][0] * gy - h[1][0] * gx) / det);
    }
  }

  /** Gradient descent with the fixed step {@link #STEP}, the gradient from backward(). */
  static Path gradientDescent() {
    Value x = Value.of(START_X, "x");
    Value y = Value.of(START_Y, "y");
    List<Point> points = new ArrayList<>();
    while (true) {
      Value f = f(x, y);
      points.add(new Point(x.data(), y.data(), f.data()));
      if (f.data() <= TOLERANCE || points.size() > MAX_ITERATIONS) {
        return new Path(List.copyOf(points));
      }
      x.zeroGrad();
      y.zeroGrad();
      f.backward();
      x.setData(x.data() - STEP * x.grad());
      y.setData(y.data() - STEP * y.grad());
    }
  }

  private static String iterations(Path path) {
    return path.reached()
        ? String.valueOf(path.iterations())
        : "more than " + path.iterations();
  }

  /** Every iteration of the shorter path, then powers of ten, then the last of the longer one. */
  private static TreeSet<Integer> shownIterations(Path newton, Path descent) {
    TreeSet<Integer> shown = new TreeSet<>();
    int shorter = Math.min(newton.iterations(), descent.iterations());
    int longer = Math.max(newton.iterations(), descent.iterations());
    for (int k = 0; k <= shorter; k++) {
      shown.add(k);
    }
    for (int k = 10; k < longer; k *= 10) {
      shown.add(k);
    }
    shown.add(longer);
    return shown;
  }

  /** The iterate k of the path, as x, y and f, or nothing if the path stopped before it. */
  private static String cells(Path path, int k) {
    if (k > path.iterations()) {
      return "";
    }
    Point p = path.points().get(k);
    return String.format("%13.9f %13.9f %11.3e", p.x(), p.y(), p.f());
  }
}
