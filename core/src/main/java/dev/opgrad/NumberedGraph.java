package dev.opgrad;

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
   * of the pass, else −1: no derivative flows along the edge.
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
      long edges = 0;
      for (int k = 0; k < n; k++) {
        order[k].setMark(k + 1);
        edges += order[k].inputCount();
      }
      if (edges > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("a graph of more than 2^31 edges: " + edges);
      }
      edgeStart = new int[n + 1];
      edgeInput = new int[(int) edges];
      depends = new boolean[n];
      inputIndex = indices(inputs);
      for (int index : inputIndex) {
        if (index >= 0) {
          depends[index] = true;
        }
      }
      int edge = 0;
      for (int k = 0; k < n; k++) {
        Value node = order[k];
        edgeStart[k] = edge;
        for (int i = 0; i < node.inputCount(); i++) {
          int input = node.input(i).mark() - 1;
          edgeInput[edge] = input >= 0 && depends[input] ? input : -1;
          depends[k] |= edgeInput[edge] >= 0;
          edge++;
        }
      }
      edgeStart[n] = edge;
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
