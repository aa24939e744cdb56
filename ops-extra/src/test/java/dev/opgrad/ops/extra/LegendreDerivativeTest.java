package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code legendre_derivative}, Pₙ⁽ᵐ⁾, and legendre's derivatives of every order through it. */
class LegendreDerivativeTest {

  private static final int MAX_DEGREE = 100_000;

  private final LegendreDerivative op = new LegendreDerivative();

  private double p(int n, int m, double x) {
    return op.forward(new double[] {x}, new double[] {n, m});
  }

  /** Pₙ⁽ᵐ⁾(1) = (n+m)! / (2ᵐ·m!·(n−m)!), exactly, 0 for m > n. */
  private static BigInteger atOne(int n, int m) {
    if (m > n) {
      return BigInteger.ZERO;
    }
    BigInteger numerator = BigInteger.ONE; // (n+m)! / (n−m)!
    for (int k = n - m + 1; k <= n + m; k++) {
      numerator = numerator.multiply(BigInteger.valueOf(k));
    }
    BigInteger denominator = BigInteger.ONE.shiftLeft(m);
    for (int k = 2; k <= m; k++) {
      denominator = denominator.multiply(BigInteger.valueOf(k));
    }
    return numerator.divide(denominator);
  }

  /**
   * {Pₙ, Pₙ', …, Pₙ⁽ᵐ⁾} at x by Bonnet's recurrence and its derivatives P⁽ʲ⁾_k = x·P⁽ʲ⁾_{k−1} +
   * (k−1+j)·P⁽ʲ⁻¹⁾_{k−1}, other recurrences than the op's, in decimal arithmetic of 34 + m digits:
   * at high orders their terms cancel (at order 80 of degree 1000, 34 digits leave 8 at 0.7 and
   * none at 0.9; 100 digits agree with 150 to 16).
   */
  static BigDecimal[] recurrenceInDecimal(int n, int m, double at) {
    MathContext context = new MathContext(34 + m);
    BigDecimal x = new BigDecimal(at);
    BigDecimal[] current = new BigDecimal[m + 1]; // P⁽ʲ⁾_{k}
    for (int j = 0; j <= m; j++) {
      current[j] = j == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    BigDecimal before = BigDecimal.ZERO; // P_{k−1}
    for (int k = 1; k <= n; k++) {
      BigDecimal[] next = new BigDecimal[m + 1];
      next[0] =
          BigDecimal.valueOf(2L * k - 1)
              .multiply(x, context)
              .multiply(current[0], context)
              .subtract(BigDecimal.valueOf(k - 1).multiply(before, context), context)
              .divide(BigDecimal.valueOf(k), context);
      for (int j = 1; j <= m; j++) {
        next[j] =
            x.multiply(current[j], context)
                .add(BigDecimal.valueOf(k - 1 + j).multiply(current[j - 1], context), context);
      }
      before = current[0];
      current = next;
    }
    return current;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 10, 20, 1000, 1001, 99_999, MAX_DEGREE})
  void atTheEndsEveryOrderIsTheClosedFormRoundedOnce(int n) {
    for (int m = 0; m <= Math.min(n, 40) + 2; m++) {
      // Exact where representable (every value below 2⁵³), else correctly rounded; ±∞ beyond.
      double expected = atOne(n, m).doubleValue();
      double sign = (n + m) % 2 == 0 ? 1 : -1;
      assertThat(p(n, m, 1)).as("P_%d^(%d)(1)", n, m).isEqualTo(expected);
      assertThat(p(n, m, -1)).as("P_%d^(%d)(-1)", n, m).isEqualTo(sign * expected);
    }
  }

