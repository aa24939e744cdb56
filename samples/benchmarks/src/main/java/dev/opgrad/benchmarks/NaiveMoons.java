package dev.opgrad.benchmarks;

import dev.opgrad.samples.MoonsData;

/**
 * micrograd's moons training step over {@link NaiveValue}s, the graph built as micrograd builds it.
 * The baseline writes its own network on purpose: it measures a naive port, not opgrad's nn.
 */
final class NaiveMoons {

  private static final int[] SIZES = {2, 16, 16, 1};

  private final MoonsData data;
  private final NaiveValue[] parameters;

  NaiveMoons(MoonsData data, double[] initial) {
    this.data = data;
    this.parameters = new NaiveValue[initial.length];
    for (int i = 0; i < initial.length; i++) {
      parameters[i] = NaiveValue.of(initial[i]);
    }
  }

  private NaiveValue score(double x0, double x1) {
    NaiveValue[] activations = {NaiveValue.of(x0), NaiveValue.of(x1)};
    int p = 0;
    for (int layer = 1; layer < SIZES.length; layer++) {
      NaiveValue[] outputs = new NaiveValue[SIZES[layer]];
      for (int neuron = 0; neuron < outputs.length; neuron++) {
        int weights = p;
        p += activations.length;
        NaiveValue sum = parameters[p++];
        for (int i = 0; i < activations.length; i++) {
          sum = sum.add(parameters[weights + i].mul(activations[i]));
        }
        outputs[neuron] = layer < SIZES.length - 1 ? sum.relu() : sum;
      }
      activations = outputs;
    }
    return activations[0];
  }

  /** One full-batch step: loss, zeroed gradients, backward, descent; returns the loss. */
  double step(double learningRate) {
    NaiveValue sum = NaiveValue.of(0);
    for (int i = 0; i < data.size(); i++) {
      sum = sum.add(score(data.x(i, 0), data.x(i, 1)).mul(-data.y(i)).add(1).relu());
    }
    NaiveValue squares = NaiveValue.of(0);
    for (NaiveValue p : parameters) {
      squares = squares.add(p.mul(p));
    }
    NaiveValue loss = sum.mul(1.0 / data.size()).add(squares.mul(1e-4));
    for (NaiveValue p : parameters) {
      p.grad = 0;
    }
    loss.backward();
    for (NaiveValue p : parameters) {
      p.data -= learningRate * p.grad;
    }
    return loss.data;
  }
}
