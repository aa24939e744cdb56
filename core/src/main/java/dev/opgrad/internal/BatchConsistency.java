package dev.opgrad.internal;

import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.Point;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Compares a {@link BatchOp}'s batch methods with its per-node methods, bit for bit, for {@link
 * dev.opgrad.GradCheck}.
 */
public final class BatchConsistency {

  private BatchConsistency() {}

  /**
   * Where {@code op}'s batch methods, run over all {@code points} at once, differ from its per-node
   * methods, bit for bit: its outputs, and its input gradients for the upstream gradients 1.5 and
   * 0, starting from 0.25; {@code null} if nowhere.
   */
  public static String firstMismatch(BatchOp op, List<Point> points) {
    int size = points.size();
    int[][] slots = new int[size][];
    double[][] constants = new double[size][];
    double[][] inputs = new double[size][];
    int slotCount = 0;
    for (int k = 0; k < size; k++) {
      inputs[k] = points.get(k).inputs().toArray();
      constants[k] = points.get(k).constants().toArray();
      slots[k] = IntStream.range(slotCount, slotCount + inputs[k].length).toArray();
      slotCount += inputs[k].length;
    }
    double[] slotData = Arrays.stream(inputs).flatMapToDouble(Arrays::stream).toArray();
    double[] outputs = new double[size];
    double[] batchOutputs = new double[size];
    try {
      op.forward(ArrayNodes.forward(slotData, slots, constants, batchOutputs));
    } catch (RuntimeException e) {
      return "forward(Nodes) throws " + e;
    }
    for (int k = 0; k < size; k++) {
      outputs[k] = op.forward(inputs[k], constants[k]);
      if (!sameBits(batchOutputs[k], outputs[k])) {
        return String.format(
            "forward(Nodes) gives %s at %s, forward %s",
            batchOutputs[k], points.get(k), outputs[k]);
      }
    }
    for (double upstream : new double[] {1.5, 0}) {
      double[] grads = new double[size];
      Arrays.fill(grads, upstream);
      double[] expected = new double[slotCount];
      Arrays.fill(expected, 0.25);
      double[] actual = expected.clone();
      for (int k = 0; k < size; k++) {
        double[] local = new double[inputs[k].length];
        op.localGrad(inputs[k], constants[k], outputs[k], local);
        for (int i = 0; i < local.length; i++) {
          expected[slots[k][i]] += upstream * local[i];
        }
      }
      try {
        op.backward(new ArrayNodes(slotData, slots, constants, outputs, grads, actual));
      } catch (RuntimeException e) {
        return "backward(Nodes) throws " + e;
      }
      for (int k = 0; k < size; k++) {
        for (int i = 0; i < inputs[k].length; i++) {
          int slot = slots[k][i];
          if (!sameBits(actual[slot], expected[slot])) {
            return String.format(
                "backward(Nodes) with gradient %s makes input %d's gradient %s (from 0.25) at %s,"
                    + " localGrad %s",
                upstream, i, actual[slot], points.get(k), expected[slot]);
          }
        }
      }
    }
    return null;
  }

  private static boolean sameBits(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }
}
