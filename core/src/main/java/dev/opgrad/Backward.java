package dev.opgrad;

import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * The backward pass: a topological order of the graph, found without recursion, then the chain
 * rule applied from the root down.
 */
final class Backward {

  private Backward() {}

  static void run(Value root) {
    boolean detectAnomalies = Anomalies.isDetecting();
    Value[] order = topologicalOrder(root);
    for (Value node : order) {
      if (!node.isLeaf()) {
        node.setGrad(0);
      }
    }
    root.addToGrad(1);
    // Scratch space reused for every node, so that the pass allocates nothing per node.
    double[] inputData = new double[4];
    double[] localGrads = new double[4];
    for (int n = order.length - 1; n >= 0; n--) {
      Value node = order[n];
      Op op = node.op();
      if (op == null) {
        continue;
      }
      Value[] inputs = node.inputsArray();
      if (inputs.length > inputData.length) {
        inputData = new double[inputs.length];
        localGrads = new double[inputs.length];
      }
      for (int i = 0; i < inputs.length; i++) {
        inputData[i] = inputs[i].data();
      }
      // An op that writes no gradient for an input gives NaN, not the previous node's gradient.
      Arrays.fill(localGrads, 0, inputs.length, Double.NaN);
      try {
        op.localGrad(inputData, node.constantsArray(), node.data(), localGrads);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            String.format(
                "op '%s' failed computing its local gradient for %s at %s%s: %s",
                op.name(),
                node.describe(),
                Value.describeAll(inputs),
                Forward.constantsSuffix(node.constantsArray()),
                e.getMessage()),
            e);
      }
      double grad = node.grad();
      if (detectAnomalies) {
        AnomalyChecks.backward(root, node, localGrads, grad);
      }
      for (int i = 0; i < inputs.length; i++) {
        inputs[i].addToGrad(grad * localGrads[i]);
      }
    }
  }

  /**
   * Returns every node reachable from {@code root}, each after all of its inputs: an iterative
   * depth-first post-order, visiting inputs in their order so that the result depends only on the
   * graph.
   */
  static Value[] topologicalOrder(Value root) {
    Value[] order = new Value[16];
    int size = 0;
    Value[] stack = new Value[16];
    int[] nextInput = new int[16];
    int depth = 0;
    try {
      root.visited = true;
      stack[0] = root;
      nextInput[0] = 0;
      depth = 1;
      while (depth > 0) {
        Value node = stack[depth - 1];
        Value[] inputs = node.inputsArray();
        int i = nextInput[depth - 1];
        if (i < inputs.length) {
          nextInput[depth - 1] = i + 1;
          Value input = inputs[i];
          if (!input.visited) {
            if (depth == stack.length) {
              stack = Arrays.copyOf(stack, depth * 2);
              nextInput = Arrays.copyOf(nextInput, depth * 2);
            }
            input.visited = true;
            stack[depth] = input;
            nextInput[depth] = 0;
            depth++;
          }
        } else {
          if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
          }
          order[size++] = node;
          depth--;
        }
      }
      return Arrays.copyOf(order, size);
    } finally {
      // The marks are per pass: clear them even if the pass fails (out of memory, say).
      for (int n = 0; n < size; n++) {
        order[n].visited = false;
      }
      for (int d = 0; d < depth; d++) {
        stack[d].visited = false;
      }
    }
  }
}
