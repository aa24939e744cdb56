package dev.opgrad;

import dev.opgrad.spi.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eager backward pass over {@link Value}s: a topological order of the graph, found without
 * recursion, then {@link NodeRules#localGrads} at every node from the root down.
 */
final class EagerBackward {

  private EagerBackward() {}

  static void run(Value root) {
    if (!root.requiresGrad()) {
      throw NodeRules.rootWantsNoGradient(root.describe());
    }
    boolean detect = Anomalies.isDetecting();
    // Two passes over the nodes, not four: the ordering pass also zeroes the gradients, and the
    // chain-rule pass also clears the marks. A graph larger than the caches is bound by memory.
    // Only the nodes that want a gradient are ordered: no gradient is computed below a constant.
    Value[] order =
        markedOrder(
            new Value[] {root}, true, true, Math.min(lastBackwardSize, LARGEST_GUESS), true);
    lastBackwardSize = order.length;
    int n = order.length - 1;
    try {
      root.addToGrad(1);
      // Scratch space reused for every node, so that the pass allocates nothing per node. The
      // inputs go in an array of exactly their number, which a variadic op reads as its count.
      double[][] inputsByCount = {new double[0], new double[1], new double[2]};
      double[] in1 = inputsByCount[1];
      double[] in2 = inputsByCount[2];
      double[] local = new double[4];
      for (; n >= 0; n--) {
        Value node = order[n];
        node.setMark(0);
        Op op = node.op();
        if (op == null) {
          continue;
        }
        // Nodes of one or two inputs, nearly all of them, read their inputs from their fields.
        Value a = node.input0();
        Value b = node.input1();
        Value[] wide = node.wideInputs(); // every input, if there are more than two
        int arity = wide != null ? wide.length : b != null ? 2 : a != null ? 1 : 0;
        double grad = node.grad();
        if (NodeRules.skips(op, arity, node.data(), grad, detect)) {
          continue;
        }
        if (wide == null && a != null) {
          double[] inputs = b != null ? in2 : in1;
          inputs[0] = a.data();
          if (b != null) {
            inputs[1] = b.data();
          }
          boolean contributes;
          try {
            contributes =
                NodeRules.localGrads(
                    op, inputs, node.constantsArray(), node.data(), grad, local, detect);
          } catch (NodeFailure failure) {
            throw failure.describedBy(new Names(root), node);
          }
          if (contributes) {
            if (a.requiresGrad()) {
              a.addToGrad(grad * local[0]);
            }
            if (b != null && b.requiresGrad()) {
              b.addToGrad(grad * local[1]);
            }
          }
          continue;
        }
        if (arity >= inputsByCount.length) {
          inputsByCount = Arrays.copyOf(inputsByCount, arity + 1);
        }
        double[] inputs = inputsByCount[arity];
        if (inputs == null) {
          inputs = new double[arity];
          inputsByCount[arity] = inputs;
        }
        if (arity > local.length) {
          local = new double[arity];
        }
        for (int i = 0; i < arity; i++) {
          inputs[i] = wide[i].data();
        }
        boolean contributes;
        try {
          contributes =
              NodeRules.localGrads(
                  op, inputs, node.constantsArray(), node.data(), grad, local, detect);
        } catch (NodeFailure failure) {
          throw failure.describedBy(new Names(root), node);
        }
        if (contributes) {
          for (int i = 0; i < arity; i++) {
            Value input = wide[i];
            if (input.requiresGrad()) {
              input.addToGrad(grad * local[i]);
            }
          }
        }
      }
    } finally {
      for (; n >= 0; n--) {
        order[n].setMark(0);
      }
    }
  }

  /**
   * Returns every node reachable from {@code root}, each after all of its inputs, and leaves no
   * node marked.
   */
  static Value[] topologicalOrder(Value root) {
    Value[] order = markedOrder(new Value[] {root}, false, false);
    for (Value node : order) {
      node.setMark(0);
    }
    return order;
  }

  /**
   * Returns every node reachable from {@code roots}, each after all of its inputs: an iterative
   * depth-first post-order from each root in turn, visiting inputs in their order so that the
   * result depends only on the graph. Every node returned is left marked; the caller clears the
   * marks. If it fails, it clears them itself.
   *
   * @param wantingGradOnly whether to hold only the nodes that want a gradient
   * @param zeroGrads whether to set every non-leaf node's gradient to 0 on the way, for a backward
   *     pass
   */
  static Value[] markedOrder(Value[] roots, boolean wantingGradOnly, boolean zeroGrads) {
    return markedOrder(roots, wantingGradOnly, zeroGrads, 16, true);
  }

  /**
   * Returns the computed nodes below {@code roots} that want a gradient, each after its inputs,
   * left marked, for a pass with respect to some leaves that the caller has marked beforehand. The
   * other leaves are left out and unmarked: nothing flows from them, and a network's weights are
   * a third of its nodes.
   */
  static Value[] markedComputedOrder(Value[] roots) {
    return markedOrder(roots, true, false, 16, false);
  }

  /**
   * {@link #markedComputedOrder(Value[])} of a whole graph, its array sized from the last such
   * order's, as backward's is.
   */
  static Value[] markedComputedOrderOfGraph(Value[] roots) {
    Value[] order =
        markedOrder(roots, true, false, Math.min(lastComputedSize, LARGEST_GUESS), false);
    lastComputedSize = order.length;
    return order;
  }

  /**
   * The number of nodes the last backward pass ordered, the size its order array starts at: a
   * training loop orders graphs of one size, and an array of the right size spares growing it and
   * copying it to its size. A guess only, read and written without synchronization. A wrong one
   * costs an array zeroed or copied, little next to ordering the nodes of either pass; it is used
   * up to {@link #LARGEST_GUESS} only, so that a small graph's pass after a huge one's does not
   * allocate the huge one's array. {@code lastComputedSize} is the same for the orders of a
   * graph's computed nodes, for forward mode and second order.
   */
  private static int lastBackwardSize = 16;

  private static int lastComputedSize = 16;

  private static final int LARGEST_GUESS = 1 << 20;

  /**
   * {@link #markedOrder(Value[], boolean, boolean)}, its array of {@code capacity} at first, with
   * the unmarked leaves or without them.
   */
  private static Value[] markedOrder(
      Value[] roots, boolean wantingGradOnly, boolean zeroGrads, int capacity, boolean leaves) {
    DepthFirst search = new DepthFirst(wantingGradOnly, zeroGrads, leaves, capacity);
    boolean complete = false;
    try {
      for (Value root : roots) {
        if (search.takes(root)) {
          root.setMark(1);
          search.visit(root, 0);
        }
      }
      Value[] order = search.order();
      complete = true;
      return order;
    } finally {
      // The marks are per pass: clear them if the pass fails (out of memory, say).
      if (!complete) {
        search.clearMarks();
      }
    }
  }

  /**
   * One depth-first post-order. It recurses while the graph is shallow, which keeps the node at
   * hand and its next input in registers (in a JVM that orders graphs of every shape, a third
   * faster per node than a loop over an explicit stack), and continues below {@link #MAX_DEPTH}
   * over an explicit stack, so that a chain of millions of nodes needs no deep thread stack. Both
   * visit the same nodes in the same order.
   */
  private static final class DepthFirst {

    /** Deep enough for a network's graph, shallow enough for a small thread stack. */
    private static final int MAX_DEPTH = 256;

    private final int visited;
    private final boolean zeroGrads;
    private final boolean leaves;
    private Value[] order;
    private int size;

    DepthFirst(boolean wantingGradOnly, boolean zeroGrads, boolean leaves, int capacity) {
      this.visited = Value.visitedBits(wantingGradOnly);
      this.zeroGrads = zeroGrads;
      this.leaves = leaves;
      this.order = new Value[Math.max(capacity, 16)];
    }

    /**
     * Whether the search goes to {@code node}: unmarked, and for backward, wanting a gradient (one
     * read of its state), and not a leaf left out.
     */
    boolean takes(Value node) {
      return node.unvisited(visited) && (leaves || !node.isLeaf());
    }

    /** Orders the unvisited nodes below {@code node}, which is marked, then {@code node}. */
    void visit(Value node, int depth) {
      if (depth == MAX_DEPTH) {
        visitIteratively(node);
        return;
      }
      try {
        Value[] wide = node.wideInputs();
        if (wide != null) {
          for (Value input : wide) {
            if (takes(input)) {
              input.setMark(1);
              visit(input, depth + 1);
            }
          }
        } else {
          // Nodes of one or two inputs, nearly all of them, read their inputs from their fields.
          Value a = node.input0();
          if (a != null) {
            if (takes(a)) {
              a.setMark(1);
              visit(a, depth + 1);
            }
            Value b = node.input1();
            if (b != null && takes(b)) {
              b.setMark(1);
              visit(b, depth + 1);
            }
          }
        }
        append(node);
      } catch (Throwable failure) {
        node.setMark(0); // not ordered: the caller clears the marks of the ordered ones
        throw failure;
      }
    }

    /**
     * {@link #visit} over an explicit stack. The node at hand and the next of its inputs to look
     * at live in variables; the stack holds its ancestors only, each with the input to resume at.
     */
    private void visitIteratively(Value start) {
      Value[] stack = new Value[16];
      int[] nextInput = new int[16];
      int depth = 0;
      Value node = start;
      int next = 0;
      try {
        while (true) {
          Value input = null;
          Value[] wide = node.wideInputs();
          if (wide != null) {
            while (next < wide.length && input == null) {
              Value candidate = wide[next++];
              input = takes(candidate) ? candidate : null;
            }
          } else {
            if (next == 0) {
              next = 1;
              Value a = node.input0();
              input = a != null && takes(a) ? a : null;
            }
            if (input == null && next == 1) {
              next = 2;
              Value b = node.input1();
              input = b != null && takes(b) ? b : null;
            }
          }
          if (input != null) {
            if (depth == stack.length) {
              stack = Arrays.copyOf(stack, depth * 2);
              nextInput = Arrays.copyOf(nextInput, depth * 2);
            }
            input.setMark(1);
            stack[depth] = node;
            nextInput[depth] = next;
            depth++;
            node = input;
            next = 0;
            continue;
          }
          append(node);
          node = null;
          if (depth == 0) {
            return;
          }
          depth--;
          node = stack[depth];
          next = nextInput[depth];
        }
      } catch (Throwable failure) {
        for (int d = 0; d < depth; d++) {
          stack[d].setMark(0);
        }
        if (node != null) {
          node.setMark(0);
        }
        throw failure;
      }
    }

    private void append(Value node) {
      if (size == order.length) {
        order = Arrays.copyOf(order, size * 2);
      }
      if (zeroGrads && !node.isLeaf()) {
        node.setGrad(0);
      }
      order[size++] = node;
    }

    /** The nodes in order, each after its inputs. */
    Value[] order() {
      return size == order.length ? order : Arrays.copyOf(order, size);
    }

    /** Clears the marks of the nodes ordered so far. */
    void clearMarks() {
      for (int n = 0; n < size; n++) {
        order[n].setMark(0);
      }
    }
  }

  /** Names {@link Value}s in failures; the path starts at {@code root}, if there is one. */
  static final class Names implements NodeFailure.Names<Value> {

    private final Value root;

    Names(Value root) {
      this.root = root;
    }

    @Override
    public String describeInputs(Value node) {
      return Value.describeAll(node.inputsArray());
    }

    @Override
    public String describe(Value node) {
      return node.describe();
    }

    @Override
    public String describeInput(Value node, int i) {
      return node.input(i).describe();
    }

    /** A breadth-first search from the root: a failure's message is worth the time. */
    @Override
    public String pathFromRoot(Value node) {
      Map<Value, Value> parents = new IdentityHashMap<>();
      ArrayDeque<Value> queue = new ArrayDeque<>();
      parents.put(root, root);
      queue.add(root);
      while (!queue.isEmpty() && !parents.containsKey(node)) {
        Value current = queue.poll();
        for (int i = 0; i < current.inputCount(); i++) {
          Value input = current.input(i);
          if (!parents.containsKey(input)) {
            parents.put(input, current);
            queue.add(input);
          }
        }
      }
      if (!parents.containsKey(node)) {
        return node.describe(); // a node of another root of a pass over several
      }
      List<String> steps = new ArrayList<>();
      for (Value v = node; v != root; v = parents.get(v)) {
        steps.add(v.describe());
      }
      steps.add(root.describe());
      Collections.reverse(steps);
      return String.join(" -> ", steps);
    }
  }
}
