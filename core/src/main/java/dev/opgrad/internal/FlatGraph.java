package dev.opgrad.internal;

import dev.opgrad.spi.Op;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A graph flattened into arrays, node {@code n} after all of its inputs: its op ({@code null} for a
 * leaf), its constants, the indices of its inputs, and its data and gradient. {@link #forward()}
 * and {@link #backward()} walk the arrays in the order the eager engine walks the graph and call
 * the same {@link Op} methods with the same numbers, so they give bit-identical results, and they
 * allocate nothing.
 *
 * <p>Ops take their inputs in an array of exactly their number, as a {@link Op#VARIADIC variadic}
 * op needs. Nodes of one or two inputs, most of a graph, share one such array per arity and gather
 * their inputs into it on each pass: two or three reads, from arrays that stay small. A node of
 * more inputs (a fused neuron, {@code linear}, has 2n + 1) owns its array: {@link #forward()}
 * gathers the inputs into it before calling {@link Op#forward}, and {@link #backward()} passes the
 * same array, untouched since, to {@link Op#localGrad}, so those inputs are gathered once per step
 * instead of once per pass.
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
  private final double[] data; // as of the last forward()
  private final double[] nextLeafData; // the leaves' data for the next forward()
  private final int[] leaves;
  private final double[] grad;
  private final String[] labels; // for error messages
  // in1 and in2 hold the inputs of the node at hand if it has 1 or 2; a node of more inputs has its
  // own array, nodeInputs[n], holding its input data as of the last forward() (else null).
  private final double[] in1 = new double[1];
  private final double[] in2 = new double[2];
  private final double[][] nodeInputs;
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
    this.nextLeafData = data.clone();
    this.leaves = IntStream.range(0, ops.length).filter(n -> ops[n] == null).toArray();
    this.grad = new double[ops.length];
    this.labels = labels;
    int maxArity = 2;
    this.nodeInputs = new double[ops.length][];
    for (int n = 0; n < ops.length; n++) {
      int arity = inputStart[n + 1] - inputStart[n];
      if (arity > 2) {
        nodeInputs[n] = new double[arity];
        maxArity = Math.max(maxArity, arity);
      }
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

  /** A leaf's data as last set; another node's data as of the last {@link #forward()}. */
  public double data(int n) {
    return isLeaf(n) ? nextLeafData[n] : data[n];
  }

  /**
   * Sets leaf {@code n}'s data for the next {@link #forward()}; until then, {@link #backward()}
   * still differentiates at the data of the last one.
   *
   * @throws IllegalArgumentException if node {@code n} is not a leaf
   */
  public void setData(int n, double value) {
    if (!isLeaf(n)) {
      throw new IllegalArgumentException(
          "node " + n + " is computed by op '" + ops[n].name() + "'");
    }
    nextLeafData[n] = value;
  }

  /** Node {@code n}'s gradient from the last {@link #backward()}. */
  public double grad(int n) {
    return grad[n];
  }

  /** Recomputes every non-leaf node from its inputs, in order; returns the root's data. */
  public double forward() {
    for (int leaf : leaves) {
      data[leaf] = nextLeafData[leaf];
    }
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
          double[] in = nodeInputs[n];
          for (int i = 0; i < arity; i++) {
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
      int arity = inputStart[n + 1] - first;
      double g = grad[n];
      try {
        if (arity == 2) {
          int a = inputIndex[first];
          int b = inputIndex[first + 1];
          in2[0] = data[a];
          in2[1] = data[b];
          op.localGrad(in2, constants[n], data[n], local);
          if (g != 0 || !isFinite(local[0]) || !isFinite(local[1])) {
            grad[a] += g * local[0];
            grad[b] += g * local[1];
          }
        } else if (arity == 1) {
          int a = inputIndex[first];
          in1[0] = data[a];
          op.localGrad(in1, constants[n], data[n], local);
          if (g != 0 || !isFinite(local[0])) {
            grad[a] += g * local[0];
          }
        } else {
          op.localGrad(nodeInputs[n], constants[n], data[n], local);
          if (g != 0 || !allFinite(local, arity)) {
            for (int i = 0; i < arity; i++) {
              grad[inputIndex[first + i]] += g * local[i];
            }
          }
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(failure(n, "failed computing its local gradient at", e), e);
      }
    }
  }

  /**
   * Whether {@code x} is neither infinite nor NaN ({@code ∞ − ∞} and {@code NaN − NaN} are NaN).
   */
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
