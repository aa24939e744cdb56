package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.opgrad.NoGrad;
import dev.opgrad.Value;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * One neuron: {@code activation(b + w0·x0 + w1·x1 + …)}, the sum taken in that order, starting from
 * the bias, as micrograd does, but as one node of the op {@code linear} ({@link Value#linear})
 * rather than micrograd's chain of {@code 2n} {@code mul} and {@code add} nodes: the same numbers,
 * bit for bit, in a graph {@code 2n − 1} nodes smaller. Weights start uniform in [−1, 1), drawn
 * from the given generator in order; the bias starts at 0.
 */
public final class Neuron implements Module {

  private final ImmutableList<Value> weights;
  private final Value[] weightArray; // the weights again, for NoGradForward's inner loop
  private final Value bias;
  private final Function<List<Value>, Value> weightedSum; // bias + w0·x0 + w1·x1 + …
  private final Activation activation;
  private final ImmutableList<Value> parameters;

  /**
   * Creates a neuron of {@code inputs} inputs.
   *
   * @param random the generator its weights are drawn from; a seeded one makes a run repeat exactly
   */
  public Neuron(int inputs, Activation activation, Random random) {
    this(randomWeights(inputs, random), Value.of(0), activation);
  }

  /**
   * A neuron over existing values: its parameters are {@code weights} and {@code bias} themselves.
   */
  Neuron(List<Value> weights, Value bias, Activation activation) {
    this.activation = checkNotNull(activation, "activation");
    this.weights = ImmutableList.copyOf(weights);
    this.weightArray = this.weights.toArray(new Value[0]);
    this.bias = checkNotNull(bias, "bias");
    this.parameters = ImmutableList.<Value>builder().addAll(this.weights).add(bias).build();
    this.weightedSum = Value.linear(bias, this.weights);
  }

  private static ImmutableList<Value> randomWeights(int inputs, Random random) {
    checkArgument(inputs > 0, "a neuron needs at least one input, got %s", inputs);
    checkNotNull(random, "random");
    ImmutableList.Builder<Value> w = ImmutableList.builderWithExpectedSize(inputs);
    for (int i = 0; i < inputs; i++) {
      w.add(Value.of(random.nextDouble() * 2 - 1));
    }
    return w.build();
  }

  /**
   * Returns this neuron's output for {@code x}. Under {@link NoGrad}, it is computed on numbers,
   * without the graph: the same number, as a constant.
   *
   * @throws IllegalArgumentException if {@code x} does not have one value per weight
   */
  public Value forward(List<Value> x) {
    if (NoGrad.isOn() && x.size() == weights.size()) {
      double[] data = NoGradForward.data(x);
      if (data != null) {
        return Value.constant(NoGradForward.neuron(this, data, x));
      }
    }
    return graph(x);
  }

  /** The output for {@code x}, built with {@code Value}'s methods. */
  Value graph(List<Value> x) {
    checkArgument(
        x.size() == weights.size(), "%s takes %s inputs, got %s", this, weights.size(), x.size());
    return activation.apply(weightedSum.apply(x));
  }

  /** The number of inputs this neuron takes. */
  int inputCount() {
    return weights.size();
  }

  /** Weight {@code i}. */
  Value weight(int i) {
    return weightArray[i];
  }

  /** The weights, then the bias. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /** The weights, in input order. */
  public List<Value> weights() {
    return weights;
  }

  /** The bias. */
  public Value bias() {
    return bias;
  }

  /** The nonlinearity applied to the weighted sum. */
  public Activation activation() {
    return activation;
  }

  /**
   * Returns {@code ReluNeuron(2)}, {@code TanhNeuron(3)} or {@code LinearNeuron(16)}, as micrograd
   * prints its neurons, and {@code Neuron(2, sigmoid)} or {@code Neuron(2, pow[3.0])} for an
   * activation of {@link Activation#op(String, double...)}, whose name may hold constants.
   */
  @Override
  public String toString() {
    if (activation.appliesAnOp()) {
      return "Neuron(" + weights.size() + ", " + activation + ")";
    }
    String name = activation.toString();
    return name.charAt(0)
        + name.substring(1).toLowerCase(Locale.ROOT)
        + "Neuron("
        + weights.size()
        + ")";
  }
}
