package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code legendre(x; n) = Pₙ(x)}, the Legendre polynomial of the constant degree {@code n}, a
 * non-negative integer: {@code x.apply("legendre", new double[] {5})}.
 *
 * <p>Both the value and the derivative come from recurrences that hold at every x, including the
 * ends ±1 of the orthogonality interval: Bonnet's {@code (k+1)P_{k+1} = (2k+1)x·P_k − k·P_{k−1}}
 * and {@code P'_k = k·P_{k−1} + x·P'_{k−1}}. The closed form {@code n/(x²−1)·(x·Pₙ − P_{n−1})}
 * would divide 0 by 0 at ±1.
 */
@AutoService(Op.class)
public final class Legendre implements Op {

  @Override
  public String name() {
    return "legendre";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public int constantCount() {
    return 1;
  }

  /**
   * Returns Pₙ(x).
   *
   * @throws IllegalArgumentException if the degree is not a non-negative integer
   */
  @Override
  public double forward(double[] inputs, double[] constants) {
    int degree = degree(constants[0]);
    double x = inputs[0];
    double previous = 1; // P_{k-1}
    double current = x; // P_k
    if (degree == 0) {
      return previous;
    }
    for (int k = 1; k < degree; k++) {
      double next = ((2 * k + 1) * x * current - k * previous) / (k + 1);
      previous = current;
      current = next;
    }
    return current;
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    int degree = degree(constants[0]);
    double x = inputs[0];
    double value = 1; // P_{k-1}, then P_k
    double derivative = 0; // P'_{k-1}, then P'_k
    double previousValue = 0; // P_{k-2}
    for (int k = 1; k <= degree; k++) {
      derivative = k * value + x * derivative;
      double next = k == 1 ? x : ((2 * k - 1) * x * value - (k - 1) * previousValue) / k;
      previousValue = value;
      value = next;
    }
    grads[0] = derivative;
  }

  /** Degrees 0 to 8, inside [−1, 1] (the ends included) and a little outside. */
  @Override
  public List<Point> gradCheckPoints() {
    List<Point> points = new ArrayList<>();
    for (int degree = 0; degree <= 8; degree++) {
      for (double x : new double[] {-1.3, -1, -0.6, 0, 0.4, 0.95, 1, 1.2}) {
        points.add(Point.withConstants(new double[] {degree}, x));
      }
    }
    return points;
  }

  private static int degree(double constant) {
    if (!(constant >= 0 && constant == Math.rint(constant) && constant <= Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "the degree of a Legendre polynomial is a non-negative integer, got " + constant);
    }
    return (int) constant;
  }
}