  @Test
  void pinnedValuesAtOne() {
    // P''ₙ(1) = (n−1)n(n+1)(n+2)/8, P'''ₙ(1) = (n−2)…(n+3)/48, P''''ₙ(1) = (n−3)…(n+4)/384.
    assertThat(p(10, 2, 1)).isEqualTo(1485.0);
    assertThat(p(10, 3, 1)).isEqualTo(25740.0);
    assertThat(p(10, 4, -1)).isEqualTo(315315.0);
    assertThat(p(20, 4, 1)).isEqualTo(77224455.0);
    assertThat(p(1000, 2, 1)).isEqualTo(125249874750.0);
    assertThat(p(1000, 2, -1)).isEqualTo(125249874750.0);
    assertThat(p(1001, 3, 1)).isEqualTo(21021354478624500.0); // above 2⁵³, and exact
    assertThat(p(1001, 3, -1)).isEqualTo(21021354478624500.0);
    assertThat(p(MAX_DEGREE, 1, -1)).isEqualTo(-5000050000.0);
    // 12500249998749975000 and 26042708296873541679427593749062462500, rounded once.
    assertThat(p(MAX_DEGREE, 2, 1)).isEqualTo(1.2500249998749975e19);
    assertThat(p(MAX_DEGREE, 4, 1)).isEqualTo(2.604270829687354e37);
    assertThat(p(MAX_DEGREE, 3, -1)).isEqualTo(-2.0833958322916352e28);
    // Pₙ⁽ⁿ⁾ = (2n−1)!!, and 0 above.
    assertThat(p(5, 5, 0.3)).isEqualTo(945.0);
    assertThat(p(5, 6, 0.3)).isEqualTo(0.0);
    assertThat(p(5, MAX_DEGREE, Double.NaN)).isEqualTo(0.0);
  }

