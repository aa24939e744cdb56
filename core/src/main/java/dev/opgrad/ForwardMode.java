package dev.opgrad;

import java.util.Arrays;

/**
 * Forward mode, {@link Gradients#jvp}: every node's derivative along a direction in the inputs, in
 * one pass over a topological order, from each op's local gradients by {@link
 * NumberedGraph#tangent}. The pass numbers the nodes as it goes, in their marks, and keeps only
 * the derivatives, indexed by number; nothing is recorded for another direction. The marks hold
 * twice a node's number: a graph of up to 2<sup>30</sup> − 2 nodes.
 */
final class ForwardMode {

  private ForwardMode() {}

  /**
   * Returns the derivative of {@code output} along {@code direction}, one number per input.
   *
   * @param inputs distinct leaves that want a gradient
   * @throws IllegalStateException if an op fails to give its local gradients
   */
  static double jvp(Value output, Value[] inputs, double[] direction) {
    // The inputs are numbered first, 0 to m − 1, each marked beforehand so that the ordering stops
    // at it; the ordering leaves out the other leaves. A node numbered k is then marked
    // 2·(k + 1), plus 1 if it is an input or depends on one: a node's inputs say with one read
    // whether a derivative flows from them, and where it is.
    int m = inputs.length;
    for (int i = 0; i < m; i++) {
      inputs[i].setMark(2 * (i + 1) + 1);
    }
    Value[] order = {};
    try {
      order = EagerBackward.markedComputedOrderOfGraph(new Value[] {output});
      double[] tangent = Arrays.copyOf(direction, m + order.length);
      int[] edgeInput = new int[16]; // the node at hand's inputs' numbers, −1 for no derivative
      LocalGradients locals = new LocalGradients(output);
      for (int j = 0; j < order.length; j++) {
        Value node = order[j];
        int k = m + j;
        Value a = node.input0();
        Value b = node.input1();
        Value[] wide = node.wideInputs(); // every input, if there are more than two
        int arity = wide != null ? wide.length : b != null ? 2 : a != null ? 1 : 0;
        boolean dependent = false;
        if (wide == null) {
          // Nearly every node: its one or two inputs from its fields.
          if (a != null) {
            dependent = edge(edgeInput, 0, a);
          }
          if (b != null) {
            dependent |= edge(edgeInput, 1, b);
          }
        } else {
          if (edgeInput.length < arity) {
            edgeInput = new int[arity];
          }
          for (int i = 0; i < arity; i++) {
            dependent |= edge(edgeInput, i, wide[i]);
          }
        }
        if (dependent) {
          locals.compute(node, a, b, wide);
          tangent[k] = NumberedGraph.tangent(locals.local, 0, edgeInput, 0, arity, tangent);
        }
        node.setMark(2 * (k + 1) + (dependent ? 1 : 0));
      }
      // 0 for an output that wants no gradient or is a leaf other than the inputs.
      int mark = output.mark();
      return (mark & 1) != 0 ? tangent[(mark >> 1) - 1] : 0;
    } finally {
      for (Value node : order) {
        node.setMark(0);
      }
      for (Value input : inputs) {
        input.setMark(0);
      }
    }
  }

  /**
   * Records in {@code edgeInput[i]} the number of {@code input} if a derivative flows from it, else
   * −1; returns whether one does.
   */
  private static boolean edge(int[] edgeInput, int i, Value input) {
    int mark = input.mark(); // 0 for an input that wants no gradient
    boolean carries = (mark & 1) != 0;
    edgeInput[i] = carries ? (mark >> 1) - 1 : -1;
    return carries;
  }
}
