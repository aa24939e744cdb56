package dev.opgrad;

/**
 * Forward mode, {@link Gradients#jvp}: every node's derivative along a direction in the inputs, in
 * one pass over a topological order, from each op's local gradients by {@link
 * NumberedGraph#tangent}. The pass numbers the nodes as it goes, in their marks, and keeps only
 * the derivatives, indexed by number; nothing is recorded for another direction.
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
    Value[] order = EagerBackward.markedOrder(new Value[] {output}, true, false);
    int n = order.length;
    if (n == 0) {
      return 0; // the output wants no gradient
    }
    double[] tangent = new double[n];
    boolean[] depends = new boolean[n]; // whether the node is an input or depends on one
    int[] edgeInput = new int[16]; // the node at hand's inputs' numbers, −1 for no derivative
    LocalGradients locals = new LocalGradients(output);
    try {
      // The ordering leaves every node marked 1; input i in the graph is marked 2 + i instead:
      // when the pass reaches a node, its own mark is still 1 or 2 + i, and its inputs hold
      // their numbers + 1.
      for (int i = 0; i < inputs.length; i++) {
        if (inputs[i].mark() != 0) {
          inputs[i].setMark(2 + i);
        }
      }
      for (int k = 0; k < n; k++) {
        Value node = order[k];
        int mark = node.mark();
        node.setMark(k + 1);
        Value a = node.input0();
        Value b = node.input1();
        Value[] wide = node.wideInputs(); // every input, if there are more than two
        int arity = wide != null ? wide.length : b != null ? 2 : a != null ? 1 : 0;
        if (arity == 0) {
          if (mark >= 2) {
            tangent[k] = direction[mark - 2];
            depends[k] = true;
          }
          continue;
        }
        if (edgeInput.length < arity) {
          edgeInput = new int[arity];
        }
        boolean dependent = false;
        for (int i = 0; i < arity; i++) {
          Value input = wide != null ? wide[i] : i == 0 ? a : b;
          int index = input.mark() - 1; // −1 for an input that wants no gradient
          boolean carries = index >= 0 && depends[index];
          edgeInput[i] = carries ? index : -1;
          dependent |= carries;
        }
        if (dependent) {
          locals.compute(node, a, b, wide, arity);
          tangent[k] = NumberedGraph.tangent(locals.local, 0, edgeInput, 0, arity, tangent);
          depends[k] = true;
        }
      }
      return tangent[n - 1];
    } finally {
      for (Value node : order) {
        node.setMark(0);
      }
    }
  }
}
