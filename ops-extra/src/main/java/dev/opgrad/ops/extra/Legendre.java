package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code legendre(x; n) = Pₙ(x)}, the Legendre polynomial of the constant degree {@code n}, an
 * integer from 0 to {@value #MAX_DEGREE}: {@code x.apply("legendre", new double[] {5})}.
 *
 * <p>Value and derivative come from recurrences that hold at every x, including the ends ±1 of the
 * orthogonality interval, where both are exact (Pₙ(±1) = (±1)ⁿ, P'ₙ(1) = n(n+1)/2): the closed
 * form {@code n/(x²−1)·(x·Pₙ − P_{n−1})} would divide 0 by 0 there. Bonnet's recurrence {@code
 * (k+1)P_{k+1} = (2k+1)x·P_k − k·P_{k−1}} runs in Reinsch's form, on the differences {@code D_k =
 * P_k − P_{k−1}} and {@code t = x − 1}: {@code (k+1)D_{k+1} = (2k+1)t·P_k + k·D_k}. Near ±1
 * Bonnet's two terms nearly cancel and their rounding adds up, to 5e-8 at degree 10⁵; Reinsch's
 * form adds small corrections instead and stays within n·2⁻⁵³ of Pₙ on [−1, 1] (measured against
 * 34-digit arithmetic at degree 10⁵: 8e-13). Where Pₙ(x) is beyond the range of doubles (|x| > 1
 * and a high degree), the result is ±∞.
 *
 * <p>Its local gradient as a value is {@code legendre_derivative(x; n, 1)}, which {@link
 * LegendreDerivative} computes to every order, exact at ±1.
 *
 * <p>A call takes time proportional to n, under 1 ms at {@value #MAX_DEGREE}; the limit keeps every
 * call that short, and the accuracy above is measured up to it.
 */
@AutoService(Op.class)
public final class Legendre implements HigherOrderOp {

  /** The largest degree accepted. */
  static final int MAX_DEGREE = 100_000;

  /**
   * For |x| > 1, Pₖ and P'ₖ grow geometrically: above 2⁵¹² the recurrence's state is scaled down
   * by 2⁵¹², exactly (a power of two), so that no product overflows while the result is in range.
   */
  static final int RESCALE_EXPONENT = 512;

  static final double RESCALE_ABOVE = 0x1p512;

  private static final LegendreDerivative DERIVATIVE = new LegendreDerivative();

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
   * @throws IllegalArgumentException if the degree is not an integer from 0 to {@value
   *     #MAX_DEGREE}
   */
  @Override
  public double forward(double[] inputs, double[] constants) {
    return evaluate(inputs[0], degree(constants[0]), false);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = evaluate(inputs[0], degree(constants[0]), true);
  }

  /**
   * {@code legendre_derivative(x; n, 1)}, P'ₙ computed as the number is, whose own local gradient
   * is P''ₙ, and so on to every order; the constant 0 for degree 0.
   */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    double degree = constants[0];
    grads[0] =
        degree == 0
            ? Value.constant(0)
            : inputs[0].apply(DERIVATIVE, new double[] {degree, 1});
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

  /** Pₙ(x), or P'ₙ(x) if {@code derivative}. */
  static double evaluate(double x, int degree, boolean derivative) {
    if (degree == 0) {
      return derivative ? 0 : 1;
    }
    // Run at |x|, where t = |x| − 1 is exact around 1 (for 1/2 ≤ |x| ≤ 2), then use
    // Pₙ(−x) = (−1)ⁿ·Pₙ(x) and P'ₙ(−x) = (−1)ⁿ⁺¹·P'ₙ(x).
    double a = Math.abs(x);
    double t = a - 1;
    double value = a; // P_k, from k = 1
    double difference = t; // P_k − P_{k−1}
    double slope = 1; // P'_k
    int scale = 0; // the true P_k, D_k and P'_k are these times 2^scale
    for (int k = 1; k < degree; k++) {
      if (Math.max(Math.abs(value), Math.abs(slope)) > RESCALE_ABOVE) {
        value = Math.scalb(value, -RESCALE_EXPONENT);
        difference = Math.scalb(difference, -RESCALE_EXPONENT);
        slope = Math.scalb(slope, -RESCALE_EXPONENT);
        scale += RESCALE_EXPONENT;
      }
      // P'_{k+1} = (k+1)P_k + x·P'_k, summed as P'_k + ((k+1)P_k + t·P'_k): near ±1 that is one
      // rounding at the size of P'_k instead of two.
      slope += (k + 1) * value + t * slope;
      difference = ((2 * k + 1) * t * value + k * difference) / (k + 1);
      value += difference;
    }
    double result = Math.scalb(derivative ? slope : value, scale);
    boolean odd = degree % 2 == 1;
    return x < 0 && odd != derivative ? -result : result;
  }

  /** The degree n, an integer from 0 to {@value #MAX_DEGREE}, else IllegalArgumentException. */
  static int degree(double constant) {
    if (!(constant >= 0 && constant <= MAX_DEGREE && constant == Math.rint(constant))) {
      throw new IllegalArgumentException(
          "the degree of a Legendre polynomial is an integer from 0 to "
              + MAX_DEGREE
              + ", got "
              + constant);
    }
    return (int) constant;
  }
}
