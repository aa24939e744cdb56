package dev.opgrad;

import static dev.opgrad.testing.TestOps.plus;
import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.testing.TestOps;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NoGradTest {

  @Test
  void insideAScopeOpsComputeTheirDataAndKeepNoInputs() {
    Value x = Value.of(3, "x");
    Value w = Value.of(-2, "w");
    Value tracked = plus(times(x, w), x);

    Value untracked;
    try (Scope scope = NoGrad.enter()) {
      assertThat(NoGrad.isOn()).isTrue();
      untracked = plus(times(x, w), x);
    }

    assertThat(NoGrad.isOn()).isFalse();
    assertThat(untracked.data()).isEqualTo(tracked.data()).isEqualTo(-3.0);
    assertThat(untracked.isLeaf()).isTrue();
    assertThat(untracked.inputs()).isEmpty();
    assertThat(untracked.requiresGrad()).isFalse();
    assertThat(tracked.inputs()).hasSize(2);
  }

  @Test
  void aValueComputedUnderNoGradIsAConstantAfterwards() {
    Value x = Value.of(3, "x");
    Value k;
    try (Scope scope = NoGrad.enter()) {
      k = times(x, x).setLabel("k");
    }

    assertThatThrownBy(k::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "backward from 'k' (9.0), which wants no gradient: it is a constant, or computed from"
                + " constants only or under NoGrad");
    Value y = times(k, x);
    y.backward();
    assertThat(x.grad()).isEqualTo(9.0);
  }

  @Test
  void aFailingOpIsNamedWithItsInputsAsOutsideTheScope() {
    try (Scope scope = NoGrad.enter()) {
      assertThatThrownBy(() -> Value.of(-2, "x").apply(TestOps.PICKY, new double[0]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("op 'picky' failed on 'x' (-2.0): negative");
    }
  }

  @Test
  void scopesNestAndArePerThread() throws Exception {
    try (Scope outer = NoGrad.enter()) {
      assertThat(CompletableFuture.supplyAsync(NoGrad::isOn).get()).isFalse();
      assertThat(
              CompletableFuture.supplyAsync(() -> times(Value.of(2), Value.of(3)).isLeaf()).get())
          .isFalse();
      Scope inner = NoGrad.enter();
      inner.close();
      inner.close();
      assertThat(NoGrad.isOn()).isTrue();
      assertThatThrownBy(() -> CompletableFuture.runAsync(outer::close).join())
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("a no-grad scope must be closed on the thread that opened it");
      assertThat(NoGrad.isOn()).isTrue();
    }
    assertThat(NoGrad.isOn()).isFalse();
  }
}
