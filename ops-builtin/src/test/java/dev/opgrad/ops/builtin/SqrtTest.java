package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Anomalies;
import dev.opgrad.AnomalyException;
import dev.opgrad.Gradients;
import dev.opgrad.Scope;
import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.testing.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code sqrt} and {@link Value#sqrt()}, with PyTorch's conventions at 0 and below. */
class SqrtTest {

  private static final double[] NO_CONSTANTS = {};

  private static final double[] SPECIAL = {
    0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 0.25, 2, 4, 1e300, Double.MAX_VALUE,
    Double.POSITIVE_INFINITY, -Double.MIN_VALUE, -1, Double.NEGATIVE_INFINITY, Double.NaN
  };

  private final Sqrt sqrt = new Sqrt();

  private double local(double x) {
    double[] grads = new double[1];
    double output = sqrt.forward(new double[] {x}, NO_CONSTANTS);
    sqrt.localGrad(new double[] {x}, NO_CONSTANTS, output, grads);
    return grads[0];
  }

  @Test
  void valuesAreMathSqrts() {
    assertThat(Value.of(6.25).sqrt().data()).isEqualTo(2.5);
    assertThat(Value.of(2).sqrt().data()).isEqualTo(1.4142135623730951);
    assertThat(Value.of(Double.MIN_VALUE).sqrt().data()).isEqualTo(2.2227587494850775E-162);
    assertThat(Double.doubleToRawLongBits(Value.of(0.0).sqrt().data())).isEqualTo(0L);
    assertThat(Double.doubleToRawLongBits(Value.of(-0.0).sqrt().data()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Value.of(Double.POSITIVE_INFINITY).sqrt().data())
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Value.of(-1).sqrt().data()).isNaN();
    assertThat(Value.of(-Double.MIN_VALUE).sqrt().data()).isNaN();
    assertThat(Value.of(Double.NaN).sqrt().data()).isNaN();
  }

  @Test
  void localGradientIsHalfOverTheOutputInfiniteAtZeroNaNBelow() {
    assertThat(local(4)).isEqualTo(0.25);
    assertThat(local(0.25)).isEqualTo(1.0);
    assertThat(local(0.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(local(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(local(Double.MIN_VALUE)).isEqualTo(0.5 / 2.2227587494850775E-162).isFinite();
    assertThat(local(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    assertThat(local(-1)).isNaN();
    assertThat(local(Double.NEGATIVE_INFINITY)).isNaN();
    assertThat(local(Double.NaN)).isNaN();
  }

  @Test
  void localGradientIsPyTorchsGradOverTwiceTheResult() {
    for (double x : SPECIAL) {
      double result = Math.sqrt(x);
      assertThat(Double.doubleToLongBits(local(x)))
          .as("sqrt'(%s)", x)
          .isEqualTo(Double.doubleToLongBits(1 / (2 * result)));
    }
  }

  @Test
  void passesGradCheckAtItsPoints() {
    GradCheckResult result = GradCheck.defaults().check(sqrt);

    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.pointCount()).isEqualTo(6);
  }

  @Test
  void theLocalGradientAsAValueIsTheNumberBitForBit() {
    for (double x : SPECIAL) {
      Value input = Value.of(x);
      Value output = input.sqrt();
      Value[] grads = new Value[1];

      sqrt.localGrad(new Value[] {input}, NO_CONSTANTS, output, grads);

      assertThat(Double.doubleToLongBits(grads[0].data()))
          .as("sqrt'(%s) as a value", x)
          .isEqualTo(Double.doubleToLongBits(local(x)));
      assertThat(grads[0].op().name()).isEqualTo("div");
      assertThat(grads[0].inputs().get(1)).isSameAs(output);
    }
  }

  @Test
  void secondDerivativeIsMinusAQuarterOfXToTheMinusThreeHalves() {
    // Points where every step is exact: sqrt'' = −1/(4·x^{3/2}).
    double[][] xAndExact = {{4, -1.0 / 32}, {0.25, -2}, {16, -1.0 / 256}, {1, -0.25}};
    for (double[] point : xAndExact) {
      Value x = Value.of(point[0]);
      Value y = x.sqrt();
      Value dy = Gradients.of(y, List.of(x)).get(0);
      Value d2y = Gradients.of(dy, List.of(x)).get(0);

      assertThat(dy.data()).isEqualTo(0.5 / Math.sqrt(point[0]));
      assertThat(d2y.data()).as("sqrt''(%s)", point[0]).isEqualTo(point[1]);
    }
  }

  @Test
  void firstDerivativeAsAValueIsWhatBackwardGives() {
    for (double x : new double[] {0.3, 2, 7.1, 1e-300, 0.0}) {
      Value leaf = Value.of(x);
      Value y = leaf.sqrt().mul(1.7);
      double asValue = Gradients.of(y, List.of(leaf)).get(0).data();
      y.backward();

      assertThat(Double.doubleToLongBits(asValue)).isEqualTo(Double.doubleToLongBits(leaf.grad()));
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void sqrtIsBuiltInOnEveryDriver(Driver driver) {
    Driver.Result result = driver.run(v -> v.get(0).sqrt().add(v.get(1).sqrt()), 6.25, 0.0);

    assertThat(result.output()).isEqualTo(2.5);
    assertThat(result.grads()).containsExactly(0.2, Double.POSITIVE_INFINITY);
  }

  @Test
  void theSquareRootOfANegativeNumberIsAnAnomaly() {
    try (Scope scope = Anomalies.detect()) {
      assertThatThrownBy(() -> Value.of(-1, "x").sqrt())
          .isInstanceOf(AnomalyException.class)
          .hasMessage("anomaly in forward: op 'sqrt' returned NaN for 'x' (-1.0)");
    }
  }
}
