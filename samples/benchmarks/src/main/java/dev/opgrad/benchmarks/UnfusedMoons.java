package dev.opgrad.benchmarks;

import dev.opgrad.Value;
import dev.opgrad.nn.Layer;
import dev.opgrad.nn.MLP;
import dev.opgrad.nn.MaxMarginLoss;
import dev.opgrad.nn.Neuron;
import dev.opgrad.samples.Moons;
import dev.opgrad.samples.MoonsData;
import java.util.ArrayList;
import java.util.List;

/**
 * The eager moons training step on the graph micrograd builds: the model and loss of {@link Moons},
 * but each neuron's sum built as the chain {@code b + w0·x0 + w1·x1 + …} of {@code mul} and {@code
 * add} nodes instead of one {@code linear} node, for comparison with the fused graph.
 */
final class UnfusedMoons {

  private final MoonsData data;
  private final double[] labels;
  private final MLP model;

  UnfusedMoons(MoonsData data, double[] initial) {
    this.data = data;
    this.labels = data.labels();
    this.model = Moons.newModel(initial);
  }

  /** The model, whose parameters {@link #step} updates. */
  MLP model() {
    return model;
  }

  /** The model's score for {@code (x0, x1)}, every neuron a chain of 2n nodes. */
  private Value score(double x0, double x1) {
    List<Value> activations = List.of(Value.of(x0), Value.of(x1));
    for (Layer layer : model.layers()) {
      List<Value> outputs = new ArrayList<>(layer.neurons().size());
      for (Neuron neuron : layer.neurons()) {
        Value sum = neuron.bias();
        for (int i = 0; i < activations.size(); i++) {
          sum = sum.add(neuron.weights().get(i).mul(activations.get(i)));
        }
        outputs.add(neuron.activation().apply(sum));
      }
      activations = outputs;
    }
    return activations.get(0);
  }

  /** The loss graph of one full-batch step. */
  Value loss() {
    List<Value> scores = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      scores.add(score(data.x(i, 0), data.x(i, 1)));
    }
    return MaxMarginLoss.of(scores, labels, model.parameters(), Moons.ALPHA).total();
  }

  /** One full-batch step: loss, zeroed gradients, backward, descent; returns the loss. */
  double step(double learningRate) {
    Value loss = loss();
    model.zeroGrad();
    loss.backward();
    for (Value p : model.parameters()) {
      p.setData(p.data() - learningRate * p.grad());
    }
    return loss.data();
  }
}
