package dev.opgrad;

import static dev.opgrad.testing.TestOps.plus;
import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.spi.Op;
import dev.opgrad.testing.Driver;
import dev.opgrad.testing.TestOps;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Constants and {@code detach()}: values that get no gradient, as PyTorch's requires_grad=False. */
class ConstantsTest {

  private static final double[] NONE = {};

  /** Counts its local-gradient calls: backward must not reach it below a constant. */
  private static final class Counting {
    int localGrads;
    final Op op =
        TestOps.unary(
            "counted",
            x -> 2 * x,
            (x, out) -> {
              localGrads++;
              return 2;
            });
  }

  @Test
  void aConstantWantsNoGradientAndNeitherDoesANodeOfConstantsOnly() {
    Value c = Value.constant(3);
    Value x = Value.of(2);

    assertThat(c.requiresGrad()).isFalse();
    assertThat(c.isLeaf()).isTrue();
    assertThat(x.requiresGrad()).isTrue();
    assertThat(times(c, Value.constant(4)).requiresGrad()).isFalse();
    assertThat(times(c, x).requiresGrad()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aConstantGetsNoGradient(Driver driver) {
    Value[] constant = new Value[1];
    Driver.Result result =
        driver.run(
            v -> {
              constant[0] = Value.constant(3);
              return times(times(v.get(0), constant[0]), constant[0]);
            },
            5);

    assertThat(result.output()).isEqualTo(45.0);
    assertThat(result.grads()).containsExactly(9.0);
    assertThat(constant[0].grad()).isEqualTo(0.0);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void backwardComputesNoGradientBelowAConstant(Driver driver) {
    Counting counting = new Counting();
    // (counted(counted(c)) + x) · x: the two counted nodes are constants' only.
    Driver.Result result =
        driver.run(
            v -> {
              Value c = Value.constant(1.5);
              Value k = c.apply(counting.op, NONE).apply(counting.op, NONE);
              return times(plus(k, v.get(0)), v.get(0));
            },
            2);

    assertThat(result.output()).isEqualTo(16.0);
    assertThat(result.grads()).containsExactly(10.0);
    assertThat(counting.localGrads).isZero();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void detachStopsTheGradientWhereItIsTaken(Driver driver) {
    // y = x·x; z = detach(y)·x: dz/dx is y's data, 9, not 3·9 = 27.
    Driver.Result result = driver.run(v -> times(times(v.get(0), v.get(0)).detach(), v.get(0)), 3);

    assertThat(result.output()).isEqualTo(27.0);
    assertThat(result.grads()).containsExactly(9.0);
  }

  @Test
  void backwardFromAConstantIsTheSameErrorOnEveryDriver() {
    String message =
        "backward from 'k' (6.0), which wants no gradient: it is a constant, or computed from"
            + " constants only or under NoGrad";
    Value k = times(Value.constant(2), Value.constant(3)).setLabel("k");

    assertThatThrownBy(k::backward).isInstanceOf(IllegalStateException.class).hasMessage(message);
    assertThatThrownBy(() -> CompiledGraph.capture(k, List.of()).backward())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> BatchGradients.compute(new double[0], 1, (p, s) -> k, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(message);
  }

  @Test
  void aDetachedValueIsAConstantOfTheSameData() {
    Value x = Value.of(2.5, "x");
    Value d = x.detach();

    assertThat(d.data()).isEqualTo(2.5);
    assertThat(d.requiresGrad()).isFalse();
    assertThat(d.isLeaf()).isTrue();
    assertThat(d.label()).isNull();
  }

  @Test
  void aConstantFeedOfACompiledGraphStillTakesNewData() {
    Value w = Value.of(2);
    Value x = Value.constant(3);
    // x·x is a node of constants only: it must be recomputed from the new feed all the same.
    CompiledGraph compiled = CompiledGraph.capture(times(w, times(x, x)), List.of(w), List.of(x));

    compiled.setFeed(0, 5);
    assertThat(compiled.forward()).isEqualTo(50.0);
    compiled.backward();
    assertThat(compiled.grad(0)).isEqualTo(25.0);
    assertThat(compiled.feedGrad(0)).isEqualTo(0.0);
  }
}
