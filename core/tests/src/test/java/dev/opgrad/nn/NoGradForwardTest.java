package dev.opgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.opgrad.Anomalies;
import dev.opgrad.AnomalyException;
import dev.opgrad.NoGrad;
import dev.opgrad.Scope;
import dev.opgrad.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A forward pass under {@link NoGrad} computes numbers without building the graph: every output is
 * the graph's, bit for bit, whatever the activation and the inputs, and a failure (an anomaly, an
 * op that throws, a bad argument) is reported with the message it had when every op built a
 * constant (the expected messages are those of the code before).
 */
class NoGradForwardTest {

  /** Inputs, finite and not: ±0, a subnormal, huge values whose products overflow, ∞ and NaN. */
  private static final double[] INPUTS = {
    0.7, -1.3, 0.0, -0.0, 2.5e-320, 1e200, -1e300, 40, Double.POSITIVE_INFINITY, Double.NaN
  };

  static Stream<Activation> activations() {
    return Stream.of(
        Activation.RELU,
        Activation.TANH,
        Activation.LINEAR,
        Activation.op("sigmoid"),
        Activation.op("pow", 3));
  }

  @ParameterizedTest
  @MethodSource("activations")
  void everyOutputIsTheGraphsBitForBit(Activation hidden) {
    MLP model = new MLP(3, List.of(8, 8, 2), hidden, new Random(2026));
    Layer firstLayer = model.layers().get(0);
    Neuron firstNeuron = firstLayer.neurons().get(0);
    int points = 0;
    for (double a : INPUTS) {
      for (double b : INPUTS) {
        for (double c : new double[] {0.3, -2, Double.NaN}) {
          List<Value> leaves = List.of(Value.of(a), Value.of(b), Value.of(c, "c"));
          List<Value> computed = List.of(leaves.get(0).mul(1), leaves.get(1), leaves.get(2));
          long[] graph = bits(model.forward(a, b, c));
          long[] graphLayer = bits(firstLayer.forward(leaves));
          long[] graphNeuron = bits(List.of(firstNeuron.forward(leaves)));
          try (Scope scope = NoGrad.enter()) {
            assertThat(bits(model.forward(a, b, c))).containsExactly(graph);
            assertThat(bits(model.forward(leaves))).containsExactly(graph);
            assertThat(bits(model.forward(computed))).containsExactly(graph);
            assertThat(bits(firstLayer.forward(leaves))).containsExactly(graphLayer);
            assertThat(bits(List.of(firstNeuron.forward(leaves)))).containsExactly(graphNeuron);
          }
          points++;
        }
      }
    }
    assertThat(points).isEqualTo(300);
  }

