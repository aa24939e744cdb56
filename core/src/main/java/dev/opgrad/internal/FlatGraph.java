package dev.opgrad.internal;

import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * A graph flattened into arrays, node {@code n} after all of its inputs: its op ({@code null} for a
 * leaf), its constants, the indices of its inputs, and its data and gradient. {@link #forward()}
 * and {@link #backward()} walk the arrays in the order the eager engine walks the graph and call
 * the same {@link Op} methods with the same numbers, so they give bit-identical results, and they
 * allocate nothing.
 *
 * <p>Each node owns an array of exactly its number of inputs, as a {@link Op#VARIADIC variadic} op
 * needs. {@link #forward()} gathers the node's input data into it before calling {@link
 * Op#forward}; {@link #backward()} passes the same array, untouched since, to {@link Op#localGrad},
 * so the inputs are gathered once per step, not once per pass.
 *
 * <p>{@link #backward()} adds {@code grad·local} into each input's gradient, as the eager pass
 * does, except where that cannot change it: when a node's gradient is ±0 and all its local
 * gradients are finite, every product is ±0, and adding ±0 leaves a gradient as it is (a gradient
 * summed from +0 in round-to-nearest is never −0). Then the node's additions are skipped, as
 * hand-written code skips an inactive ReLU or a met margin; {@code localGrad} is still called, so
 * that a non-finite local gradient still turns 0 into NaN as in the eager pass, and an op that
 * throws still throws.
 */
public final class FlatGraph {

  private final Op[] ops;
  private final double[][] constants;
  private final int[]
      inputStart; // node n's inputs are inputIndex[inputStart[n] .. inputStart[n + 1])
  private final int[] inputIndex;
  private final double[] data;
  private final double[] grad;
  private final String[] labels; // for error messages
  private final double[][] nodeInputs; // node n's input data as of the last forward()
  private final double[] scratchGrads;

  private FlatGraph(
      Op[] ops,
      double[][] constants,
      int[] inputStart,
      int[] inputIndex,
      double[] data,
      String[] labels) {
    this.ops = ops;
    this.constants = constants;
    this.inputStart = inputStart;
    this.inputIndex = inputIndex;
    this.data = data;
    this.grad = new double[ops.length];
    this.labels = labels;
    int maxArity = 2;
    this.nodeInputs = new double[ops.length][];
    for (int n = 0; n < ops.length; n++) {
      nodeInputs[n] = new double[inputStart[n + 1] - inputStart[n]];
      maxArity = Math.max(maxArity, nodeInputs[n].length);
    }
    this.scratchGrads = new double[maxArity];
  }

  /**
   * Takes over arrays describing a graph of {@code ops.length} nodes in topological order, the root
   * last: node {@code n}'s op ({@code null} for a leaf), its constants (never modified), the inputs
   * {@code inputIndex[inputStart[n] .. inputStart[n + 1])}, its data, and its label or null.
   */
  public static FlatGraph of(
      Op[] ops,
      double[][] constants,
      int[] inputStart,
      int[] inputIndex,
      double[] data,
      String[] labels) {
    return new FlatGraph(ops, constants, inputStart, inputIndex, data, labels);
  }

  /** The number of nodes. */
  public int size() {
    return ops.length;
  }

  /** Whether node {@code n} is a leaf. */
  public boolean isLeaf(int n) {
    return ops[n] == null;
  }

  /** Node {@code n}'s data. */
  public double data(int n) {
    return data[n];
  }

  /** Sets node {@code n}'s data, which {@link #forward()} recomputes unless it is a leaf. */
  public void setData(int n, double value) {
    data[n] = value;
  }

  /** Node {@code n}'s gradient from the last {@link #backward()}. */
  public double grad(int n) {
    return grad[n];
  }

  /** Recomputes every non-leaf node from its inputs, in order; returns the root's data. */
  public double forward() {
    for (int n = 0; n < ops.length; n++) {
      Op op = ops[n];
      if (op == null) {
        continue;
      }
      double[] in = nodeInputs[n];
      int first = inputStart[n];
      try {
        // One call site per common arity: each sees few op classes, so the JIT can inline them.
        if (in.length == 2) {
          in[0] = data[inputIndex[first]];
          in[1] = data[inputIndex[first + 1]];
          data[n] = op.forward(in, constants[n]);
        } else if (in.length == 1) {
          in[0] = data[inputIndex[first]];
          data[n] = op.forward(in, constants[n]);
        } else {
          for (int i = 0; i < in.length; i++) {
            in[i] = data[inputIndex[first + i]];
          }
          data[n] = op.forward(in, constants[n]);
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(failure(n, "failed on", e), e);
      }
    }
    return data[ops.length - 1];
  }

  /**
   * Sets every gradient to ∂root/∂node, the root's to 1: the eager backward pass on leaves whose
   * gradients were zero.
   */
  public void backward() {
    Arrays.fill(grad, 0);
    int root = ops.length - 1;
    grad[root] = 1;
    double[] local = scratchGrads;
    for (int n = root; n >= 0; n--) {
      Op op = ops[n];
      if (op == null) {
        continue;
      }
      int first = inputStart[n];
      double[] in = nodeInputs[n];
      double g = grad[n];
      try {
        if (in.length == 2) {
          op.localGrad(in, constants[n], data[n], local);
          if (g != 0 || !isFinite(local[0]) || !isFinite(local[1])) {
            grad[inputIndex[first]] += g * local[0];
            grad[inputIndex[first + 1]] += g * local[1];
          }
        } else if (in.length == 1) {
          op.localGrad(in, constants[n], data[n], local);
          if (g != 0 || !isFinite(local[0])) {
            grad[inputIndex[first]] += g * local[0];
          }
        } else {
          op.localGrad(in, constants[n], data[n], local);
          if (g != 0 || !allFinite(local, in.length)) {
            for (int i = 0; i < in.length; i++) {
              grad[inputIndex[first + i]] += g * local[i];
            }
          }
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(failure(n, "failed computing its local gradient at", e), e);
      }
    }
  }

  /** Whether {@code x} is neither infinite nor NaN ({@code ∞ − ∞} and {@code NaN − NaN} are NaN). */
  private static boolean isFinite(double x) {
    return x - x == 0;
  }

  /** Whether the first {@code count} values are all finite, without a branch per value. */
  private static boolean allFinite(double[] values, int count) {
    double zero = 0;
    for (int i = 0; i < count; i++) {
      zero += values[i] - values[i];
    }
    return zero == 0;
  }

  /** Node {@code n}'s input data in a new array, for an error message. */
  private double[] gatherInputs(int n) {
    double[] in = new double[inputStart[n + 1] - inputStart[n]];
    for (int e = inputStart[n], i = 0; i < in.length; e++, i++) {
      in[i] = data[inputIndex[e]];
    }
    return in;
  }

  private String failure(int n, String what, RuntimeException cause) {
    double[] inputs = gatherInputs(n);
    String label = labels[n] == null ? "" : " for '" + labels[n] + "'";
    return String.format(
        "op '%s' %s %s%s%s: %s",
        ops[n].name(),
        what,
        Arrays.toString(inputs),
        constants[n].length == 0 ? "" : " with constants " + Arrays.toString(constants[n]),
        label,
        cause.getMessage());
  }
}
