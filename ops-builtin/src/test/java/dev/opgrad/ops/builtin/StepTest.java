package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.spi.Point;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code step}, relu's derivative: 1 above 0, 0 at and below, NaN at NaN, gradient 0. */
class StepTest {

  private final Step step = new Step();
  private final Relu relu = new Relu();

  private double step(double x) {
    return step.forward(new double[] {x}, new double[0]);
  }

  @Test
  void isOneAboveZeroAndZeroAtAndBelowIt() {
    assertThat(step(1e-300)).isEqualTo(1.0);
    assertThat(step(Double.MIN_VALUE)).isEqualTo(1.0);
    assertThat(step(2.5)).isEqualTo(1.0);
    assertThat(step(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(Double.doubleToLongBits(step(0.0))).isEqualTo(Double.doubleToLongBits(0.0));
    assertThat(Double.doubleToLongBits(step(-0.0))).isEqualTo(Double.doubleToLongBits(0.0));
    assertThat(step(-Double.MIN_VALUE)).isEqualTo(0.0);
    assertThat(step(-3)).isEqualTo(0.0);
    assertThat(step(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(step(Double.NaN)).isNaN();
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1.7, -1e-300, -0.0, 0, Double.MIN_VALUE, 0.4, Double.POSITIVE_INFINITY})
  void isRelusLocalGradientAndHasGradientZero(double x) {
    double[] grads = new double[1];
    double[] inputs = {x};
    relu.localGrad(inputs, new double[0], relu.forward(inputs, new double[0]), grads);
    double reluGrad = grads[0];
    step.localGrad(inputs, new double[0], step(x), grads);

    assertThat(step(x)).isEqualTo(reluGrad);
    assertThat(grads[0]).isEqualTo(0.0);
  }

  @Test
  void isRegisteredAndPassesGradCheckAwayFromZero() {
    Value x = Value.of(0.4);
    Value y = x.apply("step").mul(3);
    y.backward();

    assertThat(y.data()).isEqualTo(3.0);
    assertThat(x.grad()).isEqualTo(0.0);
    GradCheckResult declared = GradCheck.defaults().check(step);
    assertThat(declared.passed()).as(declared.toString()).isTrue();
    assertThat(declared.pointCount()).isEqualTo(4);
    GradCheckResult near =
        GradCheck.defaults().check(step, List.of(Point.of(-0.01), Point.of(0.01), Point.of(5)));
    assertThat(near.passed()).as(near.toString()).isTrue();
  }

  @Test
  void aGradientThroughStepIsZeroEvenWhereStepIsNaN() {
    // The eager rule adds g · 0: ±0 for a finite g, so NaN reaches the input only from an infinite
    // or NaN gradient, not from step's own NaN output.
    Value x = Value.of(Double.NaN);
    Value y = x.apply("step");
    y.backward();

    assertThat(y.data()).isNaN();
    assertThat(x.grad()).isEqualTo(0.0);
  }
}
