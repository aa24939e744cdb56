package dev.opgrad.samples;

import dev.opgrad.Value;
import java.util.List;

/**
 * micrograd's moons model and loss written directly over {@link Value}s: {@code MLP(2, [16, 16,
 * 1])}, ReLU hidden layers and a linear output, each neuron summing {@code b + w0·x0 + w1·x1 + …};
 * the loss is the max-margin loss {@code mean(relu(1 − y·score))} plus {@code 1e-4·Σp²}. The
 * parameters come in micrograd's order: layer by layer, neuron by neuron, the weights then the
 * bias. The graph is built exactly as micrograd's Python builds it, so the numbers are its numbers.
 */
public final class MoonsNet {

  /** The layer sizes, inputs first. */
  private static final int[] SIZES = {2, 16, 16, 1};

  /** The number of parameters: 337. */
  public static final int PARAMETER_COUNT = countParameters();

  private static final double REGULARIZATION = 1e-4;

  private MoonsNet() {}

  private static int countParameters() {
    int count = 0;
    for (int layer = 1; layer < SIZES.length; layer++) {
      count += SIZES[layer] * (SIZES[layer - 1] + 1);
    }
    return count;
  }

  /** micrograd's learning rate at step {@code k} of 100: {@code 1 − 0.9·k/100}. */
  public static double learningRate(int k) {
    return 1.0 - 0.9 * k / 100;
  }

  /** The network's score for the point {@code (x0, x1)}. */
  public static Value score(List<Value> parameters, double x0, double x1) {
    Value[] activations = {Value.of(x0), Value.of(x1)};
    int p = 0;
    for (int layer = 1; layer < SIZES.length; layer++) {
      boolean hidden = layer < SIZES.length - 1;
      Value[] outputs = new Value[SIZES[layer]];
      for (int neuron = 0; neuron < outputs.length; neuron++) {
        int weights = p;
        p += activations.length;
        Value sum = parameters.get(p++); // the bias
        for (int i = 0; i < activations.length; i++) {
          sum = sum.add(parameters.get(weights + i).mul(activations[i]));
        }
        outputs[neuron] = hidden ? sum.relu() : sum;
      }
      activations = outputs;
    }
    return activations[0];
  }

  /** The margin loss of one point, {@code relu(1 − y·score)}. */
  private static Value marginLoss(List<Value> parameters, MoonsData data, int i) {
    return score(parameters, data.x(i, 0), data.x(i, 1)).mul(-data.y(i)).add(1).relu();
  }

  /** {@code 1e-4·Σp²}, summed as Python's {@code sum} does: from 0, in parameter order. */
  private static Value regularization(List<Value> parameters) {
    Value sum = null;
    for (Value p : parameters) {
      Value square = p.mul(p);
      sum = sum == null ? square.add(0) : sum.add(square);
    }
    return sum.mul(REGULARIZATION);
  }

  /** The full-batch loss over every point, as micrograd's demo computes it. */
  public static Value loss(List<Value> parameters, MoonsData data) {
    Value sum = marginLoss(parameters, data, 0).add(0);
    for (int i = 1; i < data.size(); i++) {
      sum = sum.add(marginLoss(parameters, data, i));
    }
    return sum.mul(1.0 / data.size()).add(regularization(parameters));
  }

  /**
   * The same loss split into {@code data.size() + 1} terms for {@link dev.opgrad.BatchGradients}:
   * term {@code i < data.size()} is point {@code i}'s margin loss divided by the number of points,
   * the last term the regularization.
   */
  public static Value lossTerm(List<Value> parameters, MoonsData data, int term) {
    if (term == data.size()) {
      return regularization(parameters);
    }
    return marginLoss(parameters, data, term).mul(1.0 / data.size());
  }

  /** The fraction of points whose score has the sign of their label. */
  public static double accuracy(List<Value> parameters, MoonsData data) {
    int correct = 0;
    for (int i = 0; i < data.size(); i++) {
      double score = score(parameters, data.x(i, 0), data.x(i, 1)).data();
      correct += (data.y(i) > 0) == (score > 0) ? 1 : 0;
    }
    return (double) correct / data.size();
  }
}
