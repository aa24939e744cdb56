package dev.opgrad;

import static dev.opgrad.testing.TestOps.SCALE;
import static dev.opgrad.testing.TestOps.WEIGHTED;
import static dev.opgrad.testing.TestOps.plus;
import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.spi.Op;
import dev.opgrad.testing.Driver;
import dev.opgrad.testing.TestOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backward pass. The chain rule's rules hold on every {@link Driver}; what only the eager graph
 * shows (interior nodes' gradients, a pass from an intermediate node) is tested on it alone.
 */
class BackwardTest {

  private static final double[] NONE = {};

  /** The lecture's L = (a·b + c)·f, with its intermediate nodes e = a·b and d = e + c. */
  private static Value lecture(List<Value> leaves) {
    Value e = times(leaves.get(0), leaves.get(1)).setLabel("e");
    Value d = plus(e, leaves.get(2)).setLabel("d");
    return times(d, leaves.get(3)).setLabel("L");
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void theLecturesExpressionHasItsReferenceGradients(Driver driver) {
    Driver.Result result = driver.run(BackwardTest::lecture, 2, -3, 10, -2);

    assertThat(result.output()).isEqualTo(-8.0);
    assertThat(result.grads()).containsExactly(6.0, -4.0, -2.0, 4.0);
  }

  @Test
  void theLecturesIntermediateNodesGetTheirGradients() {
    Value l = lecture(List.of(Value.of(2), Value.of(-3), Value.of(10), Value.of(-2)));

    l.backward();

    Value d = l.inputs().get(0);
    Value e = d.inputs().get(0);
    assertThat(l.grad()).isEqualTo(1.0);
    assertThat(d.grad()).isEqualTo(-2.0);
    assertThat(e.grad()).isEqualTo(-2.0);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aValueUsedTwiceAccumulatesItsGradient(Driver driver) {
    assertThat(driver.run(v -> plus(v.get(0), v.get(0)), 3).grads()).containsExactly(2.0);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aSharedSubexpressionGetsTheSumOfItsUses(Driver driver) {
    // b = a + 4; c = 3b + 5b: micrograd's reused subexpression gives a.grad = b.grad = 8.
    Driver.Result result =
        driver.run(
            v -> {
              Value b = plus(v.get(0), v.get(1));
              return plus(b.apply(SCALE, new double[] {3}), b.apply(SCALE, new double[] {5}));
            },
            1,
            4);

    assertThat(result.output()).isEqualTo(40.0);
    assertThat(result.grads()).containsExactly(8.0, 8.0);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void anOpWithManyInputsGetsAllItsGradients(Driver driver) {
    Driver.Result result =
        driver.run(
            v -> v.get(0).apply(WEIGHTED, NONE, v.get(1), v.get(2), v.get(3), v.get(4)),
            0,
            1,
            2,
            3,
            4);

    assertThat(result.output()).isEqualTo(40.0);
    assertThat(result.grads()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
  }

  /** A dense graph with many shared nodes, so that summation order matters to the last bit. */
  private static Value dense(List<Value> leaves) {
    Value acc = leaves.get(0);
    for (int round = 0; round < 50; round++) {
      for (int i = 1; i < leaves.size(); i++) {
        Value scaled = times(acc, leaves.get(i)).apply(SCALE, new double[] {0.3});
        acc = plus(scaled, leaves.get((i * 7) % 20));
      }
    }
    return acc;
  }

  private static double[] denseLeaves() {
    double[] data = new double[20];
    for (int i = 0; i < data.length; i++) {
      data[i] = Math.sin(i) * 1.1;
    }
    return data;
  }

  @Test
  void gradientsAreBitIdenticalFromRunToRunAndFromDriverToDriver() {
    double[] expected = Driver.EAGER.run(BackwardTest::dense, denseLeaves()).grads();
    for (int run = 0; run < 3; run++) {
      for (Driver driver : Driver.values()) {
        assertThat(driver.run(BackwardTest::dense, denseLeaves()).grads())
            .as("%s, run %s", driver, run)
            .usingElementComparator(Double::compare)
            .containsExactly(expected);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aLocalGradientThatIsNotWrittenIsNaN(Driver driver) {
    Op lazy = TestOps.op("lazy", 1, x -> x[0], (x, out, g) -> {});
    // times runs first in backward and leaves 2.0 in the scratch array: lazy must not reuse it.
    assertThat(driver.run(v -> times(v.get(0).apply(lazy, NONE), v.get(0)), 2).grads())
        .containsExactly(Double.NaN);
  }

  /** {@code root(a) = √a}: its local gradient, 1/(2√a), is infinite at 0. */
  private static final Op ROOT = TestOps.unary("root", Math::sqrt, (x, out) -> 0.5 / out);

  /** {@code hyp(a, b) = a·√b}: its local gradient in b, a/(2√b), is infinite at b = 0. */
  private static final Op HYP =
      TestOps.op(
          "hyp",
          2,
          x -> x[0] * Math.sqrt(x[1]),
          (x, out, g) -> {
            g[0] = Math.sqrt(x[1]);
            g[1] = x[0] / (2 * Math.sqrt(x[1]));
          });

  /** {@code cbrt3(a, b, c) = a + ∛b + c}: its local gradient in b, 1/(3∛b²), is infinite at 0. */
  private static final Op CBRT3 =
      TestOps.op(
          "cbrt3",
          3,
          x -> x[0] + Math.cbrt(x[1]) + x[2],
          (x, out, g) -> {
            g[0] = 1;
            g[1] = 1 / (3 * Math.cbrt(x[1]) * Math.cbrt(x[1]));
            g[2] = 1;
          });

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aZeroGradientTimesAnInfiniteLocalGradientIsNaN(Driver driver) {
    // a, b and c are 0 and get 0 · ∞ from an op of one, two and three inputs; y gets only
    // 0 · finite terms, which may be skipped since they cannot change its +0.
    Driver.Result result =
        driver.run(
            v -> {
              Value y = v.get(3);
              Value root = v.get(0).apply(ROOT, NONE);
              Value sum =
                  plus(plus(root, y.apply(HYP, NONE, v.get(1))), y.apply(CBRT3, NONE, v.get(2), y));
              return times(sum, v.get(4));
            },
            0,
            0,
            0,
            4,
            0);

    assertThat(result.grads())
        .usingElementComparator(Double::compare)
        .containsExactly(Double.NaN, Double.NaN, Double.NaN, 0.0, 8.0);
  }

  @Test
  void aSecondBackwardAddsToTheLeavesAndRecomputesTheRest() {
    Value x = Value.of(3, "x");
    Value y = Value.of(4, "y");
    Value xy = times(x, y);
    Value z = times(xy, x);

    z.backward();
    assertThat(x.grad()).isEqualTo(24.0);
    assertThat(y.grad()).isEqualTo(9.0);
    assertThat(xy.grad()).isEqualTo(3.0);

    z.backward();
    assertThat(x.grad()).isEqualTo(48.0);
    assertThat(y.grad()).isEqualTo(18.0);
    assertThat(xy.grad()).isEqualTo(3.0);
    assertThat(z.grad()).isEqualTo(1.0);

    x.zeroGrad();
    y.zeroGrad();
    z.backward();
    assertThat(x.grad()).isEqualTo(24.0);
    assertThat(y.grad()).isEqualTo(9.0);
  }

  @Test
  void backwardFromAnIntermediateNodeLeavesTheNodesAboveItAlone() {
    Value x = Value.of(3, "x");
    Value xx = times(x, x);
    Value top = plus(xx, Value.of(1));
    top.backward();
    assertThat(x.grad()).isEqualTo(6.0);

    x.zeroGrad();
    xx.backward();

    assertThat(x.grad()).isEqualTo(6.0);
    assertThat(xx.grad()).isEqualTo(1.0);
    assertThat(top.grad()).isEqualTo(1.0);
  }

  @Test
  void aChainOfAMillionNodesWorksOnTheDefaultStack() {
    Value x = Value.of(1, "x");
    Value y = x;
    for (int i = 0; i < 1_000_000; i++) {
      y = plus(y, Value.of(0.5));
    }

    y.backward();

    assertThat(y.data()).isEqualTo(500_001.0);
    assertThat(x.grad()).isEqualTo(1.0);
  }

  @Test
  void anErrorFromAnOpPropagatesUnchangedAndLeavesNoNodeMarkedVisited() {
    // The engine wraps only RuntimeExceptions; an Error such as OutOfMemoryError is never caught.
    OutOfMemoryError oom = new OutOfMemoryError("simulated");
    Op failsBackward =
        TestOps.unary(
            "hungry",
            x -> x,
            (x, out) -> {
              throw oom;
            });
    Op failsForward =
        TestOps.unary(
            "greedy",
            x -> {
              throw oom;
            },
            (x, out) -> 1);
    Value x = Value.of(2, "x");
    Value xx = times(x, x);
    Value hungry = x.apply(failsBackward, NONE);
    Value top = times(xx, hungry);

    assertThatThrownBy(top::backward).isSameAs(oom);
    assertThat(List.of(x, xx, hungry, top)).noneMatch(v -> v.mark() != 0);
    assertThatThrownBy(() -> x.apply(failsForward, NONE)).isSameAs(oom);

    x.zeroGrad();
    xx.backward();
    assertThat(x.grad()).isEqualTo(4.0);
  }

  /**
   * micrograd's order: {@code build_topo}, recursive, inputs in order. The engine's search recurses
   * to a depth of 256 only and goes on over a stack of its own; its order must not show where.
   */
  private static void buildTopo(Value node, Set<Value> visited, List<Value> topo) {
    if (visited.add(node)) {
      for (Value input : node.inputs()) {
        buildTopo(input, visited, topo);
      }
      topo.add(node);
    }
  }

  @Test
  void deepGraphsAreOrderedAndSummedAsMicrogradDoesAboveAndBelowWhereTheSearchStopsRecursing() {
    Random random = new Random(11);
    List<Value> nodes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      nodes.add(i % 4 == 3 ? Value.constant(random.nextDouble()) : Value.of(random.nextDouble()));
    }
    // Each node takes the last one first, so the search goes 2,000 deep, and then an earlier node,
    // seen by then, or a new one of two earlier nodes, which the search goes to after the chain.
    for (int i = 0; i < 2_000; i++) {
      Value last = nodes.get(nodes.size() - 1);
      Value any = nodes.get(random.nextInt(nodes.size()));
      Value other =
          random.nextBoolean()
              ? nodes.get(random.nextInt(nodes.size()))
              : times(nodes.get(random.nextInt(nodes.size())), nodes.get(random.nextInt(8)));
      Value node =
          switch (random.nextInt(3)) {
            case 0 -> plus(last, other);
            case 1 -> times(last, other).apply(SCALE, new double[] {0.5});
            default ->
                last.apply(WEIGHTED, NONE, other, any, other, last)
                    .apply(SCALE, new double[] {0.05});
          };
      nodes.add(node);
    }
    Value root = nodes.get(nodes.size() - 1);
    List<Value> topo = new ArrayList<>();
    buildTopo(root, Collections.newSetFromMap(new IdentityHashMap<>()), topo);
    // micrograd's backward over that order, each sum in its order.
    Map<Value, Double> grads = new IdentityHashMap<>();
    grads.put(root, 1.0);
    for (int n = topo.size() - 1; n >= 0; n--) {
      Value node = topo.get(n);
      List<Value> inputs = node.inputs();
      if (inputs.isEmpty()) {
        continue;
      }
      double[] data = inputs.stream().mapToDouble(Value::data).toArray();
      double[] local = new double[data.length];
      node.op().localGrad(data, node.constants(), node.data(), local);
      double grad = grads.getOrDefault(node, 0.0);
      for (int i = 0; i < local.length; i++) {
        grads.put(inputs.get(i), grads.getOrDefault(inputs.get(i), 0.0) + grad * local[i]);
      }
    }

    assertThat(root.topologicalOrder()).containsExactlyElementsOf(topo);
    root.backward();
    for (Value node : topo) {
      if (node.requiresGrad()) {
        assertThat(node.grad()).as("%s", node).isEqualTo(grads.getOrDefault(node, 0.0));
      }
    }
    assertThat(topo).noneMatch(v -> v.mark() != 0);
  }
}
