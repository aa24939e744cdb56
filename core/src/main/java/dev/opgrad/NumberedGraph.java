package dev.opgrad;

import java.util.Arrays;

/**
 * The part of a graph that leads from some leaves, the inputs, to some roots, numbered so that a
 * pass keeps its per-node numbers in arrays instead of in the {@link Value}s: {@link Gradients}'
 * derivative graphs and forward-mode {@link Tangents}. Building it marks the nodes and clears the
 * marks again before it returns; the numbering is held here.
 */
final class NumberedGraph {

  /** The nodes that want a gradient below the roots, each after its inputs. */
  final Value[] order;

  /** Node {@code k}'s inputs are the edges {@code edgeStart[k] .. edgeStart[k + 1] - 1}. */
  final int[] edgeStart;

  /**
   * The index in {@link #order} of each edge's input if that input depends on one of the inputs
   * of the pass, else −1: no derivative flows along the edge. It may be longer than the edges.
   */
  final int[] edgeInput;

  /** Whether node {@code k} is one of the inputs or depends on one. */
  final boolean[] depends;

  /** The index of each input, −1 for an input that no root depends on. */
  final int[] inputIndex;

  /** The index of each root, −1 for a root that wants no gradient. */
  final int[] rootIndex;

  /**
   * @param inputs distinct leaves that want a gradient
   */
  NumberedGraph(Value[] roots, Value[] inputs) {
    order = EagerBackward.markedOrder(roots, true, false);
    int n = order.length;
    try {
      // The ordering leaves every node marked 1; an input in the graph is marked 2 instead, so
      // that one pass numbers the nodes and finds what depends on the inputs: when it reaches a
      // node, the node's own mark is still 1 or 2, and its inputs already hold their numbers.
      for (Value input : inputs) {
        if (input.mark() != 0) {
          input.setMark(2);
        }
      }
      edgeStart = new int[n + 1];
      depends = new boolean[n];
      int[] edges = new int[Math.max(16, 2 * n)];
      int edge = 0;
      for (int k = 0; k < n; k++) {
        Value node = order[k];
        depends[k] = node.mark() == 2;
        node.setMark(k + 1);
        edgeStart[k] = edge;
        int arity = node.inputCount();
        if (edges.length - edge < arity) {
          edges = Arrays.copyOf(edges, Math.max(edges.length * 2, edge + arity));
        }
        for (int i = 0; i < arity; i++) {
          int input = node.input(i).mark() - 1;
          edges[edge] = input >= 0 && depends[input] ? input : -1;
          depends[k] |= edges[edge] >= 0;
          edge++;
        }
      }
      edgeStart[n] = edge;
      edgeInput = edges;
      inputIndex = indices(inputs);
      rootIndex = indices(roots);
    } finally {
      for (Value node : order) {
        node.setMark(0);
      }
    }
  }

  /** The index of each of {@code nodes} while the marks hold them, −1 for a node not ordered. */
  private static int[] indices(Value[] nodes) {
    int[] indices = new int[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      indices[i] = nodes[i].mark() - 1;
    }
    return indices;
  }
}
