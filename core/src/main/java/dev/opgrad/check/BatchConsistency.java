package dev.opgrad.check;

import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Point;
import java.util.Arrays;
import java.util.List;

/**
 * Compares a {@link BatchOp}'s batch methods with its per-node methods, bit for bit, for {@link
 * GradCheck}.
 */
final class BatchConsistency {

  private BatchConsistency() {}

  /**
   * Where {@code op}'s batch methods, run over all {@code points} at once, differ from its per-node
   * methods, bit for bit: its outputs, and its input gradients for the upstream gradients 1.5 and
   * 0, starting from 0.25; {@code null} if nowhere.
   */
  static String firstMismatch(BatchOp op, List<Point> points) {
    int size = points.size();
    double[][] inputs = new double[size][];
    double[][] constants = new double[size][];
    for (int k = 0; k < size; k++) {
      inputs[k] = points.get(k).inputs();
      constants[k] = points.get(k).constants();
    }
    double[] outputs = new double[size];
    double[] batchOutputs = new double[size];
    try {
      op.forwardBatch(new PointNodes(inputs, constants, batchOutputs, null, null));
    } catch (RuntimeException e) {
      return "forwardBatch throws " + e;
    }
    for (int k = 0; k < size; k++) {
      outputs[k] = op.forward(inputs[k], constants[k]);
      if (!sameBits(batchOutputs[k], outputs[k])) {
        return String.format(
            "forwardBatch gives %s at %s, forward %s", batchOutputs[k], points.get(k), outputs[k]);
      }
    }
    for (double upstream : new double[] {1.5, 0}) {
      double[] grads = new double[size];
      Arrays.fill(grads, upstream);
      double[][] expected = new double[size][];
      double[][] actual = new double[size][];
      for (int k = 0; k < size; k++) {
        double[] local = new double[inputs[k].length];
        op.localGrad(inputs[k], constants[k], outputs[k], local);
        expected[k] = new double[local.length];
        actual[k] = new double[local.length];
        Arrays.fill(expected[k], 0.25);
        Arrays.fill(actual[k], 0.25);
        for (int i = 0; i < local.length; i++) {
          expected[k][i] += upstream * local[i];
        }
      }
      try {
        op.backwardBatch(new PointNodes(inputs, constants, outputs, grads, actual));
      } catch (RuntimeException e) {
        return "backwardBatch throws " + e;
      }
      for (int k = 0; k < size; k++) {
        for (int i = 0; i < inputs[k].length; i++) {
          if (!sameBits(actual[k][i], expected[k][i])) {
            return String.format(
                "backwardBatch with gradient %s makes input %d's gradient %s (from 0.25) at %s,"
                    + " localGrad %s",
                upstream, i, actual[k][i], points.get(k), expected[k][i]);
          }
        }
      }
    }
    return null;
  }

  private static boolean sameBits(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }

  /**
   * The points as a run of nodes, each with inputs of its own: the forward view without {@code
   * grads}, the backward view with them, adding into {@code inputGrads}.
   */
  private static final class PointNodes implements Nodes {

    private final double[][] inputs;
    private final double[][] constants;
    private final double[] outputs;
    private final double[] grads; // null in the forward view
    private final double[][] inputGrads;

    PointNodes(
        double[][] inputs,
        double[][] constants,
        double[] outputs,
        double[] grads,
        double[][] inputGrads) {
      this.inputs = inputs;
      this.constants = constants;
      this.outputs = outputs;
      this.grads = grads;
      this.inputGrads = inputGrads;
    }

    @Override
    public int size() {
      return inputs.length;
    }

    @Override
    public int inputCount(int k) {
      return inputs[k].length;
    }

    @Override
    public double input(int k, int i) {
      return inputs[k][i];
    }

    @Override
    public double constant(int k, int c) {
      return constants[k][c];
    }

    @Override
    public double output(int k) {
      return outputs[k];
    }

    @Override
    public void setOutput(int k, double value) {
      if (grads != null) {
        throw new IllegalStateException("setOutput is for the forward pass");
      }
      outputs[k] = value;
    }

    @Override
    public double grad(int k) {
      if (grads == null) {
        throw new IllegalStateException("grad is for the backward pass");
      }
      return grads[k];
    }

    @Override
    public void addInputGrad(int k, int i, double value) {
      if (grads == null) {
        throw new IllegalStateException("addInputGrad is for the backward pass");
      }
      inputGrads[k][i] += value;
    }
  }
}
