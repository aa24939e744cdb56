package dev.opgrad;

import static dev.opgrad.testing.TestOps.TIMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.spi.Op;
import dev.opgrad.testing.TestOps;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AnomaliesTest {

  private static final double[] NONE = {};
  private static final Op SQRT = TestOps.unary("sqrt", Math::sqrt, (x, out) -> 0.5 / out);
  private static final Op LN = TestOps.unary("ln", Math::log, (x, out) -> 1 / x);

  private static Value times(Value a, Value b) {
    return a.apply(TIMES, NONE, b);
  }

  @Test
  void offByDefaultNaNAndInfinityPropagateAsInPyTorch() {
    assertThat(Anomalies.isDetecting()).isFalse();
    Value x = Value.of(0, "x");
    Value r = x.apply(SQRT, NONE);
    Value l = Value.of(-1).apply(LN, NONE);

    r.backward();

    assertThat(r.data()).isEqualTo(0.0);
    assertThat(x.grad()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(l.data()).isNaN();
  }

  @Test
  void aNonFiniteForwardValueThrowsAtOnceNamingTheOpAndItsInputs() {
    Value x = Value.of(-1, "x");
    try (Anomalies.Scope scope = Anomalies.detect()) {
      assertThat(Anomalies.isDetecting()).isTrue();
      assertThatThrownBy(() -> x.apply(LN, NONE))
          .isInstanceOf(AnomalyException.class)
          .hasMessage("anomaly in forward: op 'ln' returned NaN for 'x' (-1.0)");
      assertThatThrownBy(() -> Value.of(0).apply(TestOps.SCALE, new double[] {2}).apply(LN, NONE))
          .hasMessage("anomaly in forward: op 'ln' returned -Infinity for output of 'scale' (0.0)");
      // The failed call left nothing behind: the same inputs still work with other ops.
      assertThat(times(x, x).data()).isEqualTo(1.0);
    }
    assertThat(Anomalies.isDetecting()).isFalse();
    assertThat(x.apply(LN, NONE).data()).isNaN();
  }

  @Test
  void aNonFiniteLocalGradientThrowsNamingTheOpTheInputsAndThePathFromTheRoot() {
    Value x = Value.of(0, "x");
    Value w = Value.of(3, "w");
    Value r = x.apply(SQRT, NONE).labeled("r");
    Value loss = times(times(r, w), w).labeled("loss");

    try (Anomalies.Scope scope = Anomalies.detect()) {
      assertThatThrownBy(loss::backward)
          .isInstanceOf(AnomalyException.class)
          .hasMessage(
              "anomaly in backward: op 'sqrt' gave the local gradient Infinity to input 1, 'x'"
                  + " (0.0), of 'r' (0.0); its inputs: 'x' (0.0); path from the root: 'loss' (0.0)"
                  + " -> output of 'times' (0.0) -> 'r' (0.0)");
    }
    // The graph stays usable: without detection the same pass completes.
    w.zeroGrad();
    loss.backward();
    assertThat(w.grad()).isEqualTo(0.0);
    assertThat(x.grad()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void aGradientThatOverflowsOnItsWayToAnInputIsAnAnomalyToo() {
    Value a = Value.of(1e200, "a");
    Value b = Value.of(1e-200, "b");
    Value c = Value.of(1e200, "c");
    Value n = times(a, b).labeled("n");
    Value root = times(n, c).labeled("root");

    try (Anomalies.Scope scope = Anomalies.detect()) {
      assertThatThrownBy(root::backward)
          .isInstanceOf(AnomalyException.class)
          .hasMessage(
              "anomaly in backward: op 'times' passed the gradient Infinity (1.0E200 * local"
                  + " gradient 1.0E200) to input 2, 'b' (1.0E-200), of 'n' (1.0); its inputs: 'a'"
                  + " (1.0E200), 'b' (1.0E-200); path from the root: 'root' (1.0E200) -> 'n'"
                  + " (1.0)");
    }
  }

  @Test
  void aLocalGradientThatIsNotWrittenIsNaNAndDetected() {
    Op lazy = TestOps.op("lazy", 1, x -> x[0], (x, out, g) -> {});
    Value x = Value.of(2, "x");
    // times runs first in backward and leaves 2.0 in the scratch array: lazy must not reuse it.
    Value y = times(x.apply(lazy, NONE).labeled("y"), x);

    y.backward();
    assertThat(x.grad()).isNaN();

    try (Anomalies.Scope scope = Anomalies.detect()) {
      assertThatThrownBy(y::backward)
          .hasMessageStartingWith(
              "anomaly in backward: op 'lazy' gave the local gradient NaN to"
                  + " input 1, 'x' (2.0), of 'y' (2.0)");
    }
  }

  @Test
  void aLocalGradientOfNaNPropagatesOrIsDetected() {
    Op faulty = TestOps.unary("faulty", x -> 2 * x, (x, out) -> Double.NaN);
    Value x = Value.of(2, "x");
    Value y = times(x.apply(faulty, NONE), Value.of(3, "k"));

    y.backward();
    assertThat(x.grad()).isNaN();

    try (Anomalies.Scope scope = Anomalies.detect()) {
      assertThatThrownBy(y::backward)
          .hasMessage(
              "anomaly in backward: op 'faulty' gave the local gradient NaN to input 1, 'x' (2.0),"
                  + " of output of 'faulty' (4.0); its inputs: 'x' (2.0); path from the root:"
                  + " output of 'times' (12.0) -> output of 'faulty' (4.0)");
    }
  }

  @Test
  void detectionIsPerThreadAndScopesNest() throws Exception {
    try (Anomalies.Scope outer = Anomalies.detect()) {
      assertThat(CompletableFuture.supplyAsync(Anomalies::isDetecting).get()).isFalse();
      assertThat(CompletableFuture.supplyAsync(() -> Value.of(-1).apply(LN, NONE).data()).get())
          .isNaN();
      Anomalies.Scope inner = Anomalies.detect();
      inner.close();
      inner.close();
      assertThat(Anomalies.isDetecting()).isTrue();
      assertThatThrownBy(() -> CompletableFuture.runAsync(outer::close).join())
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("an anomaly scope must be closed on the thread that opened it");
      assertThat(Anomalies.isDetecting()).isTrue();
    }
    assertThat(Anomalies.isDetecting()).isFalse();
  }
}
