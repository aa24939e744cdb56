package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import dev.opgrad.testing.ArrayNodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each built-in {@link BatchOp} against its own per-node methods, without the engine: a replay is
 * bit-identical to the eager pass only if {@link BatchOp#forwardBatch} gives bit
 * for bit the outputs of {@link Op#forward(double[], double[])} and {@link
 * BatchOp#backwardBatch} adds bit for bit what the eager rule {@code acc[i] += g ·
 * local[i]} adds, with {@code local} from {@link Op#localGrad}. The nodes are the op's declared
 * points and combinations with ±0, subnormal, huge, infinite and NaN inputs, where a skipped
 * addition of {@code 0 · ∞} would lose a NaN, and where an overflowing product or sum must round as
 * the per-node method does. Values are compared as {@link Double#doubleToLongBits}, so that {@code
 * -0.0} differs from {@code 0.0}.
 */
class BatchOpsTest {

  private static final OpRegistry REGISTRY = OpRegistry.load(BatchOpsTest.class.getClassLoader());

  private static final double[] SPECIAL = {
    0.0,
    -0.0,
    Double.MIN_VALUE,
    -Double.MIN_NORMAL,
    1e-200,
    -1e300,
    Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.NaN
  };

  private static final double[] VALUES = concat(SPECIAL, new double[] {1.3, -0.6, 0.4});

  private static final double[] UPSTREAM = {
    1.5, -2.0, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NaN
  };

  /** What no batch method computes from these nodes: an output it failed to set stays this. */
  private static final double UNSET = 7.77e77;

  private static final double[] NO_CONSTANTS = {};

  /** Exponents of {@code pow}, its constant. */
  private static final double[] EXPONENTS = {
    0, 1, 2, 3, -1, -2, 0.5, -0.5, 1.7, -2.5, Double.POSITIVE_INFINITY, Double.NaN
  };

  static Stream<String> batchOpNames() {
    return Stream.of(
        "abs", "add", "div", "exp", "linear", "log", "mean", "mul", "neg", "pow", "relu", "sign",
        "sqrt", "step", "sub", "sum", "tanh");
  }

  @Test
  void everyBuiltinOpIsABatchOpTestedHere() {
    List<String> batchOps =
        REGISTRY.ops().values().stream()
            .filter(op -> op instanceof BatchOp)
            .map(Op::name)
            .sorted()
            .toList();

    assertThat(batchOps).isEqualTo(batchOpNames().toList()).isEqualTo(List.copyOf(REGISTRY.names()));
  }

  @ParameterizedTest
  @MethodSource("batchOpNames")
  void forwardGivesThePerNodeOutputsBitForBit(String name) {
    BatchOp op = (BatchOp) REGISTRY.get(name);
    Run run = Run.of(points(op));
    double[] outputs = new double[run.size()];
    Arrays.fill(outputs, UNSET);

    op.forwardBatch(ArrayNodes.forward(run.slotData, run.slots, run.constants, outputs));

    double[] expected = eagerOutputs(op, run);
    for (int k = 0; k < run.size(); k++) {
      assertThat(Double.doubleToLongBits(outputs[k]))
          .as(
              "%s%s: per-node %s, batch %s",
              name, Arrays.toString(run.inputs(k)), expected[k], outputs[k])
          .isEqualTo(Double.doubleToLongBits(expected[k]));
    }
  }

  static Stream<Arguments> backwardCases() {
    return batchOpNames()
        .flatMap(
            name ->
                Arrays.stream(UPSTREAM)
                    .boxed()
                    .flatMap(
                        g -> Stream.of(0.25, 0.0).map(initial -> Arguments.of(name, g, initial))));
  }

  @ParameterizedTest(name = "{0}: upstream {1}, gradients from {2}")
  @MethodSource("backwardCases")
  void backwardAddsWhatTheEagerRuleAdds(String name, double upstream, double initial) {
    BatchOp op = (BatchOp) REGISTRY.get(name);
    Run run = Run.of(points(op));
    double[] grads = new double[run.size()];
    Arrays.fill(grads, upstream);

    assertBackwardMatchesTheEagerRule(op, run, grads, initial);
  }

  /**
   * Nodes of a run may share inputs (the same weight in every neuron's sum, say), so the order of
   * the additions, node by node and input by input, shows in the rounding of the sums. The values
   * are finite here, ±0 and tiny ones included, and so are the sums: one NaN or infinity would
   * swallow every sum it reaches, and hide their order.
   */
  @ParameterizedTest
  @MethodSource("batchOpNames")
  void backwardAddsNodeByNodeIntoSharedInputs(String name) {
    BatchOp op = (BatchOp) REGISTRY.get(name);
    Random random = new Random(20261124);
    double[] tiny = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, 1e-200};
    // No tiny values for div, pow and sqrt, whose local gradients would overflow at them; sqrt's
    // is NaN below 0, so its values are positive.
    boolean sqrt = name.equals("sqrt");
    int tinyInPool = name.equals("div") || name.equals("pow") || sqrt ? 0 : tiny.length;
    double[] pool = new double[24];
    for (int s = 0; s < pool.length; s++) {
      double gaussian = random.nextGaussian() * 3;
      pool[s] = s < tinyInPool ? tiny[s] : sqrt ? Math.abs(gaussian) : gaussian;
    }
    int size = 400;
    int[][] slots = new int[size][];
    double[][] constants = new double[size][];
    double[] grads = new double[size];
    int[] linearCounts = {1, 3, 5, 33};
    for (int k = 0; k < size; k++) {
      int count = op.arity() == Op.VARIADIC ? linearCounts[random.nextInt(4)] : op.arity();
      slots[k] = new int[count];
      for (int i = 0; i < count; i++) {
        slots[k][i] = random.nextInt(pool.length);
      }
      constants[k] = op.constantCount() == 0 ? NO_CONSTANTS : new double[] {2 + random.nextInt(2)};
      grads[k] = random.nextInt(4) == 0 ? tiny[random.nextInt(2)] : random.nextGaussian();
    }

    assertBackwardMatchesTheEagerRule(op, new Run(pool, slots, constants), grads, 0.0);
  }

  /**
   * {@code linear}'s nodes as a replay lays out a layer, where the batch reads its factors from
   * their places instead of one by one: each neuron's weights side by side, and each point's inputs
   * side by side, shared by the neurons of the point (then four nodes of one point share them, and
   * four that straddle two points do not), with a node whose weights are scattered, one whose
   * inputs x_i are, and nodes of fewer inputs, among them. Some factors are ±0, huge or infinite,
   * some gradients ±0. Neurons of 16 inputs, and of 2 as in a first layer of points in the plane,
   * which has a kernel of its own.
   */
  @ParameterizedTest
  @ValueSource(ints = {16, 2})
  void linearGivesThePerNodeResultsFromInputsSideBySide(int products) {
    BatchOp linear = (BatchOp) REGISTRY.get("linear");
    Random random = new Random(20261203);
    int neurons = 10;
    int points = 3;
    double[] slotData = new double[neurons * (products + 1) + points * products];
    for (int s = 0; s < slotData.length; s++) {
      slotData[s] = random.nextInt(8) == 0 ? SPECIAL[random.nextInt(7)] : random.nextGaussian();
    }
    List<int[]> slots = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      for (int j = 0; j < neurons; j++) {
        int count = p == 1 && j == 5 ? 9 : 1 + 2 * products; // 4 products, a group apart
        int[] node = new int[count];
        node[0] = j * (products + 1); // the bias, then the weights
        for (int i = 0; i < count / 2; i++) {
          node[1 + 2 * i] = j * (products + 1) + 1 + i;
          node[2 + 2 * i] = neurons * (products + 1) + p * products + i;
        }
        if (p == 2 && j == 2) { // scattered: two weights swapped
          node[1] = node[3];
          node[3] = j * (products + 1) + 1;
        }
        if (p == 0 && j == 3) { // scattered: two inputs x_i swapped, the weights side by side
          node[2] = node[4];
          node[4] = neurons * (products + 1);
        }
        slots.add(node);
      }
    }
    Run run = new Run(slotData, slots.toArray(new int[0][]), new double[slots.size()][]);
    Arrays.fill(run.constants, NO_CONSTANTS);
    double[] outputs = new double[run.size()];

    linear.forwardBatch(ArrayNodes.forward(run.slotData, run.slots, run.constants, outputs));

    double[] expected = eagerOutputs(linear, run);
    for (int k = 0; k < run.size(); k++) {
      assertThat(Double.doubleToLongBits(outputs[k]))
          .as("node %d: per-node %s, batch %s", k, expected[k], outputs[k])
          .isEqualTo(Double.doubleToLongBits(expected[k]));
    }
    double[] grads = new double[run.size()];
    for (int k = 0; k < grads.length; k++) {
      grads[k] = random.nextInt(3) == 0 ? SPECIAL[random.nextInt(2)] : random.nextGaussian();
    }
    assertBackwardMatchesTheEagerRule(linear, run, grads, 0.25);
  }

  @Test
  void aZeroGradientThroughAnInfiniteFactorGivesNaNAsEagerly() {
    // 0.25 + 0·2 = 0.25, but 0.25 + 0·∞ = NaN: these additions cannot be skipped.
    Run mul = Run.of(List.of(Point.of(Double.POSITIVE_INFINITY, 2), Point.of(3, 2)));
    double[] mulGrads = {0.25, 0.25, 0.25, 0.25};
    ((BatchOp) REGISTRY.get("mul"))
        .backwardBatch(
            new ArrayNodes(
                mul.slotData,
                mul.slots,
                mul.constants,
                new double[] {Double.POSITIVE_INFINITY, 6},
                new double[] {0.0, -0.0},
                mulGrads));
    assertThat(mulGrads).containsExactly(0.25, Double.NaN, 0.25, 0.25);

    Run linear = Run.of(List.of(Point.of(1, Double.NEGATIVE_INFINITY, 2), Point.of(1, 2, 3)));
    double[] linearGrads = {0.25, 0.25, 0.25, 0.25, 0.25, 0.25};
    ((BatchOp) REGISTRY.get("linear"))
        .backwardBatch(
            new ArrayNodes(
                linear.slotData,
                linear.slots,
                linear.constants,
                new double[] {Double.NEGATIVE_INFINITY, 7},
                new double[] {-0.0, 0.0},
                linearGrads));
    assertThat(linearGrads).containsExactly(0.25, 0.25, Double.NaN, 0.25, 0.25, 0.25);
  }

  @ParameterizedTest
  @MethodSource("evenInputCounts")
  void linearRejectsAnEvenInputCountWithThePerNodeMessage(List<Integer> counts) {
    BatchOp linear = (BatchOp) REGISTRY.get("linear");
    List<Point> points = new ArrayList<>();
    for (int count : counts) {
      double[] inputs = new double[count];
      Arrays.fill(inputs, 0.5);
      points.add(Point.of(inputs));
    }
    int even = counts.stream().filter(count -> count % 2 == 0).findFirst().orElseThrow();
    Run run = Run.of(points);
    String perNodeMessage =
        catchThrowable(() -> linear.forward(new double[even], NO_CONSTANTS)).getMessage();

    assertThat(perNodeMessage).contains("odd number of inputs").endsWith("got " + even);
    assertThatThrownBy(
            () ->
                linear.forwardBatch(
                    ArrayNodes.forward(
                        run.slotData, run.slots, run.constants, new double[run.size()])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(perNodeMessage);
  }

  static Stream<List<Integer>> evenInputCounts() {
    return Stream.of(List.of(4), List.of(3, 4), List.of(2, 2, 3), List.of(5, 5, 3, 6, 7));
  }

  /**
   * Runs {@code op}'s batch backward on {@code run} with the outputs of its per-node forward and
   * every input gradient starting at {@code initial}, and compares each with the eager rule's.
   */
  private static void assertBackwardMatchesTheEagerRule(
      BatchOp op, Run run, double[] grads, double initial) {
    double[] outputs = eagerOutputs(op, run);
    double[] expected = new double[run.slotData.length];
    Arrays.fill(expected, initial);
    for (int k = 0; k < run.size(); k++) {
      double[] inputs = run.inputs(k);
      double[] local = new double[inputs.length];
      op.localGrad(inputs, run.constants[k], outputs[k], local);
      for (int i = 0; i < inputs.length; i++) {
        expected[run.slots[k][i]] += grads[k] * local[i];
      }
    }
    double[] actual = new double[run.slotData.length];
    Arrays.fill(actual, initial);

    op.backwardBatch(new ArrayNodes(run.slotData, run.slots, run.constants, outputs, grads, actual));

    for (int s = 0; s < actual.length; s++) {
      assertThat(Double.doubleToLongBits(actual[s]))
          .as(
              "%s: gradient of input slot %d (%s) first used by %s: eager %s, batch %s",
              op.name(), s, run.slotData[s], run.firstUser(s, grads), expected[s], actual[s])
          .isEqualTo(Double.doubleToLongBits(expected[s]));
    }
  }

  private static double[] eagerOutputs(Op op, Run run) {
    double[] outputs = new double[run.size()];
    for (int k = 0; k < run.size(); k++) {
      outputs[k] = op.forward(run.inputs(k), run.constants[k]);
    }
    return outputs;
  }

  /**
   * The op's declared points and its special ones; for {@code linear}, of 1, 3, 5 and 33 inputs.
   * Then all of them again shuffled, so that nodes of different input counts alternate.
   */
  private static List<Point> points(Op op) {
    List<Point> points = new ArrayList<>(op.gradCheckPoints());
    if (op.constantCount() == 1) {
      for (double a : VALUES) {
        for (double exponent : EXPONENTS) {
          points.add(Point.withConstants(new double[] {exponent}, a));
        }
      }
    } else if (op.arity() == 1) {
      Arrays.stream(VALUES).forEach(a -> points.add(Point.of(a)));
    } else if (op.arity() == 2) {
      for (double a : VALUES) {
        for (double b : VALUES) {
          points.add(Point.of(a, b));
        }
      }
    } else {
      for (int count : new int[] {1, 3, 5, 33}) {
        for (int position = 0; position < count; position++) {
          for (double special : SPECIAL) {
            double[] inputs = new double[count];
            for (int i = 0; i < count; i++) {
              inputs[i] = VALUES[SPECIAL.length + i % 3] + i * 0.01;
            }
            inputs[position] = special;
            points.add(Point.of(inputs));
          }
        }
      }
      for (double b : new double[] {0.5, -0.0, Double.NEGATIVE_INFINITY}) {
        for (double w : VALUES) {
          for (double x : VALUES) {
            points.add(Point.of(b, w, x));
          }
        }
      }
    }
    List<Point> shuffled = new ArrayList<>(points);
    Collections.shuffle(shuffled, new Random(7));
    points.addAll(shuffled);
    return points;
  }

  private static double[] concat(double[] first, double[] second) {
    double[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /**
   * Nodes over input slots: node {@code k}'s input {@code i} is slot {@code slots[k][i]}, whose
   * data is {@code slotData[slots[k][i]]}.
   */
  private record Run(double[] slotData, int[][] slots, double[][] constants) {

    /** One node per point, each input its own slot. */
    static Run of(List<Point> points) {
      int[][] slots = new int[points.size()][];
      double[][] constants = new double[points.size()][];
      List<Double> data = new ArrayList<>();
      for (int k = 0; k < points.size(); k++) {
        double[] inputs = points.get(k).inputs();
        slots[k] = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
          slots[k][i] = data.size();
          data.add(inputs[i]);
        }
        constants[k] = points.get(k).constants();
      }
      return new Run(data.stream().mapToDouble(d -> d).toArray(), slots, constants);
    }

    int size() {
      return slots.length;
    }

    double[] inputs(int k) {
      return Arrays.stream(slots[k]).mapToDouble(s -> slotData[s]).toArray();
    }

    /** The first node with {@code slot} as an input, described for a failure message. */
    String firstUser(int slot, double[] grads) {
      for (int k = 0; k < size(); k++) {
        for (int i = 0; i < slots[k].length; i++) {
          if (slots[k][i] == slot) {
            return String.format(
                "node %d %s, input %d, upstream %s", k, Arrays.toString(inputs(k)), i, grads[k]);
          }
        }
      }
      return "no node";
    }
  }
}
