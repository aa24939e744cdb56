package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.testing.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code abs} and {@link Value#abs()}: its gradient is PyTorch's {@code sgn}, 0 at 0. */
class AbsTest {

  private static final double[] NO_CONSTANTS = {};

  private static final double[] SPECIAL = {
    0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, -Double.MIN_NORMAL, 2.5, -2.5, Double.MAX_VALUE,
    -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN
  };

  private final Abs abs = new Abs();

  private double local(double x) {
    double[] grads = new double[1];
    double output = abs.forward(new double[] {x}, NO_CONSTANTS);
    abs.localGrad(new double[] {x}, NO_CONSTANTS, output, grads);
    return grads[0];
  }

  private static long bits(double x) {
    return Double.doubleToRawLongBits(x);
  }

  @Test
  void valuesAreMathAbs() {
    assertThat(Value.of(-2.5).abs().data()).isEqualTo(2.5);
    assertThat(Value.of(3).abs().data()).isEqualTo(3.0);
    assertThat(bits(Value.of(-0.0).abs().data())).isEqualTo(0L);
    assertThat(Value.of(-Double.MIN_VALUE).abs().data()).isEqualTo(Double.MIN_VALUE);
    assertThat(Value.of(Double.NEGATIVE_INFINITY).abs().data()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Value.of(Double.NaN).abs().data()).isNaN();
  }

  @Test
  void localGradientIsTheSignZeroAtBothZerosNaNAtNaN() {
    assertThat(local(2.5)).isEqualTo(1.0);
    assertThat(local(-2.5)).isEqualTo(-1.0);
    assertThat(local(Double.MIN_VALUE)).isEqualTo(1.0);
    assertThat(local(-Double.MIN_VALUE)).isEqualTo(-1.0);
    assertThat(local(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(local(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
    assertThat(bits(local(0.0))).isEqualTo(0L);
    assertThat(bits(local(-0.0))).isEqualTo(0L);
    assertThat(local(Double.NaN)).isNaN();
  }

  @Test
  void passesGradCheckAtItsPoints() {
    GradCheckResult result = GradCheck.defaults().check(abs);

    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.pointCount()).isEqualTo(4);
  }

  @Test
  void theLocalGradientAsAValueIsASignNodeOfTheInputWithTheNumberBitForBit() {
    for (double x : SPECIAL) {
      Value input = Value.of(x);
      Value[] grads = new Value[1];

      abs.localGrad(new Value[] {input}, NO_CONSTANTS, input.abs(), grads);

      assertThat(Double.doubleToLongBits(grads[0].data()))
          .as("abs'(%s) as a value", x)
          .isEqualTo(Double.doubleToLongBits(local(x)));
      assertThat(grads[0].op().name()).isEqualTo("sign");
      assertThat(grads[0].inputs()).containsExactly(input);
    }
  }

  @Test
  void secondDerivativeIsZero() {
    for (double point : new double[] {-2, 3, 0.0}) {
      Value x = Value.of(point);
      Value dy = Gradients.of(x.abs(), List.of(x)).get(0);
      Value d2y = Gradients.of(dy, List.of(x)).get(0);

      assertThat(dy.data()).isEqualTo(point == 0 ? 0.0 : Math.signum(point));
      assertThat(bits(d2y.data())).as("abs''(%s)", point).isEqualTo(0L);
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void absIsBuiltInOnEveryDriverWithGradientZeroAtZero(Driver driver) {
    Driver.Result result =
        driver.run(
            v -> v.get(0).abs().add(v.get(1).abs()).add(v.get(2).abs()).mul(1.5), -1.5, 0.0, 4);

    assertThat(result.output()).isEqualTo(8.25);
    assertThat(result.grads()).containsExactly(-1.5, 0.0, 1.5);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void absOfNaNIsNaNWithANaNGradient(Driver driver) {
    Driver.Result result = driver.run(v -> v.get(0).abs().add(v.get(1).abs()), Double.NaN, -0.0);

    assertThat(result.output()).isNaN();
    assertThat(result.grads()[0]).isNaN();
    assertThat(bits(result.grads()[1])).isEqualTo(0L);
  }
}
