package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import org.junit.jupiter.api.Test;

/** {@code sign}, {@code abs}'s local gradient as a value. */
class SignTest {

  private static final double[] NO_CONSTANTS = {};

  private static final double[] SPECIAL = {
    0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 2.5, -2.5, Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY, Double.NaN
  };

  private final Sign sign = new Sign();

  private double forward(double x) {
    return sign.forward(new double[] {x}, NO_CONSTANTS);
  }

  @Test
  void isOneMinusOneOrPlusZeroAndNaNAtNaN() {
    assertThat(forward(2.5)).isEqualTo(1.0);
    assertThat(forward(Double.MIN_VALUE)).isEqualTo(1.0);
    assertThat(forward(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(forward(-2.5)).isEqualTo(-1.0);
    assertThat(forward(-Double.MIN_VALUE)).isEqualTo(-1.0);
    assertThat(forward(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
    assertThat(Double.doubleToRawLongBits(forward(0.0))).isEqualTo(0L);
    assertThat(Double.doubleToRawLongBits(forward(-0.0))).isEqualTo(0L);
    assertThat(forward(Double.NaN)).isNaN();
    assertThat(Value.of(-7).apply("sign").data()).isEqualTo(-1.0);
  }

  @Test
  void localGradientIsZeroEverywhereAsANumberAndAsAConstant() {
    for (double x : SPECIAL) {
      double[] grads = {Double.NaN};
      sign.localGrad(new double[] {x}, NO_CONSTANTS, forward(x), grads);
      Value input = Value.of(x);
      Value[] asValues = new Value[1];
      sign.localGrad(new Value[] {input}, NO_CONSTANTS, input.apply("sign"), asValues);

      assertThat(Double.doubleToRawLongBits(grads[0])).as("sign'(%s)", x).isEqualTo(0L);
      assertThat(Double.doubleToRawLongBits(asValues[0].data())).isEqualTo(0L);
      assertThat(asValues[0].requiresGrad()).isFalse();
    }
  }

  @Test
  void passesGradCheckAtItsPoints() {
    GradCheckResult result = GradCheck.defaults().check(sign);

    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.pointCount()).isEqualTo(4);
  }

  @Test
  void backwardThroughSignPassesZeroButNaNForAnInfiniteGradient() {
    Value x = Value.of(1.5);
    x.apply("sign").mul(4).backward();
    assertThat(x.grad()).isEqualTo(0.0);

    Value y = Value.of(1.5);
    y.apply("sign").mul(Double.POSITIVE_INFINITY).backward();
    assertThat(y.grad()).isNaN();
  }
}
