package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code legendre_derivative(x; n, m) = Pₙ⁽ᵐ⁾(x)}, the m-th derivative of the Legendre polynomial
 * of degree n, both constant integers from 0 to {@value Legendre#MAX_DEGREE}: {@code legendre}'s
 * local gradient as a value is {@code legendre_derivative(x; n, 1)}, and this op's is itself with
 * m + 1, so that a Legendre polynomial can be differentiated to any order. Pₙ⁽ᵐ⁾ is 0 for m > n.
 *
 * <p>For m ≤ 1 it computes what {@code legendre} computes, bit for bit. For m ≥ 2 it uses
 * Pₙ⁽ᵐ⁾(x) = Pₙ⁽ᵐ⁾(1)·Q_{n−m}(x), where Q_k is the Gegenbauer polynomial C_k^(m+½) divided by its
 * value at 1. At ±1, Pₙ⁽ᵐ⁾(1) = (n+m)!/(2ᵐ·m!·(n−m)!), an integer computed exactly and rounded
 * once, so that the result is exact where it is representable (below 2⁵³ always), and Pₙ⁽ᵐ⁾(−x) =
 * (−1)ⁿ⁺ᵐ·Pₙ⁽ᵐ⁾(x). From |x| = ½ on, Q runs in Reinsch's form, as {@code legendre}'s recurrence
 * does, on {@code t = |x| − 1} and the differences {@code D_k = Q_k − Q_{k−1}}: {@code (k+2m)·D_k
 * = (2k+2m−1)·t·Q_{k−1} + (k−1)·D_{k−1}}, which at ±1 keeps Q exactly 1; below ½, where t would be
 * rounded and nothing cancels, it runs on x in the three-term form. Against decimal arithmetic,
 * the error relative to the amplitude √(Pₙ⁽ᵐ⁾² + (1−x²)·(Pₙ⁽ᵐ⁺¹⁾/n)²) measured at most 3.2e-14 at
 * degree 10⁵ (order 2, 20 points) and 5e-15 at degree 1000 (order 3, 200 points). Where the result
 * is beyond the range of doubles it is ±∞; where Pₙ⁽ᵐ⁾(1) is but Pₙ⁽ᵐ⁾(x) is not (degree 1000 and
 * order 80 at 0.3, say), Pₙ⁽ᵐ⁾(1) is carried with an exponent of its own.
 *
 * <p>A call takes time proportional to n, as {@code legendre}'s does, and none for m > n.
 */
@AutoService(Op.class)
public final class LegendreDerivative implements HigherOrderOp {

  /** Up to this many bits, Pₙ⁽ᵐ⁾(1) is computed exactly; above, its last factors are rounded. */
  private static final int EXACT_BITS = 1000;

  @Override
  public String name() {
    return "legendre_derivative";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public int constantCount() {
    return 2;
  }

  /**
   * Returns Pₙ⁽ᵐ⁾(x).
   *
   * @throws IllegalArgumentException if the degree n or the order m is not an integer from 0 to
   *     {@value Legendre#MAX_DEGREE}
   */
  @Override
  public double forward(double[] inputs, double[] constants) {
    return derivative(inputs[0], Legendre.degree(constants[0]), order(constants[1]));
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = derivative(inputs[0], Legendre.degree(constants[0]), order(constants[1]) + 1);
  }

  /** This op with the order m + 1; the constant 0 once m + 1 exceeds the degree. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    double next = constants[1] + 1;
    grads[0] =
        next > constants[0]
            ? Value.constant(0)
            : inputs[0].apply(this, new double[] {constants[0], next});
  }

  /** Degrees 0 to 8 and orders 0 to 3, inside [−1, 1] (the ends included) and a little outside. */
  @Override
  public List<Point> gradCheckPoints() {
    List<Point> points = new ArrayList<>();
    for (int degree = 0; degree <= 8; degree++) {
      for (int order = 0; order <= 3; order++) {
        for (double x : new double[] {-1.3, -1, -0.6, 0, 0.4, 0.95, 1, 1.2}) {
          points.add(Point.withConstants(new double[] {degree, order}, x));
        }
      }
    }
    return points;
  }

  /** Pₙ⁽ᵐ⁾(x). */
  static double derivative(double x, int n, int m) {
    if (m > n) {
      return 0;
    }
    if (m <= 1) {
      return Legendre.evaluate(x, n, m == 1);
    }
    double result = timesValueAtOne(normalizedGegenbauer(Math.abs(x), n - m, m), n, m);
    return x < 0 && (n - m) % 2 == 1 ? -result : result;
  }

  /**
   * Q_k(a) = C_k^(m+½)(a) / C_k^(m+½)(1), for a ≥ 0: Q_0 = 1, Q_1 = a, {@code (j+2m)·Q_j =
   * (2j+2m−1)·a·Q_{j−1} − (j−1)·Q_{j−2}}. Below ½ as written, with a itself; from ½ on, where t = a
   * − 1 is exact, in Reinsch's form, whose terms do not cancel near 1.
   */
  private static double normalizedGegenbauer(double a, int k, int m) {
    double q = 1; // Q_j, from j = 0
    if (a < 0.5) {
      double previous = 0;
      for (int j = 1; j <= k; j++) {
        double next = ((2 * (j + m) - 1) * a * q - (j - 1) * previous) / (j + 2 * m);
        previous = q;
        q = next;
      }
      return q;
    }
    double t = a - 1;
    double difference = 0; // Q_j − Q_{j−1}
    int scale = 0; // the true Q_j and D_j are these times 2^scale
    for (int j = 1; j <= k; j++) {
      if (Math.max(Math.abs(q), Math.abs(difference)) > Legendre.RESCALE_ABOVE) {
        q = Math.scalb(q, -Legendre.RESCALE_EXPONENT);
        difference = Math.scalb(difference, -Legendre.RESCALE_EXPONENT);
        scale += Legendre.RESCALE_EXPONENT;
      }
      difference = ((2 * (j + m) - 1) * t * q + (j - 1) * difference) / (j + 2 * m);
      q += difference;
    }
    // ∞ only if the result is: Pₙ⁽ᵐ⁾(1) ≥ 1.
    return Math.scalb(q, scale);
  }

  /**
   * Pₙ⁽ᵐ⁾(1)·q, for 2 ≤ m ≤ n, Pₙ⁽ᵐ⁾(1) = ∏_{j<m} (n−j)(n+j+1)/(2(j+1)) rounded once while below
   * 2^1000: each partial product is the integer P⁽ʲ⁾ₙ(1), so every division is exact.
   */
  private static double timesValueAtOne(double q, int n, int m) {
    BigInteger exact = BigInteger.ONE;
    int j = 0;
    for (; j < m && exact.bitLength() <= EXACT_BITS; j++) {
      exact = exact.multiply(BigInteger.valueOf((long) (n - j) * (n + j + 1)));
      exact = exact.divide(BigInteger.valueOf(2L * (j + 1)));
    }
    // Its top bits as mantissa · 2^exponent, with a lowest bit set for any bit shifted out, so
    // that doubleValue() rounds once, as it would the whole number.
    int exponent = Math.max(0, exact.bitLength() - EXACT_BITS);
    BigInteger top = exact.shiftRight(exponent);
    if (exponent > 0 && exact.getLowestSetBit() < exponent) {
      top = top.setBit(0);
    }
    double mantissa = top.doubleValue();
    // Beyond 2^1000, Pₙ⁽ᵐ⁾(±1) is ∞ but Pₙ⁽ᵐ⁾(x) may be finite inside: go on in doubles.
    for (; j < m; j++) {
      int e = Math.getExponent(mantissa); // to [1, 2), so that no product overflows
      double factor = (double) ((long) (n - j) * (n + j + 1)) / (2 * (j + 1));
      mantissa = Math.scalb(mantissa, -e) * factor;
      exponent += e;
    }
    return Math.scalb(mantissa * q, exponent);
  }

  private static int order(double constant) {
    if (!(constant >= 0 && constant <= Legendre.MAX_DEGREE && constant == Math.rint(constant))) {
      throw new IllegalArgumentException(
          "the order of a derivative of a Legendre polynomial is an integer from 0 to "
              + Legendre.MAX_DEGREE
              + ", got "
              + constant);
    }
    return (int) constant;
  }
}
