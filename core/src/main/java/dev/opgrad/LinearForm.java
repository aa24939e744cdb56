package dev.opgrad;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.function.Function;

/**
 * {@code x ↦ linear(bias, w0, x0, w1, x1, …)} over a fixed bias and weights: the operands of the
 * op {@code linear} laid out once, the inputs' places empty, so that each application copies the
 * layout in one go and fills in the inputs. A neuron applies its weights to input after input, and
 * this spares reading them from their list every time.
 */
final class LinearForm implements Function<List<Value>, Value> {

  private static final double[] NO_CONSTANTS = {};

  private final Value[] layout; // bias, w0, null, w1, null, …

  LinearForm(Value bias, List<Value> weights) {
    layout = new Value[1 + 2 * weights.size()];
    layout[0] = bias;
    for (int i = 0; i < weights.size(); i++) {
      layout[1 + 2 * i] = weights.get(i);
    }
  }

  /**
   * Returns the node {@code linear(bias, w0, inputs[0], w1, inputs[1], …)}.
   *
   * @throws IllegalArgumentException if {@code inputs} does not hold one value per weight
   */
  @Override
  public Value apply(List<Value> inputs) {
    checkNotNull(inputs, "inputs");
    int weights = layout.length / 2;
    checkArgument(
        inputs.size() == weights,
        "linear needs one input per weight: %s weights, %s inputs",
        weights,
        inputs.size());
    Value[] operands = layout.clone(); // the node keeps it: each node has its own
    for (int i = 0; i < weights; i++) {
      operands[2 + 2 * i] = inputs.get(i);
    }
    return BuiltinOps.LINEAR.apply(operands, NO_CONSTANTS);
  }
}
