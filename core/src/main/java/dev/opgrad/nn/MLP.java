package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.opgrad.NoGrad;
import dev.opgrad.Value;
import java.util.List;
import java.util.Random;

/**
 * A multilayer perceptron, as micrograd's {@code MLP(nin, nouts)}: fully connected layers, each
 * hidden layer followed by the chosen nonlinearity, the last layer linear.
 *
 * <pre>{@code
 * MLP model = new MLP(2, List.of(16, 16, 1), Activation.RELU, new Random(1337));
 * Value score = model.scalar(List.of(Value.of(0.5), Value.of(-1.0)));
 * }</pre>
 */
public final class MLP implements Module {

  private final int inputs;
  private final ImmutableList<Layer> layers;
  private final ImmutableList<Value> parameters;

  /**
   * Creates an MLP of {@code inputs} inputs and layers of {@code layerSizes} neurons, drawing its
   * weights from {@code random} layer by layer, neuron by neuron.
   *
   * @param hidden the nonlinearity of every layer but the last, which is linear
   */
  public MLP(int inputs, List<Integer> layerSizes, Activation hidden, Random random) {
    this(inputs, randomLayers(inputs, layerSizes, hidden, random));
  }

  private MLP(int inputs, ImmutableList<Layer> layers) {
    this.inputs = inputs;
    this.layers = layers;
    ImmutableList.Builder<Value> p = ImmutableList.builder();
    for (Layer layer : layers) {
      p.addAll(layer.parameters());
    }
    this.parameters = p.build();
  }

  /**
   * Returns an MLP of the same shape as {@code new MLP(inputs, layerSizes, hidden, random)} whose
   * parameters are the values {@code parameters} themselves, in {@link Module#parameters()} order:
   * gradients flow into them. {@link dev.opgrad.BatchGradients} uses this to build one sample's
   * graph over the leaves it hands out.
   *
   * @throws IllegalArgumentException if the shape is empty or {@code parameters} does not hold
   *     exactly one value per parameter of that shape
   */
  public static MLP over(
      int inputs, List<Integer> layerSizes, Activation hidden, List<Value> parameters) {
    checkShape(inputs, layerSizes, hidden);
    int count = 0;
    int in = inputs;
    for (int size : layerSizes) {
      count += size * (in + 1);
      in = size;
    }
    checkArgument(
        parameters.size() == count,
        "MLP(%s, %s) has %s parameters, got %s values",
        inputs,
        layerSizes,
        count,
        parameters.size());
    ImmutableList.Builder<Layer> layers = ImmutableList.builderWithExpectedSize(layerSizes.size());
    int p = 0;
    in = inputs;
    for (int i = 0; i < layerSizes.size(); i++) {
      Activation activation = activation(i, layerSizes, hidden);
      ImmutableList.Builder<Neuron> neurons = ImmutableList.builder();
      for (int n = 0; n < layerSizes.get(i); n++) {
        neurons.add(new Neuron(parameters.subList(p, p + in), parameters.get(p + in), activation));
        p += in + 1;
      }
      layers.add(new Layer(neurons.build()));
      in = layerSizes.get(i);
    }
    return new MLP(inputs, layers.build());
  }

  private static ImmutableList<Layer> randomLayers(
      int inputs, List<Integer> layerSizes, Activation hidden, Random random) {
    checkShape(inputs, layerSizes, hidden);
    ImmutableList.Builder<Layer> layers = ImmutableList.builderWithExpectedSize(layerSizes.size());
    int in = inputs;
    for (int i = 0; i < layerSizes.size(); i++) {
      layers.add(new Layer(in, layerSizes.get(i), activation(i, layerSizes, hidden), random));
      in = layerSizes.get(i);
    }
    return layers.build();
  }

  private static void checkShape(int inputs, List<Integer> layerSizes, Activation hidden) {
    checkArgument(inputs > 0, "an MLP needs at least one input, got %s", inputs);
    checkArgument(!layerSizes.isEmpty(), "an MLP needs at least one layer");
    checkNotNull(hidden, "hidden");
  }

  /** The nonlinearity of layer {@code i}: {@code hidden}, but the last layer is linear. */
  private static Activation activation(int i, List<Integer> layerSizes, Activation hidden) {
    return i == layerSizes.size() - 1 ? Activation.LINEAR : hidden;
  }

  /**
   * Returns the outputs of the last layer for {@code x}, one value per output neuron. Under {@link
   * NoGrad}, they are computed on numbers, without the graph: the same numbers, as constants.
   */
  public List<Value> forward(List<Value> x) {
    checkArgument(x.size() == inputs, "%s takes %s inputs, got %s", this, inputs, x.size());
    if (NoGrad.isOn()) {
      double[] data = NoGradForward.data(x);
      if (data != null) {
        return NoGradForward.constants(NoGradForward.layers(layers, data, x));
      }
    }
    List<Value> out = x;
    for (Layer layer : layers) {
      out = layer.graph(out);
    }
    return out;
  }

  /**
   * Returns the outputs for the numbers {@code x}, each made a {@linkplain Value#constant
   * constant}: data, which gets no gradient (pass {@code Value}s to differentiate in the inputs).
   */
  public List<Value> forward(double... x) {
    if (x != null && x.length == inputs && NoGrad.isOn()) {
      // The inputs the graph path would make, constants of x, are made only if a neuron fails.
      return NoGradForward.constants(NoGradForward.layers(layers, x, null));
    }
    ImmutableList.Builder<Value> leaves = ImmutableList.builderWithExpectedSize(x.length);
    for (double xi : x) {
      leaves.add(Value.constant(xi));
    }
    return forward(leaves.build());
  }

  /**
   * Returns the single output of an MLP whose last layer has one neuron (a score or a regression).
   *
   * @throws IllegalStateException if the last layer has more than one neuron
   */
  public Value scalar(List<Value> x) {
    return single(forward(x));
  }

  /** Returns the single output for the numbers {@code x}; see {@link #scalar(List)}. */
  public Value scalar(double... x) {
    return single(forward(x));
  }

  private Value single(List<Value> outputs) {
    if (outputs.size() != 1) {
      throw new IllegalStateException(
          this + " has " + outputs.size() + " outputs: use forward, which returns them all");
    }
    return outputs.get(0);
  }

  /** Every layer's parameters, layer by layer. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /** The layers, from the input to the output. */
  public List<Layer> layers() {
    return layers;
  }

  /**
   * Returns {@code MLP(2, [16, 16, 1], RELU)} or {@code MLP(2, [16, 16, 1], sigmoid)}: the inputs,
   * the layer sizes and the hidden layers' activation, or {@code MLP(2, [1])} for a model of one
   * layer, which has no hidden layer.
   */
  @Override
  public String toString() {
    ImmutableList.Builder<Integer> sizes = ImmutableList.builder();
    for (Layer layer : layers) {
      sizes.add(layer.neurons().size());
    }
    String hidden =
        layers.size() == 1 ? "" : ", " + layers.get(0).neurons().get(0).activation();
    return "MLP(" + inputs + ", " + sizes.build() + hidden + ")";
  }
}
