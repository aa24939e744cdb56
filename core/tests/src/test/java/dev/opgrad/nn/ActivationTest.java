package dev.opgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationTest {

  private static final List<Integer> SIZES = List.of(4, 3, 1);

  @Test
  void anMlpOfAnExtraOpComputesWhatTheNetworkBuiltByHandComputesBitForBit() {
    MLP model = new MLP(2, SIZES, Activation.op("sigmoid"), new Random(11));
    List<Value> handParameters = copies(model.parameters());
    List<Value> modelInputs = List.of(Value.of(0.7), Value.of(-1.3));
    List<Value> handInputs = copies(modelInputs);

    Value score = model.scalar(modelInputs);
    score.backward();
    Value byHand = sigmoidNetworkByHand(handParameters, handInputs);
    byHand.backward();

    assertThat(Double.doubleToRawLongBits(score.data()))
        .isEqualTo(Double.doubleToRawLongBits(byHand.data()));
    assertThat(gradientBits(model.parameters())).containsExactly(gradientBits(handParameters));
    assertThat(gradientBits(modelInputs)).containsExactly(gradientBits(handInputs));
    assertThat(model.parameters()).extracting(Value::grad).anyMatch(g -> g != 0);
  }

  /**
   * {@code MLP(2, [4, 3, 1])} with sigmoid hidden layers, written out: each neuron {@code b + w·x}
   * as {@link Neuron} sums it, then {@code apply("sigmoid")} but in the last layer, the parameters
   * taken in {@link Module#parameters()} order.
   */
  private static Value sigmoidNetworkByHand(List<Value> parameters, List<Value> x) {
    int p = 0;
    List<Value> in = x;
    for (int layer = 0; layer < SIZES.size(); layer++) {
      List<Value> out = new ArrayList<>();
      for (int neuron = 0; neuron < SIZES.get(layer); neuron++) {
        List<Value> weights = parameters.subList(p, p + in.size());
        Value bias = parameters.get(p + in.size());
        p += in.size() + 1;
        Value sum = Value.linear(bias, weights, in);
        out.add(layer == SIZES.size() - 1 ? sum : sum.apply("sigmoid"));
      }
      in = out;
    }
    assertThat(p).isEqualTo(parameters.size());
    return in.get(0);
  }

  @Test
  void anOpWithConstantsIsAppliedWithThem() {
    Neuron neuron = new Neuron(2, Activation.op("pow", 3), new Random(5));
    List<Value> x = List.of(Value.of(0.5), Value.of(2));

    Value expected = Value.linear(neuron.bias(), neuron.weights(), x).pow(3);

    assertThat(neuron.forward(x).data()).isEqualTo(expected.data());
    assertThat(neuron.forward(x).op().name()).isEqualTo("pow");
  }

  @Test
  void anOpOfAnotherRegistryIsAppliedAsItIs() {
    Op otherSigmoid = OpRegistry.load().get("sigmoid");
    Activation activation = Activation.op(otherSigmoid);
    Value x = Value.of(0.3);

    Value y = activation.apply(x);

    assertThat(y.op()).isSameAs(otherSigmoid);
    assertThat(y.data()).isEqualTo(x.apply("sigmoid").data());
    assertThat(activation).isEqualTo(Activation.op(otherSigmoid)).hasToString("sigmoid");
    assertThat(activation).isNotEqualTo(Activation.op("sigmoid"));
  }

  @Test
  void theConstantsAreCopied() {
    double[] exponent = {3};
    Activation cube = Activation.op("pow", exponent);
    exponent[0] = 2;

    assertThat(cube.apply(Value.of(2)).data()).isEqualTo(8.0);
    assertThat(cube).hasToString("pow[3.0]");
  }

  @Test
  void anUnknownNameFailsWithTheRegistrysMessage() {
    String registrys =
        catchThrowable(() -> OpRegistry.defaultRegistry().get("no_such_op")).getMessage();

    assertThatThrownBy(() -> Activation.op("no_such_op"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(registrys)
        .hasMessageStartingWith("no op named 'no_such_op'; known ops: ");
  }

  @Test
  void anOpOfAnotherArityFailsAtConstruction() {
    assertThatThrownBy(() -> Activation.op("add"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an activation needs an op of exactly 1 input; op 'add' takes 2 inputs");
    assertThatThrownBy(() -> Activation.op("linear"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an activation needs an op of exactly 1 input;"
                + " op 'linear' takes any number ≥ 1 of inputs");
  }

  @Test
  void anotherNumberOfConstantsFailsAtConstruction() {
    assertThatThrownBy(() -> Activation.op("pow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'pow' takes 1 constant, got 0: []");
    assertThatThrownBy(() -> Activation.op("legendre", 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'legendre' takes 1 constant, got 2: [2.0, 3.0]");
    assertThatThrownBy(() -> Activation.op("sigmoid", 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'sigmoid' takes 0 constants, got 1: [0.5]");
  }

  @Test
  void opActivationsAreEqualForTheSameOpAndConstants() {
    assertThat(Activation.op("pow", 3))
        .isEqualTo(Activation.op("pow", 3.0))
        .hasSameHashCodeAs(Activation.op("pow", 3.0))
        .isNotEqualTo(Activation.op("pow", 2))
        .isNotEqualTo(Activation.op("legendre", 3));
    assertThat(Activation.op("sigmoid"))
        .isEqualTo(Activation.op("sigmoid"))
        .isNotEqualTo(Activation.op("softplus"));
  }

  @Test
  void theConstantsAreEqualToThemselvesOnly() {
    assertThat(Activation.RELU).isEqualTo(Activation.RELU).isNotEqualTo(Activation.TANH);
    assertThat(Activation.RELU).isNotEqualTo(Activation.op("relu"));
    assertThat(Activation.op("relu")).isNotEqualTo(Activation.RELU);
    assertThat(Activation.LINEAR).isNotEqualTo(null);
  }

  @Test
  void namesReadWellInModels() {
    assertThat(List.of(Activation.RELU, Activation.TANH, Activation.LINEAR))
        .hasToString("[RELU, TANH, LINEAR]");
    assertThat(new MLP(2, List.of(3, 1), Activation.op("sigmoid"), new Random(1)))
        .hasToString("MLP(2, [3, 1], sigmoid)");
    assertThat(new MLP(2, List.of(3, 1), Activation.op("pow", 3), new Random(1)))
        .hasToString("MLP(2, [3, 1], pow[3.0])");
    assertThat(new MLP(2, List.of(1), Activation.op("sigmoid"), new Random(1)))
        .hasToString("MLP(2, [1])");
    assertThat(new Layer(2, 2, Activation.op("sigmoid"), new Random(1)))
        .hasToString("Layer of [Neuron(2, sigmoid), Neuron(2, sigmoid)]");
    assertThat(new Neuron(3, Activation.op("legendre", 2), new Random(1)))
        .hasToString("Neuron(3, legendre[2.0])");
    assertThat(new Neuron(3, Activation.TANH, new Random(1))).hasToString("TanhNeuron(3)");
  }

  private static List<Value> copies(List<Value> values) {
    return values.stream().map(v -> Value.of(v.data())).toList();
  }

  private static long[] gradientBits(List<Value> values) {
    return values.stream().mapToLong(v -> Double.doubleToRawLongBits(v.grad())).toArray();
  }
}
