package dev.opgrad;

import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A graph flattened into arrays, node {@code n} after all of its inputs: its op ({@code null} for a
 * leaf), its constants, the indices of its inputs, and its data and gradient. It is the driver
 * behind {@link CompiledGraph}: {@link #forward()} and {@link #backward()} apply {@link NodeRules}
 * to every node, as the eager engine does, in an order that gives the same sums, so their results
 * are bit-identical to the eager engine's, and they allocate nothing.
 *
 * <p>The nodes are numbered in a {@link BatchOrder}: the leaves first, then runs of independent
 * nodes of one op. A {@link BatchOp} computes a run of two or more nodes in one call, through a
 * {@link NodeRange}, and a lone node of more than two inputs too; its contract is to give bit for
 * bit what {@link NodeRules} gives node by node.
 * While anomaly detection is on, every node goes through {@link NodeRules}, whose checks see each
 * output and local gradient. Other nodes are computed one by one, their inputs gathered into an
 * array of exactly their number, as a {@link Op#VARIADIC variadic} op needs: nodes of one or two
 * inputs share one such array per arity; a node of more inputs owns its array, which {@link
 * #forward()} fills and {@link #backward()} passes, untouched since, to {@link Op#localGrad}, so
 * those inputs are gathered once per step instead of once per pass.
 */
final class Tape {

  // The arrays that a NodeRange shares, package-private for it.
  final double[][] constants;
  final int[] inputStart; // node n's inputs are inputIndex[inputStart[n] .. inputStart[n + 1])
  final int[] inputIndex;
  final double[] data; // as of the last forward()
  final double[] grad;
  final boolean[] wantsGrad; // false for a constant and a node of constants only
  final byte[] sideBySide; // per node, see SideBySide
  private final Op[] ops;
  private final double[] nextLeafData; // the leaves' data for the next forward()
  private final int leafCount; // the leaves are nodes 0 .. leafCount - 1
  private final String[] labels; // for error messages
  private final int[] position; // of()'s numbering -> this graph's
  // Batch b is nodes batchFrom[b] .. batchTo[b] - 1, a run that batchOp[b] computes in one call.
  private final int[] batchFrom;
  private final int[] batchTo;
  private final BatchOp[] batchOp;
  private final int[] batchArity; // the number of inputs of each of its nodes, -1 if they differ
  private final NodeRange.Forward forwardNodes;
  private final NodeRange.Backward backwardNodes;
  // in1 and in2 hold the inputs of the node at hand if it has 1 or 2; a node of more inputs has its
  // own array, nodeInputs[n] (null in a batch until it is computed alone).
  private final double[] in1 = new double[1];
  private final double[] in2 = new double[2];
  private final double[][] nodeInputs;
  private final double[] local; // scratch for local gradients
  private final Names names = new Names();

  private Tape(
      Op[] ops,
      double[][] constants,
      int[] inputStart,
      int[] inputIndex,
      double[] data,
      String[] labels,
      boolean[] wantsGrad,
      int[] runStart,
      int[] position,
      byte[] sideBySide) {
    this.ops = ops;
    this.constants = constants;
    this.inputStart = inputStart;
    this.inputIndex = inputIndex;
    this.data = data;
    this.nextLeafData = data.clone();
    this.grad = new double[ops.length];
    this.sideBySide = sideBySide;
    int leaves = 0;
    while (leaves < ops.length && ops[leaves] == null) {
      leaves++;
    }
    this.leafCount = leaves;
    this.labels = labels;
    this.wantsGrad = wantsGrad;
    this.position = position;
    List<Integer> batches = new ArrayList<>();
    this.nodeInputs = new double[ops.length][];
    for (int r = 0; r + 1 < runStart.length; r++) {
      int from = runStart[r];
      // A lone node of one or two inputs is computed by the per-node methods, whose call sites
      // the JIT can inline; one of more by its batch method, which reads them where they lie.
      if (ops[from] instanceof BatchOp
          && (runStart[r + 1] - from > 1 || inputStart[from + 1] - inputStart[from] > 2)) {
        batches.add(r);
        continue;
      }
      for (int n = from; n < runStart[r + 1]; n++) {
        int arity = inputStart[n + 1] - inputStart[n];
        if (arity > 2) {
          nodeInputs[n] = new double[arity];
        }
      }
    }
    int maxArity = 2;
    for (int n = 0; n < ops.length; n++) {
      maxArity = Math.max(maxArity, inputStart[n + 1] - inputStart[n]);
    }
    this.local = new double[maxArity];
    this.batchFrom = new int[batches.size()];
    this.batchTo = new int[batches.size()];
    this.batchOp = new BatchOp[batches.size()];
    this.batchArity = new int[batches.size()];
    for (int b = 0; b < batches.size(); b++) {
      int r = batches.get(b);
      batchFrom[b] = runStart[r];
      batchTo[b] = runStart[r + 1];
      batchOp[b] = (BatchOp) ops[runStart[r]];
      int arity = inputStart[batchFrom[b] + 1] - inputStart[batchFrom[b]];
      for (int n = batchFrom[b]; n < batchTo[b] && arity >= 0; n++) {
        arity = inputStart[n + 1] - inputStart[n] == arity ? arity : -1;
      }
      batchArity[b] = arity;
    }
    int batchCount = batchOp.length;
    this.forwardNodes = new NodeRange.Forward(this, batchCount);
    this.backwardNodes = new NodeRange.Backward(this, batchCount);
  }

  /**
   * Flattens a graph of {@code ops.length} nodes in topological order, the root last: node {@code
   * n}'s op ({@code null} for a leaf), its constants (never modified), the inputs {@code
   * inputIndex[inputStart[n] .. inputStart[n + 1])}, its data, its label or null, and whether it
   * wants a gradient. The graph numbers its nodes in a {@link BatchOrder} of its own, its leaves in
   * the order in which its nodes first take them, input 0, then every other input from 1, then
   * from 2: inputs that a node takes every other one are then side by side (a neuron's weights, a
   * point's inputs), which {@link NodeRange#consecutiveInputs} tells batch ops. {@link #indexOf}
   * maps the numbers given here to its own.
   */
  static Tape of(
      Op[] ops,
      double[][] constants,
      int[] inputStart,
      int[] inputIndex,
      double[] data,
      String[] labels,
      boolean[] wantsGrad) {
    int size = ops.length;
    BatchOrder batchOrder = BatchOrder.of(ops, inputStart, inputIndex);
    int[] order = batchOrder.order;
    int leaves = 0;
    while (leaves < size && ops[order[leaves]] == null) {
      leaves++;
    }
    int[] position = new int[size];
    for (int p = 0; p < size; p++) {
      position[order[p]] = p < leaves ? -1 : p; // a leaf's is given when a node first takes it
    }
    Op[] newOps = new Op[size];
    double[][] newConstants = new double[size][];
    double[] newData = new double[size];
    String[] newLabels = new String[size];
    boolean[] newWantsGrad = new boolean[size];
    int[] newInputStart = new int[size + 1];
    int[] newInputIndex = new int[inputIndex.length];
    byte[] sideBySide = new byte[size];
    int leaf = 0;
    int edge = 0;
    for (int p = leaves; p < size; p++) {
      int n = order[p];
      newOps[p] = ops[n];
      newConstants[p] = constants[n];
      newData[p] = data[n];
      newLabels[p] = labels[n];
      newWantsGrad[p] = wantsGrad[n];
      newInputStart[p] = edge;
      // Leaves numbered as taken, input 0 first, then the odd inputs, then the even ones: a
      // neuron linear(b, w0, x0, w1, x1, …) finds its weights side by side, and its inputs x_i.
      // Each input is visited once: numbered if it is a new leaf, copied, and looked at for
      // SideBySide, which would otherwise read every edge again.
      int first = inputStart[n];
      int end = inputStart[n + 1];
      boolean stepTwo = true; // inputs 1, 3, 5, … side by side, and 2, 4, 6, …
      boolean wanted = true; // every input from 1 on wants a gradient
      for (int from = 0; from < 3; from++) {
        int step = from == 0 ? end : 2; // input 0 alone
        int previous = -1;
        for (int e = first + from; e < end; e += step) {
          int input = inputIndex[e];
          if (position[input] < 0) {
            position[input] = leaf;
            newWantsGrad[leaf++] = wantsGrad[input]; // for SideBySide; the rest after the pass
          }
          int place = position[input];
          newInputIndex[edge + e - first] = place;
          if (from > 0) {
            stepTwo &= previous < 0 || place == previous + 1;
            wanted &= newWantsGrad[place];
            previous = place;
          }
        }
      }
      edge += end - first;
      sideBySide[p] =
          SideBySide.of(newInputIndex, newInputStart[p], edge, stepTwo, wanted, newWantsGrad);
    }
    newInputStart[size] = edge;
    for (int p = 0; p < leaves; p++) {
      int n = order[p];
      if (position[n] < 0) { // a leaf that no node takes: the root, when it is the whole graph
        position[n] = leaf++;
      }
      newConstants[position[n]] = constants[n];
      newData[position[n]] = data[n];
      newLabels[position[n]] = labels[n];
      newWantsGrad[position[n]] = wantsGrad[n];
    }
    return new Tape(
        newOps,
        newConstants,
        newInputStart,
        newInputIndex,
        newData,
        newLabels,
        newWantsGrad,
        splitByWantsGrad(batchOrder.runStart, newWantsGrad),
        position,
        sideBySide);
  }

  /** The runs, split where the nodes that want a gradient end or start, which backward skips. */
  private static int[] splitByWantsGrad(int[] runStart, boolean[] wantsGrad) {
    int[] split = new int[wantsGrad.length + 1];
    int runs = 0;
    for (int r = 0; r + 1 < runStart.length; r++) {
      split[runs++] = runStart[r];
      for (int p = runStart[r] + 1; p < runStart[r + 1]; p++) {
        if (wantsGrad[p] != wantsGrad[p - 1]) {
          split[runs++] = p;
        }
      }
    }
    split[runs] = wantsGrad.length;
    return Arrays.copyOf(split, runs + 1);
  }

  /** This graph's number for node {@code n} as numbered in {@link #of}. */
  int indexOf(int n) {
    return position[n];
  }

  /** The number of nodes. */
  int size() {
    return ops.length;
  }

  /** Whether node {@code n} is a leaf. */
  boolean isLeaf(int n) {
    return ops[n] == null;
  }

  /** A leaf's data as last set; another node's data as of the last {@link #forward()}. */
  double data(int n) {
    return isLeaf(n) ? nextLeafData[n] : data[n];
  }

  /**
   * Sets leaf {@code n}'s data for the next {@link #forward()}; until then, {@link #backward()}
   * still differentiates at the data of the last one.
   *
   * @throws IllegalArgumentException if node {@code n} is not a leaf
   */
  void setData(int n, double value) {
    if (!isLeaf(n)) {
      throw new IllegalArgumentException(
          "node " + n + " is computed by op '" + ops[n].name() + "'");
    }
    nextLeafData[n] = value;
  }

  /**
   * Node {@code n}'s gradient: for a leaf, what it was set to plus the {@link #backward()} passes
   * since.
   */
  double grad(int n) {
    return grad[n];
  }

  /** Sets leaf {@code n}'s gradient, which {@link #backward()} adds to. */
  void setGrad(int n, double value) {
    grad[n] = value;
  }

  /** Recomputes every non-leaf node from its inputs, in order; returns the root's data. */
  double forward() {
    System.arraycopy(nextLeafData, 0, data, 0, leafCount);
    boolean detect = Anomalies.isDetecting();
    int batch = detect ? batchOp.length : 0;
    for (int n = leafCount; n < ops.length; ) {
      if (batch < batchOp.length && n == batchFrom[batch]) {
        int to = batchTo[batch];
        try {
          batchOp[batch].forwardBatch(forwardNodes.over(batch, n, to, batchArity[batch]));
        } catch (RuntimeException e) {
          throw forwardFailure(n, to, e);
        }
        n = to;
        batch++;
      } else {
        try {
          data[n] = NodeRules.output(ops[n], gather(n), constants[n], detect);
        } catch (NodeFailure failure) {
          throw failure.describedBy(names, n);
        }
        n++;
      }
    }
    return data[ops.length - 1];
  }

  /**
   * Node {@code n}'s input data, in the array of exactly their number that the node's op is
   * called with.
   */
  private double[] gather(int n) {
    int first = inputStart[n];
    int arity = inputStart[n + 1] - first;
    if (arity == 2) {
      in2[0] = data[inputIndex[first]];
      in2[1] = data[inputIndex[first + 1]];
      return in2;
    } else if (arity == 1) {
      in1[0] = data[inputIndex[first]];
      return in1;
    }
    double[] in = nodeInputs[n];
    if (in == null) { // a node of a batch, computed alone while anomaly detection is on
      in = new double[arity];
      nodeInputs[n] = in;
    }
    for (int i = 0; i < arity; i++) {
      in[i] = data[inputIndex[first + i]];
    }
    return in;
  }

  /**
   * The exception for a run of nodes {@code from .. to - 1} whose batch forward failed: that of the
   * first node whose output fails when they are computed again one by one under {@link NodeRules};
   * an {@link IllegalStateException} if none does, the op's own fault.
   */
  private RuntimeException forwardFailure(int from, int to, RuntimeException batchFailure) {
    for (int n = from; n < to; n++) {
      try {
        data[n] = NodeRules.output(ops[n], gatherCopy(n), constants[n], false);
      } catch (NodeFailure failure) {
        return failure.describedBy(names, n);
      }
    }
    return new IllegalStateException(
        String.format(
            "op '%s' failed on a run of %d nodes but on none alone, the first at %s: %s",
            ops[from].name(), to - from, names.describeInputs(from), batchFailure.getMessage()),
        batchFailure);
  }

  /**
   * Sets every non-leaf node's gradient to ∂root/∂node, the root's to 1, and adds ∂root/∂leaf into
   * every leaf's gradient, as {@link Value#backward()} does, at the data of the last {@link
   * #forward()}.
   */
  void backward() {
    int root = ops.length - 1;
    if (!wantsGrad[root]) {
      throw NodeRules.rootWantsNoGradient(names.describe(root));
    }
    boolean detect = Anomalies.isDetecting();
    // A loop of its own, not Arrays.fill: the JIT compiles Arrays.fill with one profile for all
    // its callers, and in a JVM that also runs the eager engine, whose nodes fill one or two
    // elements, this fill of thousands became a loop for a few: 2.5 µs more per moons step.
    for (int n = leafCount; n < grad.length; n++) {
      grad[n] = 0;
    }
    grad[root] += 1;
    int batch = detect ? -1 : batchOp.length - 1;
    for (int n = ops.length - 1; n >= leafCount; ) {
      if (batch >= 0 && n == batchTo[batch] - 1) {
        int from = batchFrom[batch];
        if (wantsGrad[from]) {
          try {
            batchOp[batch].backwardBatch(backwardNodes.over(batch, from, n + 1, batchArity[batch]));
          } catch (RuntimeException e) {
            throw backwardFailure(from, n + 1, e);
          }
        }
        n = from - 1;
        batch--;
      } else {
        if (wantsGrad[n]) {
          try {
            backward(n, detect);
          } catch (NodeFailure failure) {
            throw failure.describedBy(names, n);
          }
        }
        n--;
      }
    }
  }

  /** Adds node {@code n}'s contributions into its inputs' gradients, by {@link NodeRules}. */
  private void backward(int n, boolean detect) {
    double g = grad[n];
    if (NodeRules.skips(ops[n], inputStart[n + 1] - inputStart[n], data[n], g, detect)) {
      return;
    }
    double[] inputs = gather(n);
    if (NodeRules.localGrads(ops[n], inputs, constants[n], data[n], g, local, detect)) {
      for (int e = inputStart[n], i = 0; e < inputStart[n + 1]; e++, i++) {
        int input = inputIndex[e];
        if (wantsGrad[input]) {
          grad[input] += g * local[i];
        }
      }
    }
  }

  /**
   * The exception for a run of nodes {@code from .. to - 1} whose batch backward failed: that of
   * the first node, in backward order, whose local gradients fail under {@link NodeRules}, or else
   * one that says that only the batch failed.
   */
  private RuntimeException backwardFailure(int from, int to, RuntimeException batchFailure) {
    for (int n = to - 1; n >= from; n--) {
      double[] inputs = gatherCopy(n);
      try {
        NodeRules.localGrads(
            ops[n], inputs, constants[n], data[n], grad[n], new double[inputs.length], false);
      } catch (NodeFailure failure) {
        return failure.describedBy(names, n);
      }
    }
    return new IllegalStateException(
        String.format(
            "op '%s' failed computing the local gradients of a run of %d nodes but of none alone,"
                + " the first for %s at %s: %s",
            ops[to - 1].name(),
            to - from,
            names.describe(to - 1),
            names.describeInputs(to - 1),
            batchFailure.getMessage()),
        batchFailure);
  }

  /** Node {@code n}'s input data in a new array, for finding a failure. */
  private double[] gatherCopy(int n) {
    double[] in = new double[inputStart[n + 1] - inputStart[n]];
    for (int e = inputStart[n], i = 0; i < in.length; e++, i++) {
      in[i] = data[inputIndex[e]];
    }
    return in;
  }

  /** Names this tape's nodes in failures, as {@link EagerBackward.Names} names {@link Value}s. */
  private final class Names implements NodeFailure.Names<Integer> {

    @Override
    public String describeInputs(Integer n) {
      return NodeFailure.list(inputStart[n + 1] - inputStart[n], i -> describeInput(n, i));
    }

    @Override
    public String describe(Integer n) {
      return NodeFailure.describe(labels[n], ops[n], data[n]);
    }

    @Override
    public String describeInput(Integer n, int i) {
      return describe(inputIndex[inputStart[n] + i]);
    }

    /** A breadth-first search from the root, as the eager engine's. */
    @Override
    public String pathFromRoot(Integer node) {
      int root = ops.length - 1;
      int[] parent = new int[ops.length];
      Arrays.fill(parent, -1);
      parent[root] = root;
      ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(root));
      while (!queue.isEmpty() && parent[node] < 0) {
        int current = queue.poll();
        for (int e = inputStart[current]; e < inputStart[current + 1]; e++) {
          if (parent[inputIndex[e]] < 0) {
            parent[inputIndex[e]] = current;
            queue.add(inputIndex[e]);
          }
        }
      }
      List<String> steps = new ArrayList<>();
      for (int n = node; n != root; n = parent[n]) {
        steps.add(describe(n));
      }
      steps.add(describe(root));
      Collections.reverse(steps);
      return String.join(" -> ", steps);
    }
  }
}
