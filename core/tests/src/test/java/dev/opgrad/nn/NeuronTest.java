package dev.opgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeuronTest {

  @Test
  void drawsItsWeightsUniformlyInMinusOneToOneInOrderAndStartsItsBiasAtZero() {
    Random expected = new Random(7);

    Neuron neuron = new Neuron(3, Activation.RELU, new Random(7));

    assertThat(neuron.weights())
        .extracting(Value::data)
        .containsExactly(
            expected.nextDouble() * 2 - 1,
            expected.nextDouble() * 2 - 1,
            expected.nextDouble() * 2 - 1);
    assertThat(neuron.bias().data()).isEqualTo(0.0);
    assertThat(neuron.parameters())
        .containsExactly(
            neuron.weights().get(0),
            neuron.weights().get(1),
            neuron.weights().get(2),
            neuron.bias());
  }

  @Test
  void computesTheLecturesNeuron() {
    Neuron neuron = new Neuron(2, Activation.TANH, new Random(1));
    neuron.loadParameters(new double[] {-3, 1, 6.8813735870195432});
    Value x1 = Value.of(2);
    Value x2 = Value.of(0);

    Value o = neuron.forward(List.of(x1, x2));
    o.backward();

    assertThat(o.data()).isCloseTo(0.7071067811865476, within(1e-15));
    assertThat(x1.grad()).isCloseTo(-1.5, within(1e-12));
    assertThat(neuron.weights().get(0).grad()).isCloseTo(1.0, within(1e-12));
    assertThat(neuron.bias().grad()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void sumsFromTheBiasAndAppliesItsActivation() {
    Neuron relu = new Neuron(2, Activation.RELU, new Random(1));
    relu.loadParameters(new double[] {0.5, -2, 0.25});
    Neuron linear = new Neuron(2, Activation.LINEAR, new Random(1));
    linear.loadParameters(new double[] {0.5, -2, 0.25});

    // 0.25 + 0.5*3 - 2*1 = -0.25
    List<Value> x = List.of(Value.of(3), Value.of(1));
    assertThat(linear.forward(x).data()).isEqualTo(-0.25);
    assertThat(relu.forward(x).data()).isEqualTo(0.0);
    assertThat(relu.forward(List.of(Value.of(3), Value.of(0))).data()).isEqualTo(1.75);
  }

  @Test
  void rejectsTheWrongNumberOfInputs() {
    Neuron neuron = new Neuron(2, Activation.RELU, new Random(1));

    assertThatThrownBy(() -> neuron.forward(List.of(Value.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ReluNeuron(2) takes 2 inputs, got 1");
  }
}
