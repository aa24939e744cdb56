package dev.opgrad;

import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * A new topological order for a flat graph in which nodes of one op form long runs of independent
 * nodes, so that a {@link dev.opgrad.spi.BatchOp} computes each run in one call: micrograd's moons
 * graph, ordered neuron by neuron, becomes a run per layer of its 100 points.
 *
 * <p>Nodes are sorted by level, then by their original position. A node's level is above its
 * inputs' levels, so a level holds no node and its input, and the order is topological. The
 * backward pass must stay bit-identical too, and a gradient is a sum whose rounding depends on the
 * order of its terms: the order in which the node's consumers are processed. So a node's level is
 * also at least that of the previous consumer of each of its inputs: the consumers of every node
 * keep their original relative order. A run is a stretch of nodes of one op and one level.
 *
 * <p>The leaves come first, in their original order, before any node of an op without inputs;
 * {@link Tape#of} then orders them as it needs: they have no inputs and add into no gradient, so
 * their order changes no sum.
 */
final class BatchOrder {

  /** The new order: {@code order[position]} is the node at {@code position}. */
  final int[] order;

  /**
   * Where each run starts: run {@code r} is the nodes at positions {@code runStart[r] .. runStart[r
   * + 1] - 1}; the last element is the number of nodes.
   */
  final int[] runStart;

  private BatchOrder(int[] order, int[] runStart) {
    this.order = order;
    this.runStart = runStart;
  }

  /**
   * Orders the nodes of a flat graph in topological order: node {@code n}'s op ({@code null} for a
   * leaf) and its inputs {@code inputIndex[inputStart[n] .. inputStart[n + 1])}.
   */
  static BatchOrder of(Op[] ops, int[] inputStart, int[] inputIndex) {
    int size = ops.length;
    int[] level = new int[size];
    int[] lastConsumer = new int[size]; // plus one; 0 for none yet
    int levels = 1;
    for (int n = 0; n < size; n++) {
      int l = 0;
      for (int e = inputStart[n]; e < inputStart[n + 1]; e++) {
        int input = inputIndex[e];
        l = Math.max(l, level[input] + 1);
        if (lastConsumer[input] > 0) {
          l = Math.max(l, level[lastConsumer[input] - 1]);
        }
        lastConsumer[input] = n + 1;
      }
      level[n] = l;
      levels = Math.max(levels, l + 1);
    }
    // A counting sort by level keeps the original order within a level.
    int[] levelStart = new int[levels + 1];
    for (int n = 0; n < size; n++) {
      levelStart[level[n] + 1]++;
    }
    for (int l = 0; l < levels; l++) {
      levelStart[l + 1] += levelStart[l];
    }
    int[] byLevel = new int[size];
    for (int n = 0; n < size; n++) {
      byLevel[levelStart[level[n]]++] = n;
    }
    int[] order = new int[size];
    int p = 0;
    for (int n = 0; n < size; n++) {
      if (ops[n] == null) {
        order[p++] = n;
      }
    }
    for (int n : byLevel) {
      if (ops[n] != null) {
        order[p++] = n;
      }
    }
    int[] runStart = new int[size + 1];
    int runs = 0;
    for (int q = 0; q < size; q++) {
      if (q == 0 || ops[order[q]] != ops[order[q - 1]] || level[order[q]] != level[order[q - 1]]) {
        runStart[runs++] = q;
      }
    }
    runStart[runs] = size;
    return new BatchOrder(order, Arrays.copyOf(runStart, runs + 1));
  }
}
