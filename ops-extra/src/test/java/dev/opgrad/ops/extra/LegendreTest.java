package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegendreTest {

  /** The largest degree {@code legendre} accepts. */
  private static final int MAX_DEGREE = 100_000;

  private final Legendre op = new Legendre();

  private double value(int degree, double x) {
    return op.forward(new double[] {x}, new double[] {degree});
  }

  private double derivative(int degree, double x) {
    double[] grads = new double[1];
    op.localGrad(new double[] {x}, new double[] {degree}, value(degree, x), grads);
    return grads[0];
  }

  /** {Pₙ(x), P'ₙ(x)} by Bonnet's recurrence and P'_k = k·P_{k−1} + x·P'_{k−1}, to 34 digits. */
  private static BigDecimal[] recurrenceInDecimal(int degree, double x) {
    MathContext context = MathContext.DECIMAL128;
    BigDecimal exactX = new BigDecimal(x);
    BigDecimal previous = BigDecimal.ZERO; // P_{k-2}
    BigDecimal value = BigDecimal.ONE; // P_{k-1}, then P_k
    BigDecimal derivative = BigDecimal.ZERO; // P'_{k-1}, then P'_k
    for (int k = 1; k <= degree; k++) {
      BigDecimal bigK = BigDecimal.valueOf(k);
      derivative = bigK.multiply(value, context).add(exactX.multiply(derivative, context), context);
      BigDecimal next =
          BigDecimal.valueOf(2L * k - 1)
              .multiply(exactX, context)
              .multiply(value, context)
              .subtract(BigDecimal.valueOf(k - 1).multiply(previous, context), context)
              .divide(bigK, context);
      previous = value;
      value = next;
    }
    return new BigDecimal[] {value, derivative};
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 10, 20, 1001, 99_999, MAX_DEGREE})
  void valuesAndDerivativesAtTheEndsOfTheInterval(int n) {
    assertThat(value(n, 1)).isEqualTo(1.0);
    assertThat(value(n, -1)).isEqualTo(n % 2 == 0 ? 1.0 : -1.0);
    // P'_n(1) = n(n+1)/2 and P'_n(-1) = (-1)^(n+1) n(n+1)/2, exactly: no division by x² - 1.
    assertThat(derivative(n, 1)).isEqualTo(n * (n + 1.0) / 2);
    assertThat(derivative(n, -1)).isEqualTo((n % 2 == 0 ? -1 : 1) * n * (n + 1.0) / 2);
  }

  /**
   * At the largest degree, against the three-term recurrence evaluated in 34-digit decimal
   * arithmetic (which agrees with mpmath's hypergeometric Pₙ to 20 digits at the points near 1).
   * Near ±1 that recurrence, {@code (k+1)P_{k+1} = (2k+1)x·P_k − k·P_{k−1}}, is off by up to 6e-8
   * at this degree in doubles. The tolerance on Pₙ is one rounding of a number below 1 per step,
   * n·2⁻⁵³ ≈ 1.1e-11 (measured: at most 8e-13 over 440 points); P'ₙ is held to 1e-11 relative at
   * these points, none near a zero of P'ₙ (measured: at most 7e-13).
   */
  @ParameterizedTest
  @ValueSource(
      doubles = {-1 + 0x1p-40, -0.999999, -0.7, 0.1, 0.5, 1 - 1e-9, 1 - 0x1p-52, 1 + 0x1p-30})
  void isAccurateAtTheLargestDegree(double x) {
    BigDecimal[] reference = recurrenceInDecimal(MAX_DEGREE, x);
    double p = reference[0].doubleValue();
    double dp = reference[1].doubleValue();

    if (Math.abs(x) <= 1) {
      assertThat(value(MAX_DEGREE, x)).isCloseTo(p, within(MAX_DEGREE * 0x1p-53));
    } else {
      assertThat(value(MAX_DEGREE, x)).isCloseTo(p, within(1e-11 * Math.abs(p)));
    }
    assertThat(derivative(MAX_DEGREE, x)).isCloseTo(dp, within(1e-11 * Math.abs(dp)));
  }

  @Test
  void beyondTheRangeOfDoublesOutsideTheIntervalIsInfinite() {
    // P_1146(1.2) = 1.11e308 is just below Double.MAX_VALUE; products in its recurrence are not.
    BigDecimal[] reference = recurrenceInDecimal(1146, 1.2);
    assertThat(value(1146, 1.2)).isCloseTo(reference[0].doubleValue(), within(1e-13 * 1.2e308));
    assertThat(value(1146, -1.2)).isEqualTo(value(1146, 1.2));
    assertThat(derivative(1146, 1.2)).isEqualTo(Double.POSITIVE_INFINITY); // 1.92e311

    assertThat(value(1147, 1.2)).isEqualTo(Double.POSITIVE_INFINITY); // 2.07e308
    assertThat(value(MAX_DEGREE, 1.2)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(value(MAX_DEGREE, -1.2)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(value(MAX_DEGREE - 1, -1.2)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(derivative(MAX_DEGREE, 1.2)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(derivative(MAX_DEGREE, -1.2)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void matchesTheClosedFormsOfLowDegrees() {
    for (double x = -1.5; x <= 1.5; x += 0.0625) {
      double x2 = x * x;
      assertThat(value(0, x)).isEqualTo(1.0);
      assertThat(value(1, x)).isEqualTo(x);
      assertThat(value(2, x)).isCloseTo((3 * x2 - 1) / 2, within(1e-14));
      assertThat(value(4, x)).isCloseTo((35 * x2 * x2 - 30 * x2 + 3) / 8, within(1e-13));
      assertThat(value(5, x))
          .isCloseTo((63 * x2 * x2 * x - 70 * x2 * x + 15 * x) / 8, within(1e-13));
      assertThat(derivative(0, x)).isEqualTo(0.0);
      assertThat(derivative(1, x)).isEqualTo(1.0);
      assertThat(derivative(2, x)).isCloseTo(3 * x, within(1e-14));
      assertThat(derivative(4, x)).isCloseTo((140 * x2 * x - 60 * x) / 8, within(1e-13));
      assertThat(derivative(5, x)).isCloseTo((315 * x2 * x2 - 210 * x2 + 15) / 8, within(1e-13));
    }
  }

  @Test
  void p10AtAHalf() {
    // P10(1/2) = -49343/262144 = -0.18822860717773438, exactly representable.
    assertThat(value(10, 0.5)).isCloseTo(-49343.0 / 262144, within(1e-16));
  }

  @Test
  void theDegreeIsAConstantThatGetsNoGradient() {
    Value x = Value.of(0.5, "x");

    Value y = x.apply("legendre", new double[] {2}); // (3x² - 1)/2
    y.backward();

    assertThat(y.inputs()).containsExactly(x);
    assertThat(y.data()).isEqualTo(-0.125);
    assertThat(x.grad()).isEqualTo(1.5);
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {
        -1, 2.5, Double.NaN, Double.POSITIVE_INFINITY, MAX_DEGREE + 1, 1.2e9, Integer.MAX_VALUE,
        1e300
      })
  void rejectsADegreeThatIsNotAnIntegerFromZeroToTheLargestAtOnce(double degree) {
    String message =
        "the degree of a Legendre polynomial is an integer from 0 to 100000, got " + degree;
    // The degree is checked before any work: 2³¹ − 1 steps would take seconds.
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () -> {
          assertThatThrownBy(() -> op.forward(new double[] {0.5}, new double[] {degree}))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessage(message);
          assertThatThrownBy(
                  () -> op.localGrad(new double[] {0.5}, new double[] {degree}, 0, new double[1]))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessage(message);
          assertThatThrownBy(() -> Value.of(0.5, "x").apply("legendre", new double[] {degree}))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessage(
                  "op 'legendre' failed on 'x' (0.5) with constants [%s]: %s", degree, message);
        });
  }

  @Test
  void passesGradCheckAtItsPointsAndOnADenseGridForEveryDegreeUpToTwelve() {
    GradCheckResult declared = GradCheck.defaults().check(op);

    assertThat(declared.passed()).as(declared.toString()).isTrue();
    assertThat(declared.pointCount()).isEqualTo(72);
    for (int n = 0; n <= 12; n++) {
      DenseGrid.check(op, -1.2, 1.2, 241, n);
    }
  }
}
