package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.opgrad.NoGrad;
import dev.opgrad.Value;
import java.util.List;
import java.util.Random;

/**
 * A layer of neurons that all see the same inputs. Its output is always a list, one value per
 * neuron, also for a layer of one neuron (micrograd returns the bare value then, a known trap).
 */
public final class Layer implements Module {

  private final ImmutableList<Neuron> neurons;
  private final ImmutableList<Value> parameters;

  /**
   * Creates a layer of {@code outputs} neurons of {@code inputs} inputs each, their weights drawn
   * from {@code random} neuron by neuron.
   */
  public Layer(int inputs, int outputs, Activation activation, Random random) {
    this(randomNeurons(inputs, outputs, activation, random));
  }

  /** A layer of the given neurons, which all take the same number of inputs. */
  Layer(List<Neuron> neurons) {
    this.neurons = ImmutableList.copyOf(neurons);
    ImmutableList.Builder<Value> p = ImmutableList.builder();
    for (Neuron neuron : neurons) {
      p.addAll(neuron.parameters());
    }
    this.parameters = p.build();
  }

  private static ImmutableList<Neuron> randomNeurons(
      int inputs, int outputs, Activation activation, Random random) {
    checkArgument(outputs > 0, "a layer needs at least one neuron, got %s", outputs);
    checkNotNull(random, "random");
    ImmutableList.Builder<Neuron> n = ImmutableList.builderWithExpectedSize(outputs);
    for (int i = 0; i < outputs; i++) {
      n.add(new Neuron(inputs, activation, random));
    }
    return n.build();
  }

  /**
   * Returns each neuron's output for {@code x}, in neuron order. Under {@link NoGrad}, they are
   * computed on numbers, without the graph: the same numbers, as constants.
   */
  public List<Value> forward(List<Value> x) {
    if (NoGrad.isOn() && takes(x.size())) {
      double[] data = NoGradForward.data(x);
      if (data != null) {
        return NoGradForward.constants(NoGradForward.layer(neurons, data, x));
      }
    }
    return graph(x);
  }

  /** The outputs for {@code x}, built with {@code Value}'s methods. */
  List<Value> graph(List<Value> x) {
    ImmutableList.Builder<Value> out = ImmutableList.builderWithExpectedSize(neurons.size());
    for (Neuron neuron : neurons) {
      out.add(neuron.graph(x));
    }
    return out.build();
  }

  /** Whether every neuron takes {@code inputs} inputs. */
  boolean takes(int inputs) {
    for (Neuron neuron : neurons) {
      if (neuron.inputCount() != inputs) {
        return false;
      }
    }
    return true;
  }

  /** Every neuron's parameters, neuron by neuron. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /** The neurons, in output order. */
  public List<Neuron> neurons() {
    return neurons;
  }

  /** Returns {@code Layer of [ReluNeuron(2), …]}, as micrograd prints it. */
  @Override
  public String toString() {
    return "Layer of " + neurons;
  }
}