  /** d/dx of {@code y}, as a value. */
  private static Value d(Value y, Value x) {
    return Gradients.of(y, List.of(x)).get(0);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 10, 1000, 1001, MAX_DEGREE})
  void legendresDerivativesToTheFourthOrderAtTheEndsThroughGradients(int n) {
    for (double end : new double[] {1, -1}) {
      Value x = Value.of(end);
      Value derivative = x.apply("legendre", new double[] {n});
      for (int m = 1; m <= 4; m++) {
        derivative = d(derivative, x);

        double sign = end > 0 || (n + m) % 2 == 0 ? 1 : -1;
        assertThat(derivative.data())
            .as("P_%d^(%d)(%s)", n, m, end)
            .isEqualTo(sign * atOne(n, m).doubleValue());
      }
    }
  }

  @Test
  void theDerivativesOfADegreeTwoPolynomialEndInAConstantZero() {
    Value x = Value.of(0.3);

    Value d1 = d(x.apply("legendre", new double[] {2}), x); // 3x
    Value d2 = d(d1, x);
    Value d3 = d(d2, x);

    assertThat(d1.data()).isCloseTo(0.9, within(1e-16));
    assertThat(d1.op().name()).isEqualTo("legendre_derivative");
    assertThat(d2.data()).isEqualTo(3.0);
    assertThat(d3.data()).isEqualTo(0.0);
    assertThat(d3.requiresGrad()).isFalse();
    assertThat(d(x.apply("legendre", new double[] {0}), x).requiresGrad()).isFalse();
  }

  /**
   * Inside the interval, against decimal arithmetic, relative to the amplitude there, √(Pₙ⁽ᵐ⁾² +
   * (1−x²)·(Pₙ⁽ᵐ⁺¹⁾/n)²), which does not vanish at the zeros of Pₙ⁽ᵐ⁾: within 1e-12 of it
   * (measured: at most 3.2e-14 at degree 10⁵ and order 2 over 20 points, 5e-15 at degree 1000 and
   * order 3 over 200). Order 80 of degree 1000 is beyond the range of doubles at ±1, but −6.7e239
   * at 0.3 and 1.4e250 at 0.7: its value at 1 is then carried with an exponent of its own.
   */
  @ParameterizedTest
  @CsvSource({
    "1000, 2, -0.999999",
    "1000, 2, 0.1",
    "1000, 3, 0.5",
    "1000, 5, -0.7",
    "1000, 6, 0.95",
    "1000, 80, 0.3",
    "1000, 80, 0.7",
    "1000, 80, 0.9",
    "100000, 2, -0.7",
    "100000, 2, 0.3",
    "100000, 2, 0.999999",
    "100000, 3, -0.45"
  })
  void isAccurateInsideTheInterval(int n, int m, double x) {
    BigDecimal[] reference = recurrenceInDecimal(n, m + 1, x);
    double value = reference[m].doubleValue();
    double amplitude =
        Math.hypot(value, Math.sqrt(1 - x * x) * reference[m + 1].doubleValue() / n);

    assertThat(p(n, m, x)).isCloseTo(value, within(1e-12 * amplitude));
    assertThat(amplitude).isFinite();
  }

  @Test
  void secondDerivativesThroughGradientsInsideTheInterval() {
    // P''₄ = (105x² − 15)/2 and P''₅ = (315x³ − 105x)/2, to a few roundings of numbers below 300.
    for (double at = -1.25; at <= 1.25; at += 0.0625) {
      Value x = Value.of(at);
      double p4 = d(d(x.apply("legendre", new double[] {4}), x), x).data();
      double p5 = d(d(x.apply("legendre", new double[] {5}), x), x).data();

      assertThat(p4).as("P4''(%s)", at).isCloseTo((105 * at * at - 15) / 2, within(1e-12));
      assertThat(p5).as("P5''(%s)", at).isCloseTo((315 * at * at - 105) * at / 2, within(1e-12));
    }
  }

  @Test
  void outsideTheIntervalItGrowsToInfinity() {
    assertThat(p(MAX_DEGREE, 2, 1.2)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(p(MAX_DEGREE, 2, -1.2)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(p(MAX_DEGREE, 3, -1.2)).isEqualTo(Double.NEGATIVE_INFINITY);
    // P''₁₀₀(±1.01), beyond the interval, against the decimal recurrence.
    double reference = recurrenceInDecimal(100, 2, 1.01)[2].doubleValue();
    assertThat(p(100, 2, 1.01)).isCloseTo(reference, within(1e-13 * reference));
    assertThat(p(100, 2, -1.01)).isEqualTo(p(100, 2, 1.01));
    assertThat(p(100, 2, Double.NaN)).isNaN();
  }

  @Test
  void ordersZeroAndOneAreLegendresValueAndDerivativeBitForBit() {
    Legendre legendre = new Legendre();
    for (int n : new int[] {0, 1, 2, 7, 1000, MAX_DEGREE}) {
      for (double x : new double[] {-1.2, -1, -0.3, 0, 0.7, 1 - 0x1p-40, 1, 1.5}) {
        double[] grads = new double[1];
        double value = legendre.forward(new double[] {x}, new double[] {n});
        legendre.localGrad(new double[] {x}, new double[] {n}, value, grads);

        assertThat(p(n, 0, x)).isEqualTo(value);
        assertThat(p(n, 1, x)).isEqualTo(grads[0]);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "-1, 2, degree, -1.0",
    "2.5, 2, degree, 2.5",
    "100001, 2, degree, 100001.0",
    "NaN, 2, degree, NaN",
    "5, -1, order, -1.0",
    "5, 0.5, order, 0.5",
    "5, 100001, order, 100001.0",
    "5, 1e300, order, 1.0E300",
    "5, Infinity, order, Infinity",
    "5, NaN, order, NaN"
  })
  void rejectsADegreeOrAnOrderThatIsNotAnIntegerFromZeroToTheLargestAtOnce(
      double degree, double order, String which, String shown) {
    String message =
        which.equals("degree")
            ? "the degree of a Legendre polynomial is an integer from 0 to 100000, got " + shown
            : "the order of a derivative of a Legendre polynomial is an integer from 0 to 100000,"
                + " got "
                + shown;
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () -> {
          assertThatThrownBy(() -> op.forward(new double[] {0.5}, new double[] {degree, order}))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessage(message);
          assertThatThrownBy(
                  () ->
                      Value.of(0.5, "x")
                          .apply("legendre_derivative", new double[] {degree, order}))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageEndingWith(message);
        });
  }

  @Test
  void passesGradCheckAtItsPointsAndOnADenseGridForOrdersUpToFour() {
    GradCheckResult declared = GradCheck.defaults().check(op);

    assertThat(declared.passed()).as(declared.toString()).isTrue();
    assertThat(declared.pointCount()).isEqualTo(288);
    for (int n = 2; n <= 9; n++) {
      for (int m = 2; m <= 4; m++) {
        DenseGrid.check(op, -1.2, 1.2, 121, n, m);
      }
    }
  }
}
