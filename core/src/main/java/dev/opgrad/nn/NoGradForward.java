package dev.opgrad.nn;

import com.google.common.collect.ImmutableList;
import dev.opgrad.NoGrad;
import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.List;

/**
 * The forward pass of {@link Neuron}, {@link Layer} and {@link MLP} under {@link NoGrad}, on
 * numbers. There every op of the graph path returns a constant that keeps no inputs, so all that
 * pass leaves is numbers: this computes them with the same ops, {@code linear} and the
 * activation's, through their {@link Op#forward(double[], double[])} on the same inputs in the same
 * order, so bit for bit the same numbers, and wraps only the outputs as constants, without the
 * operand arrays, lists and constants of every op.
 *
 * <p>The engine's rules for a node ({@code NodeRules}) stay the engine's. They return the number
 * that {@code forward} returns, except where it throws, or returns NaN or ±∞ under anomaly
 * detection; so a neuron whose op throws or gives a number that is not finite is computed again by
 * the graph path, from the same values, and the engine reports it exactly as before, or returns the
 * same NaN or ±∞ when detection is off (ops are pure: the second call gives what the first gave).
 * Arguments the graph path rejects (an input that is null, a wrong number of them) are left to it
 * too, and so is a default registry without the ops {@code Value}'s methods need.
 */
final class NoGradForward {

  private static final double[] NO_CONSTANTS = {};

  private NoGradForward() {}

  /**
   * The ops that {@link Value#linear}, {@link Value#relu()} and {@link Value#tanh()} apply: the
   * default registry's, where it has one of the shape the method takes; null otherwise, and the
   * graph path says what is wrong. Looked up on first use, as {@code Value}'s are.
   */
  private static final class Builtin {
    static final Op LINEAR = find("linear", Op.VARIADIC);
    static final Op RELU = find("relu", 1);
    static final Op TANH = find("tanh", 1);

    private static Op find(String name, int arity) {
      OpRegistry registry = OpRegistry.defaultRegistry();
      Op op = registry.contains(name) ? registry.get(name) : null;
      return op != null && op.arity() == arity && op.constantCount() == 0 ? op : null;
    }
  }

  /** The data of {@code x}, or null if one of them is null: the graph path says which. */
  static double[] data(List<Value> x) {
    double[] data = new double[x.size()];
    for (int i = 0; i < data.length; i++) {
      Value xi = x.get(i);
      if (xi == null) {
        return null;
      }
      data[i] = xi.data();
    }
    return data;
  }

  /** The numbers as constants, in an immutable list, as the graph path returns them. */
  static List<Value> constants(double[] data) {
    ImmutableList.Builder<Value> values = ImmutableList.builderWithExpectedSize(data.length);
    for (double d : data) {
      values.add(Value.constant(d));
    }
    return values.build();
  }

  /**
   * The outputs of {@code layers} in turn for the numbers {@code x}.
   *
   * @param inputs the values that the first layer takes in the graph path, for it to name them if
   *     it reports a failure; null if they are constants of {@code x}, as the layers after it take
   */
  static double[] layers(List<Layer> layers, double[] x, List<Value> inputs) {
    double[] out = x;
    List<Value> in = inputs;
    for (Layer layer : layers) {
      out = layer(layer.neurons(), out, in);
      in = null;
    }
    return out;
  }

  /** The outputs of one layer's neurons for {@code x}; {@code inputs} as for {@link #layers}. */
  static double[] layer(List<Neuron> neurons, double[] x, List<Value> inputs) {
    Buffers buffers = new Buffers(x);
    double[] out = new double[neurons.size()];
    for (int n = 0; n < out.length; n++) {
      out[n] = neuron(neurons.get(n), x, inputs, buffers);
    }
    return out;
  }

  /** The output of one neuron for {@code x}; {@code inputs} as for {@link #layers}. */
  static double neuron(Neuron neuron, double[] x, List<Value> inputs) {
    return neuron(neuron, x, inputs, new Buffers(x));
  }

  /** Arrays lent to the ops, as the engine lends them, for the neurons of one layer. */
  private static final class Buffers {
    /**
     * {@code linear}'s operands: b, w0, x0, w1, x1, …. The x<sub>i</sub> are the same for every
     * neuron of the layer, written once: an op does not modify its inputs (the {@code Op} contract).
     */
    final double[] operands;

    final double[] one = new double[1]; // the activation's

    Buffers(double[] x) {
      operands = new double[1 + 2 * x.length];
      for (int i = 0; i < x.length; i++) {
        operands[2 + 2 * i] = x[i];
      }
    }
  }

  private static double neuron(Neuron neuron, double[] x, List<Value> inputs, Buffers buffers) {
    Op linear = Builtin.LINEAR;
    Activation activation = neuron.activation();
    Op op = activation == Activation.LINEAR ? null : activationOp(activation);
    if (linear != null && (op != null || activation == Activation.LINEAR)) {
      // Value.linear's operands, in its order; the inputs are in place.
      double[] operands = buffers.operands;
      operands[0] = neuron.bias().data();
      for (int i = 0; i < x.length; i++) {
        operands[1 + 2 * i] = neuron.weight(i).data();
      }
      try {
        double sum = linear.forward(operands, NO_CONSTANTS);
        if (Double.isFinite(sum)) {
          if (op == null) {
            return sum;
          }
          buffers.one[0] = sum;
          // A copy, as Value.apply makes one, so that the activation stays immutable.
          double[] constants = activation.constants();
          double output =
              op.forward(buffers.one, constants.length == 0 ? constants : constants.clone());
          if (Double.isFinite(output)) {
            return output;
          }
        }
      } catch (RuntimeException e) {
        // The graph path calls the op again, and the engine reports what it throws.
      }
    }
    return neuron.graph(inputs != null ? inputs : constants(x)).data();
  }

  /** The op {@code activation} applies; null if the graph path must say why there is none. */
  private static Op activationOp(Activation activation) {
    if (activation == Activation.RELU) {
      return Builtin.RELU;
    }
    if (activation == Activation.TANH) {
      return Builtin.TANH;
    }
    return activation.op();
  }
}
