package dev.opgrad;

import static dev.opgrad.testing.TestOps.TIMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.spi.Op;
import dev.opgrad.testing.Driver;
import dev.opgrad.testing.TestOps;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Anomaly detection, the same on every {@link Driver}. */
class AnomaliesTest {

  private static final double[] NONE = {};
  private static final Op SQRT = TestOps.unary("sqrt", Math::sqrt, (x, out) -> 0.5 / out);
  private static final Op LN = TestOps.unary("ln", Math::log, (x, out) -> 1 / x);

  private static Value times(Value a, Value b) {
    return a.apply(TIMES, NONE, b);
  }

  /** Runs {@code graph} with {@code driver} under detection, captured at {@code captureAt}. */
  private static Driver.Result detecting(
      Driver driver, Function<List<Value>, Value> graph, double[] captureAt, double... leafData) {
    try (Scope scope = Anomalies.detect()) {
      return driver.run(graph, captureAt, leafData);
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void offByDefaultNaNAndInfinityPropagateAsInPyTorch(Driver driver) {
    assertThat(Anomalies.isDetecting()).isFalse();

    Driver.Result root = driver.run(v -> v.get(0).apply(SQRT, NONE), 0);
    Driver.Result ln = driver.run(v -> v.get(0).apply(LN, NONE), -1);

    assertThat(root.output()).isEqualTo(0.0);
    assertThat(root.grads()).containsExactly(Double.POSITIVE_INFINITY);
    assertThat(ln.output()).isNaN();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aNonFiniteForwardValueThrowsAtOnceNamingTheOpAndItsInputs(Driver driver) {
    assertThatThrownBy(
            () -> detecting(driver, v -> v.get(0).setLabel("x").apply(LN, NONE), new double[] {1}, -1))
        .isInstanceOf(AnomalyException.class)
        .hasMessage("anomaly in forward: op 'ln' returned NaN for 'x' (-1.0)");
    assertThatThrownBy(
            () ->
                detecting(
                    driver,
                    v -> v.get(0).apply(TestOps.SCALE, new double[] {2}).apply(LN, NONE),
                    new double[] {1},
                    0))
        .hasMessage("anomaly in forward: op 'ln' returned -Infinity for output of 'scale' (0.0)");
  }

  @Test
  void aFailedForwardLeavesNothingBehind() {
    Value x = Value.of(-1, "x");
    try (Scope scope = Anomalies.detect()) {
      assertThatThrownBy(() -> x.apply(LN, NONE)).isInstanceOf(AnomalyException.class);
      assertThat(times(x, x).data()).isEqualTo(1.0);
    }
    assertThat(Anomalies.isDetecting()).isFalse();
    assertThat(x.apply(LN, NONE).data()).isNaN();
  }

  /** loss = sqrt(x)·w·w, labelled: the local gradient of sqrt is infinite at x = 0. */
  private static Value sqrtLoss(List<Value> v) {
    Value x = v.get(0).setLabel("x");
    Value w = v.get(1).setLabel("w");
    Value r = x.apply(SQRT, NONE).setLabel("r");
    return times(times(r, w), w).setLabel("loss");
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aNonFiniteLocalGradientThrowsNamingTheOpTheInputsAndThePathFromTheRoot(Driver driver) {
    assertThatThrownBy(() -> detecting(driver, AnomaliesTest::sqrtLoss, new double[] {1, 3}, 0, 3))
        .isInstanceOf(AnomalyException.class)
        .hasMessage(
            "anomaly in backward: op 'sqrt' gave the local gradient Infinity to input 0, 'x'"
                + " (0.0), of 'r' (0.0); its inputs: 'x' (0.0); path from the root: 'loss' (0.0)"
                + " -> output of 'times' (0.0) -> 'r' (0.0)");
  }

  @Test
  void theGraphStaysUsableAfterAnAnomaly() {
    Value x = Value.of(0);
    Value w = Value.of(3);
    Value loss = sqrtLoss(List.of(x, w));
    try (Scope scope = Anomalies.detect()) {
      assertThatThrownBy(loss::backward).isInstanceOf(AnomalyException.class);
    }
    w.zeroGrad();
    loss.backward();
    assertThat(w.grad()).isEqualTo(0.0);
    assertThat(x.grad()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aGradientThatOverflowsOnItsWayToAnInputIsAnAnomalyToo(Driver driver) {
    Function<List<Value>, Value> graph =
        v -> {
          Value n = times(v.get(0).setLabel("a"), v.get(1).setLabel("b")).setLabel("n");
          return times(n, v.get(2).setLabel("c")).setLabel("root");
        };

    assertThatThrownBy(() -> detecting(driver, graph, new double[] {1, 1, 1}, 1e200, 1e-200, 1e200))
        .isInstanceOf(AnomalyException.class)
        .hasMessage(
            "anomaly in backward: op 'times' passed the gradient Infinity (1.0E200 * local"
                + " gradient 1.0E200) to input 1, 'b' (1.0E-200), of 'n' (1.0); its inputs: 'a'"
                + " (1.0E200), 'b' (1.0E-200); path from the root: 'root' (1.0E200) -> 'n'"
                + " (1.0)");
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aLocalGradientThatIsNotWrittenIsDetected(Driver driver) {
    Op lazy = TestOps.op("lazy", 1, x -> x[0], (x, out, g) -> {});
    Function<List<Value>, Value> graph =
        v -> times(v.get(0).setLabel("x").apply(lazy, NONE).setLabel("y"), v.get(0));

    assertThatThrownBy(() -> detecting(driver, graph, new double[] {2}, 2))
        .isInstanceOf(AnomalyException.class)
        .hasMessageStartingWith(
            "anomaly in backward: op 'lazy' gave the local gradient NaN to input 0, 'x' (2.0), of"
                + " 'y' (2.0)");
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aLocalGradientOfNaNPropagatesOrIsDetected(Driver driver) {
    Op faulty = TestOps.unary("faulty", x -> 2 * x, (x, out) -> Double.NaN);
    Function<List<Value>, Value> graph =
        v -> times(v.get(0).setLabel("x").apply(faulty, NONE), v.get(1).setLabel("k"));

    assertThat(driver.run(graph, 2, 3).grads()[0]).isNaN();
    assertThatThrownBy(() -> detecting(driver, graph, new double[] {2, 3}, 2, 3))
        .hasMessage(
            "anomaly in backward: op 'faulty' gave the local gradient NaN to input 0, 'x' (2.0),"
                + " of output of 'faulty' (4.0); its inputs: 'x' (2.0); path from the root:"
                + " output of 'times' (12.0) -> output of 'faulty' (4.0)");
  }

  @Test
  void batchGradientsDetectsOnEveryThreadAndReportsTheFirstFailingSample() {
    // Samples 11 and 13 of 16 meet ln(-1); on 8 threads, 40 of 40 runs report sample 11.
    SampleLoss loss =
        (parameters, sample) ->
            times(parameters.get(0), Value.of(sample == 11 || sample == 13 ? -sample : sample + 1))
                .setLabel("sample " + sample)
                .apply(LN, NONE);
    Set<String> messages = new HashSet<>();
    for (int run = 0; run < 40; run++) {
      try (Scope scope = Anomalies.detect()) {
        assertThatThrownBy(() -> BatchGradients.compute(new double[] {1}, 16, loss, 8))
            .isInstanceOf(AnomalyException.class)
            .satisfies(e -> messages.add(e.getMessage()));
      }
    }
    assertThat(messages)
        .containsExactly("anomaly in forward: op 'ln' returned NaN for 'sample 11' (-11.0)");
    assertThat(BatchGradients.compute(new double[] {1}, 16, loss, 8).loss()).isNaN();
  }

  @Test
  void detectionIsPerThreadAndScopesNest() throws Exception {
    try (Scope outer = Anomalies.detect()) {
      assertThat(CompletableFuture.supplyAsync(Anomalies::isDetecting).get()).isFalse();
      assertThat(CompletableFuture.supplyAsync(() -> Value.of(-1).apply(LN, NONE).data()).get())
          .isNaN();
      Scope inner = Anomalies.detect();
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
