package dev.opgrad.internal;

import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A graph flattened into arrays, node {@code n} after all of its inputs: its op ({@code null} for a
 * leaf), its constants, the indices of its inputs, and its data and gradient. {@link #forward()}
 * and {@link #backward()} call the same {@link Op} methods with the same numbers as the eager
 * engine, in an order that gives the same sums, so their results are bit-identical, and they
 * allocate nothing.
 *
 * <p>The nodes are numbered in a {@link BatchOrder}: the leaves first, then runs of independent
 * nodes of one op. A {@link BatchOp} computes a run of two or more nodes in one call, through a
 * {@link NodeRange}. Other nodes are computed one by one, their inputs gathered into an array of
 * exactly their number, as a {@link Op#VARIADIC variadic} op needs: nodes of one or two inputs
 * share one such array per arity; a node of more inputs owns its array, which {@link #forward()}
 * fills and {@link #backward()} passes, untouched since, to {@link Op#localGrad}, so those inputs
 * are gathered once per step instead of once per pass.
 *
 * <p>{@link #backward()} adds {@code grad·local} into each input's gradient, as the eager pass
 * does, except where that cannot change it: when a node's gradient is ±0 and all its local
 * gradients are finite, every product is ±0, and adding ±0 leaves a gradient as it is (a gradient
 * summed from +0 in round-to-nearest is never −0). Then the node's additions are skipped, as
 * hand-written code skips an inactive ReLU or a met margin; {@code localGrad} is still called, so
 * that a non-finite local gradient still turns 0 into NaN as in the eager pass, and an op that
 * throws still throws. A {@link BatchOp} may skip the same additions.
 */
public final class FlatGraph {

  private final Op[] ops;
  private final double[][] constants;
  private final int[]
      inputStart; // node n's inputs are inputIndex[inputStart[n] .. inputStart[n + 1])
  private final int[] inputIndex;
  private final double[] data; // as of the last forward()
  private final double[] nextLeafData; // the leaves' data for the next forward()
  private final double[] grad;
  private final int leafCount; // the leaves are nodes 0 .. leafCount - 1
  private final String[] labels; // for error messages
  private final int[] position; // of()'s numbering -> this graph's
  // Batch b is nodes batchFrom[b] .. batchTo[b] - 1, a run that batchOp[b] computes in one call.
  private final int[] batchFrom;
  private final int[] batchTo;
  private final BatchOp[] batchOp;
  private final NodeRange forwardNodes;
  private final NodeRange backwardNodes;
  // in1 and in2 hold the inputs of the node at hand if it has 1 or 2; a node of more inputs has its
  // own array, nodeInputs[n], holding its input data as of the last forward() (null in a batch).
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
      String[] labels,
      int[] runStart,
      int[] position) {
    this.ops = ops;
    this.constants = constants;
    this.inputStart = inputStart;
    this.inputIndex = inputIndex;
    this.data = data;
    this.nextLeafData = data.clone();
    this.grad = new double[ops.length];
    int leaves = 0;
    while (leaves < ops.length && ops[leaves] == null) {
      leaves++;
    }
    this.leafCount = leaves;
    this.labels = labels;
    this.position = position;
    List<Integer> batches = new ArrayList<>();
    this.nodeInputs = new double[ops.length][];
    int maxArity = 2;
    for (int r = 0; r + 1 < runStart.length; r++) {
      int from = runStart[r];
      // A lone node is computed by the per-node methods, whose call sites the JIT can inline.
      if (ops[from] instanceof BatchOp && runStart[r + 1] - from > 1) {
        batches.add(r);
        continue;
      }
      for (int n = from; n < runStart[r + 1]; n++) {
        int arity = inputStart[n + 1] - inputStart[n];
        if (arity > 2) {
          nodeInputs[n] = new double[arity];
          maxArity = Math.max(maxArity, arity);
        }
      }
    }
    this.scratchGrads = new double[maxArity];
    this.batchFrom = new int[batches.size()];
    this.batchTo = new int[batches.size()];
    this.batchOp = new BatchOp[batches.size()];
    for (int b = 0; b < batches.size(); b++) {
      int r = batches.get(b);
      batchFrom[b] = runStart[r];
      batchTo[b] = runStart[r + 1];
      batchOp[b] = (BatchOp) ops[runStart[r]];
    }
    this.forwardNodes = new NodeRange(true, inputStart, inputIndex, constants, data, grad);
    this.backwardNodes = new NodeRange(false, inputStart, inputIndex, constants, data, grad);
  }

  /**
   * Flattens a graph of {@code ops.length} nodes in topological order, the root last: node {@code
   * n}'s op ({@code null} for a leaf), its constants (never modified), the inputs {@code
   * inputIndex[inputStart[n] .. inputStart[n + 1])}, its data, and its label or null. The graph
   * numbers its nodes in a {@link BatchOrder} of its own; {@link #indexOf} maps the numbers given
   * here to its own.
   */
  public static FlatGraph of(
      Op[] ops,
      double[][] constants,
      int[] inputStart,
      int[] inputIndex,
      double[] data,
      String[] labels) {
    int size = ops.length;
    BatchOrder batchOrder = BatchOrder.of(ops, inputStart, inputIndex);
    int[] order = batchOrder.order;
    int[] position = new int[size];
    for (int p = 0; p < size; p++) {
      position[order[p]] = p;
    }
    Op[] newOps = new Op[size];
    double[][] newConstants = new double[size][];
    double[] newData = new double[size];
    String[] newLabels = new String[size];
    int[] newInputStart = new int[size + 1];
    int[] newInputIndex = new int[inputIndex.length];
    int edge = 0;
    for (int p = 0; p < size; p++) {
      int n = order[p];
      newOps[p] = ops[n];
      newConstants[p] = constants[n];
      newData[p] = data[n];
      newLabels[p] = labels[n];
      newInputStart[p] = edge;
      for (int e = inputStart[n]; e < inputStart[n + 1]; e++) {
        newInputIndex[edge++] = position[inputIndex[e]];
      }
    }
    newInputStart[size] = edge;
    return new FlatGraph(
        newOps,
        newConstants,
        newInputStart,
        newInputIndex,
        newData,
        newLabels,
        batchOrder.runStart,
        position);
  }

  /** This graph's number for node {@code n} as numbered in {@link #of}. */
  public int indexOf(int n) {
    return position[n];
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
    System.arraycopy(nextLeafData, 0, data, 0, leafCount);
    int batch = 0;
    for (int n = leafCount; n < ops.length; ) {
      if (batch < batchOp.length && n == batchFrom[batch]) {
        int to = batchTo[batch];
        try {
          batchOp[batch].forward(forwardNodes.over(n, to));
        } catch (RuntimeException e) {
          throw forwardFailure(n, to, e);
        }
        n = to;
        batch++;
      } else {
        try {
          data[n] = forward(n);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(failure(n, "failed on", e), e);
        }
        n++;
      }
    }
    return data[ops.length - 1];
  }

  /** Computes node {@code n} with its op's per-node {@link Op#forward}. */
  private double forward(int n) {
    Op op = ops[n];
    int first = inputStart[n];
    int arity = inputStart[n + 1] - first;
    // One call site per common arity: each sees few op classes, so the JIT can inline them.
    if (arity == 2) {
      in2[0] = data[inputIndex[first]];
      in2[1] = data[inputIndex[first + 1]];
      return op.forward(in2, constants[n]);
    } else if (arity == 1) {
      in1[0] = data[inputIndex[first]];
      return op.forward(in1, constants[n]);
    }
    double[] in = nodeInputs[n];
    for (int i = 0; i < arity; i++) {
      in[i] = data[inputIndex[first + i]];
    }
    return op.forward(in, constants[n]);
  }

  /**
   * The exception for a run of nodes {@code from .. to - 1} whose batch forward failed: that of the
   * first node whose per-node {@link Op#forward} fails when they are computed again one by one,
   * which names its inputs; an {@link IllegalStateException} if none does, the op's own fault.
   */
  private RuntimeException forwardFailure(int from, int to, RuntimeException batchFailure) {
    for (int n = from; n < to; n++) {
      try {
        data[n] = ops[n].forward(gatherInputs(n), constants[n]);
      } catch (RuntimeException e) {
        return new IllegalArgumentException(failure(n, "failed on", e), e);
      }
    }
    String what = "failed on a run of " + (to - from) + " nodes but on none alone, the first at";
    return new IllegalStateException(failure(from, what, batchFailure), batchFailure);
  }

  /**
   * Sets every gradient to ∂root/∂node, the root's to 1: the eager backward pass on leaves whose
   * gradients were zero.
   */
  public void backward() {
    Arrays.fill(grad, 0);
    grad[ops.length - 1] = 1;
    int batch = batchOp.length - 1;
    for (int n = ops.length - 1; n >= leafCount; ) {
      if (batch >= 0 && n == batchTo[batch] - 1) {
        int from = batchFrom[batch];
        try {
          batchOp[batch].backward(backwardNodes.over(from, n + 1));
        } catch (RuntimeException e) {
          throw backwardFailure(from, n + 1, e);
        }
        n = from - 1;
        batch--;
      } else {
        try {
          backward(n);
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              failure(n, "failed computing its local gradient at", e), e);
        }
        n--;
      }
    }
  }

  /**
   * The exception for a run of nodes {@code from .. to - 1} whose batch backward failed: that of
   * the first node, in backward order, whose per-node {@link Op#localGrad} fails, which names its
   * inputs, or else one that says that only the batch failed.
   */
  private IllegalStateException backwardFailure(int from, int to, RuntimeException batchFailure) {
    for (int n = to - 1; n >= from; n--) {
      double[] inputs = gatherInputs(n);
      try {
        ops[n].localGrad(inputs, constants[n], data[n], new double[inputs.length]);
      } catch (RuntimeException e) {
        return new IllegalStateException(
            failure(n, "failed computing its local gradient at", e), e);
      }
    }
    String what =
        "failed computing the local gradients of a run of "
            + (to - from)
            + " nodes but of none alone, the first at";
    return new IllegalStateException(failure(to - 1, what, batchFailure), batchFailure);
  }

  /** Adds node {@code n}'s contributions into its inputs' gradients with {@link Op#localGrad}. */
  private void backward(int n) {
    int first = inputStart[n];
    int arity = inputStart[n + 1] - first;
    // One call site per common arity, each in a method small enough for the JIT to inline.
    if (arity == 2) {
      backwardBinary(n, first);
    } else if (arity == 1) {
      backwardUnary(n, first);
    } else {
      backwardVariadic(n, first, arity);
    }
  }

  private void backwardBinary(int n, int first) {
    int a = inputIndex[first];
    int b = inputIndex[first + 1];
    in2[0] = data[a];
    in2[1] = data[b];
    double[] local = scratchGrads;
    ops[n].localGrad(in2, constants[n], data[n], local);
    double g = grad[n];
    if (g != 0 || !isFinite(local[0]) || !isFinite(local[1])) {
      grad[a] += g * local[0];
      grad[b] += g * local[1];
    }
  }

  private void backwardUnary(int n, int first) {
    int a = inputIndex[first];
    in1[0] = data[a];
    double[] local = scratchGrads;
    ops[n].localGrad(in1, constants[n], data[n], local);
    double g = grad[n];
    if (g != 0 || !isFinite(local[0])) {
      grad[a] += g * local[0];
    }
  }

  private void backwardVariadic(int n, int first, int arity) {
    double[] local = scratchGrads;
    ops[n].localGrad(nodeInputs[n], constants[n], data[n], local);
    double g = grad[n];
    if (g != 0 || !allFinite(local, arity)) {
      for (int i = 0; i < arity; i++) {
        grad[inputIndex[first + i]] += g * local[i];
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
