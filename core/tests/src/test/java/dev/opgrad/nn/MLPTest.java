package dev.opgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MLPTest {

  private static MLP moons(long seed) {
    return new MLP(2, List.of(16, 16, 1), Activation.RELU, new Random(seed));
  }

  @Test
  void moonsModelHas337Parameters() {
    // 16·(2 + 1) + 16·(16 + 1) + 1·(16 + 1)
    assertThat(moons(1).parameters()).hasSize(337);
  }

  @Test
  void listsParametersLayerByLayerNeuronByNeuronWeightsThenBias() {
    MLP model = moons(1);

    List<Value> parameters = model.parameters();

    Neuron first = model.layers().get(0).neurons().get(0);
    Neuron last = model.layers().get(2).neurons().get(0);
    assertThat(parameters.subList(0, 3)).containsExactlyElementsOf(first.parameters());
    Neuron secondLayerFirst = model.layers().get(1).neurons().get(0);
    assertThat(parameters.get(48)).isSameAs(secondLayerFirst.weights().get(0));
    assertThat(parameters.subList(320, 337)).containsExactlyElementsOf(last.parameters());
  }

  @Test
  void theSameSeedGivesTheSameWeights() {
    assertThat(moons(5).parameters())
        .extracting(Value::data)
        .containsExactlyElementsOf(moons(5).parameters().stream().map(Value::data).toList());
    assertThat(moons(5).parameters().get(0).data())
        .isNotEqualTo(moons(6).parameters().get(0).data());
  }

  @Test
  void anMlpOverGivenValuesComputesTheSameAndSendsGradientsIntoThem() {
    MLP model = moons(3);
    List<Value> leaves = model.parameters().stream().map(p -> Value.of(p.data())).toList();

    MLP over = MLP.over(2, List.of(16, 16, 1), Activation.RELU, leaves);
    Value score = over.scalar(0.5, -0.25);
    score.backward();
    Value expected = model.scalar(0.5, -0.25);
    expected.backward();

    assertThat(over.parameters()).containsExactlyElementsOf(leaves);
    assertThat(score.data()).isEqualTo(expected.data());
    assertThat(leaves)
        .extracting(Value::grad)
        .containsExactlyElementsOf(model.parameters().stream().map(Value::grad).toList());
    assertThat(over.toString()).isEqualTo("MLP(2, [16, 16, 1], RELU)");
  }

  @Test
  void anMlpOverTheWrongNumberOfValuesIsRejected() {
    List<Value> leaves = List.of(Value.of(1), Value.of(2));

    assertThatThrownBy(() -> MLP.over(1, List.of(1, 1), Activation.RELU, leaves))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MLP(1, [1, 1]) has 4 parameters, got 2 values");
  }

  @Test
  void zeroGradClearsEveryParameter() {
    MLP model = moons(1);
    model.scalar(0.5, -0.5).mul(3).backward();
    assertThat(model.parameters()).extracting(Value::grad).anyMatch(g -> g != 0);

    model.zeroGrad();

    assertThat(model.parameters()).extracting(Value::grad).containsOnly(0.0);
  }

  @Test
  void hiddenLayersUseTheActivationAndTheLastIsLinear() {
    MLP model = new MLP(1, List.of(1, 1), Activation.RELU, new Random(1));
    // hidden: relu(0 + 1·x); output: -1 + 2·hidden
    model.loadParameters(new double[] {1, 0, 2, -1});

    assertThat(model.scalar(3).data()).isEqualTo(5.0);
    assertThat(model.scalar(-3).data()).isEqualTo(-1.0);
    assertThat(model.forward(3)).extracting(Value::data).containsExactly(5.0);
    assertThat(model).hasToString("MLP(1, [1, 1], RELU)");
    assertThat(new MLP(3, List.of(1), Activation.TANH, new Random(1))).hasToString("MLP(3, [1])");
  }

  @Test
  void loadParametersChecksTheCount() {
    MLP model = moons(1);

    assertThatThrownBy(() -> model.loadParameters(new double[336]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MLP(2, [16, 16, 1], RELU) has 337 parameters, got 336 values");
  }

  @Test
  void loadParametersChecksThatEveryParameterIsALeafBeforeSettingAny() {
    Value computed = Value.of(1).add(Value.of(2));
    List<Value> parameters = List.of(Value.of(0.5), Value.of(0.25), computed, Value.of(-1));
    MLP model = MLP.over(1, List.of(1, 1), Activation.RELU, parameters);

    assertThatThrownBy(() -> model.loadParameters(new double[] {9, 9, 9, 9}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "MLP(1, [1, 1], RELU) cannot load its parameters: parameter 2 is computed by op"
                + " 'add', not a leaf");
    assertThat(parameters).extracting(Value::data).containsExactly(0.5, 0.25, 3.0, -1.0);
  }

  @Test
  void scalarNeedsASingleOutput() {
    MLP model = new MLP(2, List.of(3, 2), Activation.TANH, new Random(1));

    assertThat(model.forward(1, 2)).hasSize(2);
    assertThatThrownBy(() -> model.scalar(1, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("MLP(2, [3, 2], TANH) has 2 outputs: use forward, which returns them all");
    assertThatThrownBy(() -> model.forward(1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MLP(2, [3, 2], TANH) takes 2 inputs, got 3");
  }
}
