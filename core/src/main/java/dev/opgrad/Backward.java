package dev.opgrad;

import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * The backward pass: a topological order of the graph, found without recursion, then the chain rule
 * applied from the root down.
 */
final class Backward {

  private Backward() {}

  static void run(Value root) {
    boolean detectAnomalies = Anomalies.isDetecting();
    // Two passes over the nodes, not four: the ordering pass also zeroes the gradients, and the
    // chain-rule pass also clears the marks. A graph larger than the caches is bound by memory.
    Value[] order = markedOrder(root, true);
    int n = order.length - 1;
    try {
      root.addToGrad(1);
      // Scratch space reused for every node, so that the pass allocates nothing per node. The
      // inputs go in an array of exactly their number, which a variadic op reads as its count.
      double[][] inputsByCount = {new double[0], new double[1], new double[2]};
      double[] localGrads = new double[4];
      for (; n >= 0; n--) {
        Value node = order[n];
        node.mark = 0;
        Op op = node.op();
        if (op == null) {
          continue;
        }
        int arity = node.inputCount();
        if (arity >= inputsByCount.length) {
          inputsByCount = Arrays.copyOf(inputsByCount, arity + 1);
        }
        double[] inputData = inputsByCount[arity];
        if (inputData == null) {
          inputData = new double[arity];
          inputsByCount[arity] = inputData;
        }
        if (arity > localGrads.length) {
          localGrads = new double[arity];
        }
        for (int i = 0; i < arity; i++) {
          inputData[i] = node.input(i).data();
        }
        // An op that writes no gradient for an input gives NaN, not the previous node's gradient.
        Arrays.fill(localGrads, 0, arity, Double.NaN);
        try {
          // One call site per common arity: each sees few op classes, so the JIT can inline them.
          if (arity == 2) {
            op.localGrad(inputData, node.constantsArray(), node.data(), localGrads);
          } else if (arity == 1) {
            op.localGrad(inputData, node.constantsArray(), node.data(), localGrads);
          } else {
            op.localGrad(inputData, node.constantsArray(), node.data(), localGrads);
          }
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              String.format(
                  "op '%s' failed computing its local gradient for %s at %s%s: %s",
                  op.name(),
                  node.describe(),
                  Value.describeAll(node.inputsArray()),
                  Forward.constantsSuffix(node.constantsArray()),
                  e.getMessage()),
              e);
        }
        double grad = node.grad();
        if (detectAnomalies) {
          AnomalyChecks.backward(root, node, localGrads, grad);
        }
        for (int i = 0; i < arity; i++) {
          node.input(i).addToGrad(grad * localGrads[i]);
        }
      }
    } finally {
      for (; n >= 0; n--) {
        order[n].mark = 0;
      }
    }
  }

  /**
   * Returns every node reachable from {@code root}, each after all of its inputs, and leaves no
   * node marked.
   */
  static Value[] topologicalOrder(Value root) {
    Value[] order = markedOrder(root, false);
    for (Value node : order) {
      node.mark = 0;
    }
    return order;
  }

  /**
   * Returns every node reachable from {@code root}, each after all of its inputs: an iterative
   * depth-first post-order, visiting inputs in their order so that the result depends only on the
   * graph. Every node returned is left marked; the caller clears the marks. If it fails, it clears
   * them itself.
   *
   * @param zeroGrads whether to set every non-leaf node's gradient to 0 on the way
   */
  private static Value[] markedOrder(Value root, boolean zeroGrads) {
    Value[] order = new Value[16];
    int size = 0;
    Value[] stack = new Value[16];
    int[] nextInput = new int[16];
    int depth = 0;
    boolean complete = false;
    try {
      root.mark = 1;
      stack[0] = root;
      nextInput[0] = 0;
      depth = 1;
      while (depth > 0) {
        Value node = stack[depth - 1];
        int i = nextInput[depth - 1];
        if (i < node.inputCount()) {
          nextInput[depth - 1] = i + 1;
          Value input = node.input(i);
          if (input.mark == 0) {
            if (depth == stack.length) {
              stack = Arrays.copyOf(stack, depth * 2);
              nextInput = Arrays.copyOf(nextInput, depth * 2);
            }
            input.mark = 1;
            stack[depth] = input;
            nextInput[depth] = 0;
            depth++;
          }
        } else {
          if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
          }
          if (zeroGrads && !node.isLeaf()) {
            node.setGrad(0);
          }
          order[size++] = node;
          depth--;
        }
      }
      Value[] result = Arrays.copyOf(order, size);
      complete = true;
      return result;
    } finally {
      // The marks are per pass: clear them if the pass fails (out of memory, say).
      if (!complete) {
        for (int n = 0; n < size; n++) {
          order[n].mark = 0;
        }
        for (int d = 0; d < depth; d++) {
          stack[d].mark = 0;
        }
      }
    }
  }
}
