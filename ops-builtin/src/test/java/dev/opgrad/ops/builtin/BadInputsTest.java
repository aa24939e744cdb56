package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Anomalies;
import dev.opgrad.AnomalyException;
import dev.opgrad.Scope;
import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bad inputs of README's "Errors" table that need the built-in ops: what happens by default
 * (IEEE 754 values propagate, as in PyTorch) and under {@link Anomalies#detect()} (an exception
 * naming the op and the values). After each, the registry and unrelated graphs still work.
 */
class BadInputsTest {

  @AfterEach
  void theRegistryAndUnrelatedGraphsStillWork() {
    assertThat(Anomalies.isDetecting()).isFalse();
    assertThat(OpRegistry.defaultRegistry().problems()).isEmpty();
    Value x = Value.of(-4.0, "x");
    Value y = x.mul(2).add(2).add(x).relu().add(x.mul(x).pow(2)).tanh();
    y.backward();
    assertThat(y.data()).isEqualTo(1.0);
    assertThat(x.grad()).isEqualTo(0.0);
    Value z = Value.of(2.0, "z");
    z.mul(z).add(z).backward();
    assertThat(z.grad()).isEqualTo(5.0);
  }

  @Test
  void aNaNLeafPropagatesAndIsReportedAtTheFirstOpItReaches() {
    Value x = Value.of(Double.NaN, "x");
    Value y = x.mul(2).tanh();
    y.backward();
    assertThat(y.data()).isNaN();
    assertThat(x.grad()).isNaN();

    try (Scope scope = Anomalies.detect()) {
      assertThatThrownBy(() -> x.mul(2))
          .isInstanceOf(AnomalyException.class)
          .hasMessage("anomaly in forward: op 'mul' returned NaN for 'x' (NaN), leaf 2.0");
    }
  }

  @Test
  void anInfiniteLeafIsReportedWhereItMakesAValueNonFinite() {
    Value x = Value.of(Double.POSITIVE_INFINITY, "x");
    Value y = x.tanh();
    y.backward();
    assertThat(y.data()).isEqualTo(1.0);
    assertThat(x.grad()).isEqualTo(0.0);

    try (Scope scope = Anomalies.detect()) {
      assertThat(x.tanh().data()).isEqualTo(1.0);
      assertThatThrownBy(() -> x.sub(x))
          .isInstanceOf(AnomalyException.class)
          .hasMessage(
              "anomaly in forward: op 'sub' returned NaN for 'x' (Infinity), 'x' (Infinity)");
    }
  }

  @Test
  void aNegativeBaseToANonIntegerPowerIsNaN() {
    Value b = Value.of(-8, "b");
    Value y = b.pow(0.5);
    y.backward();
    assertThat(y.data()).isNaN();
    assertThat(b.grad()).isNaN();
    assertThat(b.pow(3).data()).isEqualTo(-512.0);

    try (Scope scope = Anomalies.detect()) {
      assertThatThrownBy(() -> b.pow(0.5))
          .isInstanceOf(AnomalyException.class)
          .hasMessage(
              "anomaly in forward: op 'pow' returned NaN for 'b' (-8.0) with constants [0.5]");
    }
  }

  @Test
  void zeroToANegativePowerIsInfinite() {
    Value z = Value.of(0, "z");
    Value y = z.pow(-1);
    y.backward();
    assertThat(y.data()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(z.grad()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Value.of(0).div(Value.of(0)).data()).isNaN();

    try (Scope scope = Anomalies.detect()) {
      assertThatThrownBy(() -> z.pow(-1))
          .hasMessage(
              "anomaly in forward: op 'pow' returned Infinity for 'z' (0.0) with constants"
                  + " [-1.0]");
      // Finite forward, infinite local gradient: caught in backward, with the path from the root.
      Value root = z.pow(0.5).setLabel("r").mul(3).setLabel("loss");
      assertThatThrownBy(root::backward)
          .isInstanceOf(AnomalyException.class)
          .hasMessage(
              "anomaly in backward: op 'pow' gave the local gradient Infinity to input 0, 'z'"
                  + " (0.0), of 'r' (0.0); its inputs: 'z' (0.0) with constants [0.5]; path from"
                  + " the root: 'loss' (0.0) -> 'r' (0.0)");
    }
  }

  @Test
  void expOverflowsToInfinityAbove709() {
    Value t = Value.of(710, "t");
    Value y = t.exp();
    y.backward();
    assertThat(Value.of(709).exp().data()).isEqualTo(8.218407461554972E307);
    assertThat(y.data()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(t.grad()).isEqualTo(Double.POSITIVE_INFINITY);

    try (Scope scope = Anomalies.detect()) {
      assertThatThrownBy(() -> t.exp())
          .hasMessage("anomaly in forward: op 'exp' returned Infinity for 't' (710.0)");
      // Every value finite, but a gradient overflows on its way down: 1e10 * exp(709).
      Value e = Value.of(709, "s").exp().setLabel("e");
      Value root = e.mul(Value.of(1e-300, "b")).setLabel("p").mul(1e10).setLabel("loss");
      assertThatThrownBy(root::backward)
          .isInstanceOf(AnomalyException.class)
          .hasMessage(
              "anomaly in backward: op 'mul' passed the gradient Infinity (1.0E10 * local gradient"
                  + " 8.218407461554972E307) to input 1, 'b' (1.0E-300), of 'p'"
                  + " (8.218407461554973E7); its inputs: 'e' (8.218407461554972E307), 'b'"
                  + " (1.0E-300); path from the root: 'loss' (8.2184074615549734E17) -> 'p'"
                  + " (8.218407461554973E7)");
    }
  }

  @Test
  void anUnknownOpNameNamesTheValueAndListsTheKnownOps() {
    Value x = Value.of(1, "x");

    assertThatThrownBy(() -> x.apply("sigmoid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot apply 'sigmoid' to 'x' (1.0): no op named 'sigmoid'; known ops: abs, add,"
                + " div, exp, linear, log, mean, mul, neg, pow, relu, sign, sqrt, step, sub, sum,"
                + " tanh");
  }

  @Test
  void theWrongNumberOfInputsOrConstantsToApplyNamesTheOpAndValues() {
    Value x = Value.of(2, "x");

    assertThatThrownBy(() -> x.apply("tanh", Value.of(3, "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'tanh' takes 1 input, got 2: 'x' (2.0), 'y' (3.0)");
    assertThatThrownBy(() -> x.apply("pow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'pow' takes 1 constant, got 0: [] (applied to 'x' (2.0))");
  }
}