  @Test
  void theOutputsAreConstantsThatKeepNoInputs() {
    MLP model = new MLP(2, List.of(4, 3), Activation.TANH, new Random(1));
    List<Value> outputs;
    Value neuronOutput;
    try (Scope scope = NoGrad.enter()) {
      outputs = model.forward(List.of(Value.of(0.5), Value.of(-1)));
      Neuron neuron = model.layers().get(0).neurons().get(1);
      neuronOutput = neuron.forward(List.of(Value.of(2), Value.of(3)));
    }

    assertThat(outputs).hasSize(3);
    for (Value output : concat(outputs, neuronOutput)) {
      assertThat(output.requiresGrad()).isFalse();
      assertThat(output.isLeaf()).isTrue();
      assertThat(output.inputs()).isEmpty();
      assertThat(output.label()).isNull();
    }
    assertThatThrownBy(() -> outputs.add(Value.of(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** MLP(2, [2, 1]) with hand-picked parameters, so that messages show readable numbers. */
  private static MLP small(Activation hidden) {
    MLP model = new MLP(2, List.of(2, 1), hidden, new Random(3));
    model.loadParameters(new double[] {0.5, -1, 0.25, 2, 1, -0.5, 1.5, -2, 0.125});
    return model;
  }

  /** The message of what {@code forward} throws, under no-grad, with detection on. */
  private static String failureUnderNoGrad(Supplier<?> forward) {
    try (Scope detect = Anomalies.detect();
        Scope noGrad = NoGrad.enter()) {
      Throwable thrown = catchThrowable(forward::get);
      assertThat(thrown).as("what the forward pass threw").isNotNull();
      return thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    }
  }

  @Test
  void anomalyDetectionReportsANaNInputAsBefore() {
    MLP model = small(Activation.RELU);

    assertThat(
            List.of(
                failureUnderNoGrad(() -> model.forward(Double.NaN, 1)),
                failureUnderNoGrad(
                    () -> model.forward(List.of(Value.of(Double.NaN, "x"), Value.of(1, "y"))))))
        .containsExactly(
            "AnomalyException: anomaly in forward: op 'linear' returned NaN for leaf 0.25, leaf"
                + " 0.5, leaf NaN, leaf -1.0, leaf 1.0",
            "AnomalyException: anomaly in forward: op 'linear' returned NaN for leaf 0.25, leaf"
                + " 0.5, 'x' (NaN), leaf -1.0, 'y' (1.0)");
  }

  @Test
  void anomalyDetectionReportsAnOverflowInAHiddenLayerAsBefore() {
    MLP model = small(Activation.TANH);
    model.parameters().get(3).setLabel("w10");
    model.parameters().get(3).setData(Double.MAX_VALUE);

    assertThat(failureUnderNoGrad(() -> model.forward(2, 3)))
        .isEqualTo(
            "AnomalyException: anomaly in forward: op 'linear' returned Infinity for leaf -0.5,"
                + " 'w10' (1.7976931348623157E308), leaf 2.0, leaf 1.0, leaf 3.0");
  }

  @Test
  void anomalyDetectionReportsANaNFromTheActivationAsBefore() {
    MLP model = small(Activation.op("log"));

    assertThat(failureUnderNoGrad(() -> model.forward(1, 1)))
        .isEqualTo("AnomalyException: anomaly in forward: op 'log' returned NaN for leaf -0.25");
  }

  @Test
  void anOpThatThrowsIsReportedAsBefore() {
    MLP model = small(Activation.op("legendre", 2.5));

    assertThat(failureUnderNoGrad(() -> model.forward(1, 1)))
        .isEqualTo(
            "IllegalArgumentException: op 'legendre' failed on leaf -0.25 with constants [2.5]: the"
                + " degree of a Legendre polynomial is an integer from 0 to 100000, got 2.5");
  }

  @Test
  void withoutDetectionANaNFlowsThroughAsInTheGraph() {
    MLP model = small(Activation.op("log"));
    long[] graph = bits(model.forward(1, 1));

    try (Scope scope = NoGrad.enter()) {
      assertThat(bits(model.forward(1, 1))).containsExactly(graph);
    }
    assertThat(Double.isNaN(model.scalar(1, 1).data())).isTrue();
  }

  @Test
  void badArgumentsAreReportedAsBefore() {
    MLP model = small(Activation.RELU);
    Neuron neuron = model.layers().get(0).neurons().get(0);
    List<Value> withNull = Arrays.asList(Value.of(1), null);

    assertThat(
            List.of(
                failureUnderNoGrad(() -> model.forward(1, 2, 3)),
                failureUnderNoGrad(() -> model.forward(withNull)),
                failureUnderNoGrad(() -> model.layers().get(0).forward(List.of(Value.of(1)))),
                failureUnderNoGrad(() -> model.layers().get(0).forward(withNull)),
                failureUnderNoGrad(() -> neuron.forward(withNull)),
                failureUnderNoGrad(() -> neuron.forward(List.of()))))
        .containsExactly(
            "IllegalArgumentException: MLP(2, [2, 1], RELU) takes 2 inputs, got 3",
            "NullPointerException: op 'linear': input 4 is null",
            "IllegalArgumentException: ReluNeuron(2) takes 2 inputs, got 1",
            "NullPointerException: op 'linear': input 4 is null",
            "NullPointerException: op 'linear': input 4 is null",
            "IllegalArgumentException: ReluNeuron(2) takes 2 inputs, got 0");
  }

  private static long[] bits(List<Value> values) {
    return values.stream().mapToLong(v -> Double.doubleToLongBits(v.data())).toArray();
  }

  private static List<Value> concat(List<Value> values, Value more) {
    List<Value> all = new ArrayList<>(values);
    all.add(more);
    return all;
  }
}
