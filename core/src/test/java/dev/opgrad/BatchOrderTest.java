package dev.opgrad;

import static dev.opgrad.testing.TestOps.PLUS;
import static dev.opgrad.testing.TestOps.TIMES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.spi.Op;
import dev.opgrad.testing.TestOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

  private static final Op HALF = TestOps.unary("half", x -> x / 2, (x, out) -> 0.5);

  /** A flat graph in topological order, built node by node. */
  private static final class Graph {
    final List<Op> ops = new ArrayList<>();
    final List<int[]> inputs = new ArrayList<>();

    int leaf() {
      return node(null);
    }

    int node(Op op, int... inputIndices) {
      ops.add(op);
      inputs.add(inputIndices);
      return ops.size() - 1;
    }

    int[] inputStart() {
      int[] start = new int[ops.size() + 1];
      for (int n = 0; n < ops.size(); n++) {
        start[n + 1] = start[n] + inputs.get(n).length;
      }
      return start;
    }

    int[] inputIndex() {
      return inputs.stream().flatMapToInt(Arrays::stream).toArray();
    }

    BatchOrder order() {
      return BatchOrder.of(ops.toArray(new Op[0]), inputStart(), inputIndex());
    }
  }

  @Test
  void groupsTheSameNeuronOfTwoSamplesIntoRuns() {
    // micrograd's order, sample by sample: half(w·x0), then half(w·x1); the root adds them.
    Graph g = new Graph();
    int w = g.leaf();
    int x0 = g.leaf();
    int a0 = g.node(TIMES, w, x0);
    int r0 = g.node(HALF, a0);
    int x1 = g.leaf();
    int a1 = g.node(TIMES, w, x1);
    int r1 = g.node(HALF, a1);
    g.node(PLUS, r0, r1);

    BatchOrder order = g.order();

    assertThat(order.order).containsExactly(w, x0, x1, a0, a1, r0, r1, 7);
    assertThat(order.runStart).containsExactly(0, 3, 5, 7, 8);
  }

  @Test
  void keepsTheConsumersOfANodeInTheirOriginalOrder() {
    // x is taken first by a deep node, then by a shallow one, which must not move ahead of it:
    // x's gradient sums their contributions in that order.
    Graph g = new Graph();
    int x = g.leaf();
    int y = g.leaf();
    int deep = g.node(TIMES, g.node(HALF, g.node(HALF, y)), x);
    int shallow = g.node(TIMES, x, y);
    g.node(PLUS, deep, shallow);

    BatchOrder order = g.order();

    assertThat(order.order).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(order.runStart).containsExactly(0, 2, 3, 4, 6, 7);
  }

  @Test
  void splitsAChainOfOneOpIntoRunsOfIndependentNodes() {
    Graph g = new Graph();
    int x = g.leaf();
    int sum = g.node(PLUS, x, x);
    sum = g.node(PLUS, sum, x);
    g.node(PLUS, sum, x);

    assertThat(g.order().runStart).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void ordersRandomGraphsTopologicallyInRunsKeepingConsumerOrder() {
    SplittableRandom random = new SplittableRandom(20261124);
    Op[] choices = {PLUS, TIMES, HALF};
    for (int trial = 0; trial < 500; trial++) {
      Graph g = new Graph();
      int leaves = 1 + random.nextInt(6);
      for (int n = 0; n < leaves; n++) {
        g.leaf();
      }
      int size = leaves + 1 + random.nextInt(40);
      for (int n = leaves; n < size; n++) {
        Op op = choices[random.nextInt(choices.length)];
        int[] inputs = new int[op.arity()];
        for (int i = 0; i < inputs.length; i++) {
          inputs[i] = random.nextInt(n); // repeats allowed: x + x
        }
        g.node(op, inputs);
      }

      assertIsABatchOrder(g, g.order());
    }
  }

  private static void assertIsABatchOrder(Graph g, BatchOrder order) {
    int size = g.ops.size();
    int[] position = new int[size];
    Arrays.fill(position, -1);
    for (int p = 0; p < size; p++) {
      assertThat(position[order.order[p]]).as("node placed twice").isEqualTo(-1);
      position[order.order[p]] = p;
    }
    int[] runOf = new int[size];
    assertThat(order.runStart[0]).isZero();
    assertThat(order.runStart[order.runStart.length - 1]).isEqualTo(size);
    for (int r = 0; r + 1 < order.runStart.length; r++) {
      assertThat(order.runStart[r + 1]).as("empty run").isGreaterThan(order.runStart[r]);
      for (int p = order.runStart[r]; p < order.runStart[r + 1]; p++) {
        runOf[order.order[p]] = r;
        assertThat(g.ops.get(order.order[p])).isSameAs(g.ops.get(order.order[order.runStart[r]]));
      }
    }
    int[] lastConsumer = new int[size];
    Arrays.fill(lastConsumer, -1);
    for (int n = 0; n < size; n++) {
      assertThat(g.ops.get(n) == null).as("leaves first").isEqualTo(runOf[n] == 0);
      for (int input : g.inputs.get(n)) {
        assertThat(position[input]).as("input before node").isLessThan(position[n]);
        assertThat(runOf[input]).as("input in another run").isNotEqualTo(runOf[n]);
        if (lastConsumer[input] >= 0) {
          assertThat(position[lastConsumer[input]])
              .as("consumers of %d in their original order", input)
              .isLessThanOrEqualTo(position[n]);
        }
        lastConsumer[input] = n;
      }
    }
  }
}
