package dev.opgrad.internal;

import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * A graph flattened into arrays, node {@code n} after all of its inputs: its op ({@code null} for a
 * leaf), its constants, the indices of its inputs, and its data and gradient. {@link #forward()}
 * and {@link #backward()} walk the arrays in the order the eager engine walks the graph and call
 * the same {@link Op} methods with the same numbers, so they give bit-identical results, and they
 * allocate nothing.
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
  // inputsByCount[k] holds the inputs of a node of k inputs: exactly k, as a variadic op needs.
  private final double[][] inputsByCount;
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
    for (int n = 0; n < ops.length; n++) {
      maxArity = Math.max(maxArity, inputStart[n + 1] - inputStart[n]);
    }
    this.inputsByCount = new double[maxArity + 1][];
    Arrays.setAll(inputsByCount, double[]::new);
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
    double[] in1 = inputsByCount[1];
    double[] in2 = inputsByCount[2];
    for (int n = 0; n < ops.length; n++) {
      Op op = ops[n];
      if (op == null) {
        continue;
      }
      int first = inputStart[n];
      int arity = inputStart[n + 1] - first;
      try {
        // One call site per common arity: each sees few op classes, so the JIT can inline them.
        if (arity == 2) {
          in2[0] = data[inputIndex[first]];
          in2[1] = data[inputIndex[first + 1]];
          data[n] = op.forward(in2, constants[n]);
        } else if (arity == 1) {
          in1[0] = data[inputIndex[first]];
          data[n] = op.forward(in1, constants[n]);
        } else {
          data[n] = op.forward(gatherInputs(n), constants[n]);
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
    double[] in1 = inputsByCount[1];
    double[] in2 = inputsByCount[2];
    double[] local = scratchGrads;
    for (int n = root; n >= 0; n--) {
      Op op = ops[n];
      if (op == null) {
        continue;
      }
      int first = inputStart[n];
      int arity = inputStart[n + 1] - first;
      double g = grad[n];
      try {
        if (arity == 2) {
          int a = inputIndex[first];
          int b = inputIndex[first + 1];
          in2[0] = data[a];
          in2[1] = data[b];
          op.localGrad(in2, constants[n], data[n], local);
          grad[a] += g * local[0];
          grad[b] += g * local[1];
        } else if (arity == 1) {
          int a = inputIndex[first];
          in1[0] = data[a];
          op.localGrad(in1, constants[n], data[n], local);
          grad[a] += g * local[0];
        } else {
          op.localGrad(gatherInputs(n), constants[n], data[n], local);
          for (int i = 0; i < arity; i++) {
            grad[inputIndex[first + i]] += g * local[i];
          }
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(failure(n, "failed computing its local gradient at", e), e);
      }
    }
  }

  /** Node {@code n}'s input data, in the reused array of exactly their number. */
  private double[] gatherInputs(int n) {
    double[] in = inputsByCount[inputStart[n + 1] - inputStart[n]];
    for (int e = inputStart[n], i = 0; e < inputStart[n + 1]; e++, i++) {
      in[i] = data[inputIndex[e]];
    }
    return in;
  }

  private String failure(int n, String what, RuntimeException cause) {
    double[] inputs = gatherInputs(n).clone();
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
