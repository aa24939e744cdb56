package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegendreTest {

  private final Legendre op = new Legendre();

  private double value(int degree, double x) {
    return op.forward(new double[] {x}, new double[] {degree});
  }

  private double derivative(int degree, double x) {
    double[] grads = new double[1];
    op.localGrad(new double[] {x}, new double[] {degree}, value(degree, x), grads);
    return grads[0];
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 10, 20})
  void valuesAndDerivativesAtTheEndsOfTheInterval(int n) {
    assertThat(value(n, 1)).isEqualTo(1.0);
    assertThat(value(n, -1)).isEqualTo(n % 2 == 0 ? 1.0 : -1.0);
    // P'_n(1) = n(n+1)/2 and P'_n(-1) = (-1)^(n+1) n(n+1)/2, exactly: no division by x² - 1.
    assertThat(derivative(n, 1)).isEqualTo(n * (n + 1) / 2.0);
    assertThat(derivative(n, -1)).isEqualTo((n % 2 == 0 ? -1 : 1) * n * (n + 1) / 2.0);
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
  @ValueSource(doubles = {-1, 2.5, Double.NaN, Double.POSITIVE_INFINITY})
  void rejectsADegreeThatIsNotANonNegativeInteger(double degree) {
    assertThatThrownBy(() -> op.forward(new double[] {0.5}, new double[] {degree}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the degree of a Legendre polynomial is a non-negative integer, got " + degree);
    assertThatThrownBy(() -> Value.of(0.5).apply("legendre", new double[] {degree}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("legendre")
        .hasMessageContaining(String.valueOf(degree));
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
