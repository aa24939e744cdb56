package dev.opgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayerTest {

  @Test
  void aLayerOfOneNeuronReturnsAListLikeAnyOther() {
    Layer layer = new Layer(2, 1, Activation.LINEAR, new Random(3));
    layer.loadParameters(new double[] {2, 3, 1});

    List<Value> out = layer.forward(List.of(Value.of(1), Value.of(10)));

    assertThat(out).extracting(Value::data).containsExactly(33.0);
  }

  @Test
  void returnsOneOutputPerNeuronAndListsParametersNeuronByNeuron() {
    Layer layer = new Layer(2, 3, Activation.RELU, new Random(3));
    layer.loadParameters(new double[] {1, 0, 0, 0, 1, -5, -1, -1, 0});

    List<Value> out = layer.forward(List.of(Value.of(2), Value.of(3)));

    assertThat(out).extracting(Value::data).containsExactly(2.0, 0.0, 0.0);
    assertThat(layer.parameters()).hasSize(9);
    assertThat(layer.parameters().subList(3, 6))
        .containsExactlyElementsOf(layer.neurons().get(1).parameters());
    assertThat(layer).hasToString("Layer of [ReluNeuron(2), ReluNeuron(2), ReluNeuron(2)]");
  }
}
