package dev.opgrad;

import static dev.opgrad.testing.TestOps.PLUS;
import static dev.opgrad.testing.TestOps.SCALE;
import static dev.opgrad.testing.TestOps.TIMES;
import static dev.opgrad.testing.TestOps.WEIGHTED;
import static dev.opgrad.testing.TestOps.plus;
import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;
import dev.opgrad.testing.ArrayNodes;
import dev.opgrad.testing.LoopedBatchOp;
import dev.opgrad.testing.TestOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompiledGraphTest {

  private static final double[] NONE = {};

  /**
   * f = weighted(p, q, s, s·x, 0.5) · s with s = scale(p + q; 1.5): shared nodes, a constant, a
   * five-input op and a frozen leaf, none of them built in.
   */
  private static Value f(Value p, Value q, Value x) {
    Value s = p.apply(PLUS, NONE, q).apply(SCALE, new double[] {1.5});
    Value w = p.apply(WEIGHTED, NONE, q, s, s.apply(TIMES, NONE, x), Value.of(0.5));
    return w.apply(TIMES, NONE, s);
  }

  @Test
  void replaysBitIdenticallyToTheEagerEngineOverSeveralSteps() {
    Value p = Value.of(0.3);
    Value q = Value.of(-1.1);
    Value x = Value.of(2.5);
    CompiledGraph compiled = CompiledGraph.capture(f(p, q, x), List.of(p, q), List.of(x));
    double[] eager = {0.3, -1.1};
    double[] xs = {2.5, -0.75, 1.0 / 3, 4.2};
    for (int step = 0; step < xs.length; step++) {
      compiled.setFeed(0, xs[step]);
      Value ep = Value.of(eager[0]);
      Value eq = Value.of(eager[1]);
      Value ex = Value.of(xs[step]);
      Value loss = f(ep, eq, ex);
      loss.backward();

      assertThat(compiled.forward()).isEqualTo(loss.data());
      compiled.zeroGrad();
      compiled.backward();
      assertThat(compiled.grad(0)).isEqualTo(ep.grad());
      assertThat(compiled.grad(1)).isEqualTo(eq.grad());
      assertThat(compiled.feedGrad(0)).isEqualTo(ex.grad());

      compiled.step(0.01);
      eager[0] = ep.data() - 0.01 * ep.grad();
      eager[1] = eq.data() - 0.01 * eq.grad();
      assertThat(compiled.parameters()).containsExactly(eager);
    }
  }

  @Test
  void addsTheLecturesGradientsIntoTheLeavesUntilZeroed() {
    Value a = Value.of(2);
    Value b = Value.of(-3);
    Value c = Value.of(10);
    Value l = a.apply(TIMES, NONE, b).apply(PLUS, NONE, c).apply(TIMES, NONE, Value.of(-2));
    CompiledGraph compiled = CompiledGraph.capture(l, List.of(a, b, c));

    assertThat(compiled.forward()).isEqualTo(-8.0);
    compiled.backward();
    compiled.backward();

    assertThat(compiled.size()).isEqualTo(7);
    assertThat(new double[] {compiled.grad(0), compiled.grad(1), compiled.grad(2)})
        .containsExactly(12.0, -8.0, -4.0);
    compiled.zeroGrad();
    compiled.backward();
    assertThat(new double[] {compiled.grad(0), compiled.grad(1), compiled.grad(2)})
        .containsExactly(6.0, -4.0, -2.0);
    assertThat(compiled.output()).isEqualTo(-8.0);
  }

  @Test
  void newParameterDataTakesEffectAtTheNextForward() {
    Value a = Value.of(2);
    Value b = Value.of(3);
    CompiledGraph compiled = CompiledGraph.capture(a.apply(TIMES, NONE, b), List.of(a, b));

    compiled.setParameter(0, 5);
    assertThat(compiled.output()).isEqualTo(6.0);
    assertThat(compiled.forward()).isEqualTo(15.0);
    // The replay is bound to its parameters' Values: a's data is the parameter's, and the reverse.
    assertThat(compiled.parameter(0)).isEqualTo(5.0).isEqualTo(a.data());
    a.setData(7);
    assertThat(compiled.forward()).isEqualTo(21.0);
  }

  @Test
  void backwardDifferentiatesAtTheLastForwardsDataWhateverWasSetSince() {
    Op weighted3 =
        TestOps.op(
            "weighted3",
            3,
            x -> x[0] + 2 * x[1] + 3 * x[2],
            (x, out, g) -> {
              g[0] = 1;
              g[1] = 2;
              g[2] = 3;
            });
    Value[] v = {Value.of(2), Value.of(3), Value.of(5), Value.of(7)};
    Value product = v[0].apply(TIMES, NONE, v[1]);
    Value root = product.apply(weighted3, NONE, v[2], v[3]).apply(TIMES, NONE, v[0]);
    CompiledGraph compiled = CompiledGraph.capture(root, List.of(v));
    compiled.forward();

    for (int i = 0; i < 4; i++) {
      compiled.setParameter(i, 100 + i);
    }
    compiled.backward();

    // root = (a·b + 2c + 3d)·a at a = 2, b = 3, c = 5, d = 7.
    assertThat(
            new double[] {compiled.grad(0), compiled.grad(1), compiled.grad(2), compiled.grad(3)})
        .containsExactly(2 * 2 * 3 + 2 * 5 + 3 * 7.0, 2 * 2.0, 2 * 2.0, 3 * 2.0);
    assertThat(compiled.parameter(0)).isEqualTo(100.0);
  }

  @Test
  void rejectsLeavesThatAreNotLeavesOfTheGraphOrListedTwice() {
    Value a = Value.of(2, "a");
    Value sum = a.apply(PLUS, NONE, Value.of(1)).setLabel("sum");
    Value root = sum.apply(TIMES, NONE, a);

    assertThatThrownBy(() -> CompiledGraph.capture(root, List.of(sum)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'sum' (3.0) is not a leaf");
    assertThatThrownBy(() -> CompiledGraph.capture(root, List.of(a, Value.of(7))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Value(data=7.0, grad=0.0) is not part of the graph below Value(data=6.0, grad=0.0)");
    assertThatThrownBy(() -> CompiledGraph.capture(root, List.of(a), List.of(a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'a' (2.0) is listed twice");
  }

  @Test
  void nanLeafDataPropagatesThroughTheReplay() {
    Value x = Value.of(2, "x");
    Value scaled = x.apply(SCALE, new double[] {3}).setLabel("scaled");
    CompiledGraph compiled = CompiledGraph.capture(scaled.apply(TIMES, NONE, x), List.of(x));
    compiled.setParameter(0, Double.NaN);

    assertThat(compiled.forward()).isNaN();
    assertThat(compiled.toString()).isEqualTo("CompiledGraph(3 nodes, 1 parameters, 0 feeds)");
  }

  /** w·x0 + w·x1 + …, each product a node of {@code times}, summed left to right. */
  private static Value weightedSum(Op times, Value w, double[] xs) {
    Value sum = null;
    for (double x : xs) {
      Value product = w.apply(times, NONE, Value.of(x));
      sum = sum == null ? product : plus(sum, product);
    }
    return sum;
  }

  @Test
  void computesARunOfABatchOpInOneCallWithTheEagerSums() {
    LoopedBatchOp batchTimes = new LoopedBatchOp(TIMES);
    // w's gradient is x3 + x2 + x1 + x0 in the eager pass's order, which rounds differently from
    // x0 + x1 + x2 + x3: a replay that processed the run out of order would differ.
    double[] xs = {1e16, 1, -1e16, 3};
    Value w = Value.of(1, "w");
    Value eager = weightedSum(batchTimes, w, xs);
    Value captured = Value.of(1, "w");
    CompiledGraph compiled =
        CompiledGraph.capture(weightedSum(batchTimes, captured, xs), List.of(captured));
    eager.backward();

    assertThat(compiled.forward()).isEqualTo(eager.data());
    compiled.backward();

    assertThat(batchTimes.batchCalls()).isEqualTo(2);
    assertThat(compiled.grad(0)).isEqualTo(w.grad()).isEqualTo(((3 + -1e16) + 1) + 1e16);
    assertThat(((1e16 + 1) + -1e16) + 3).isNotEqualTo(w.grad());
  }

  @Test
  void aBatchOpThatRejectsItsInputsIsNamedWithTheNodeAndTheGraphStaysUsable() {
    LoopedBatchOp picky = new LoopedBatchOp(TestOps.PICKY);
    Value x1 = Value.of(1, "x1");
    Value x2 = Value.of(2, "x2");
    Value root = plus(x1.apply(picky, NONE).setLabel("y1"), x2.apply(picky, NONE).setLabel("y2"));
    CompiledGraph compiled = CompiledGraph.capture(root, List.of(x1, x2));
    compiled.setParameter(1, -2);

    assertThatThrownBy(compiled::forward)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'picky' failed on 'x2' (-2.0): negative");
    compiled.setParameter(1, 5);
    assertThat(compiled.forward()).isEqualTo(6.0);
    assertThat(picky.batchCalls()).isEqualTo(2);
  }

  @Test
  void aBatchOpWhoseLocalGradientThrowsIsNamedWithTheNode() {
    Op fragile =
        new LoopedBatchOp(
            TestOps.unary(
                "fragile",
                x -> x,
                (x, out) -> {
                  if (x == 2) {
                    throw new ArithmeticException("no gradient at 2");
                  }
                  return 1;
                }));
    Value x1 = Value.of(1, "x1");
    Value x2 = Value.of(2, "x2");
    Value root = plus(x1.apply(fragile, NONE).setLabel("y1"), x2.apply(fragile, NONE).setLabel("y2"));
    CompiledGraph compiled = CompiledGraph.capture(root, List.of(x1, x2));
    compiled.forward();

    assertThatThrownBy(compiled::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "op 'fragile' failed computing its local gradient for 'y2' (2.0) at 'x2' (2.0): no gradient at 2");
  }

  /**
   * A batch op that breaks the contract: it reads gradients forward and writes outputs backward.
   */
  private static final BatchOp ROGUE =
      new BatchOp() {
        @Override
        public String name() {
          return "rogue";
        }

        @Override
        public int arity() {
          return 1;
        }

        @Override
        public double forward(double[] inputs, double[] constants) {
          return inputs[0];
        }

        @Override
        public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
          grads[0] = 1;
        }

        @Override
        public void forwardBatch(Nodes nodes) {
          for (int k = 0; k < nodes.size(); k++) {
            nodes.setOutput(k, nodes.input(k, 0) + nodes.grad(k));
          }
        }

        @Override
        public void backwardBatch(Nodes nodes) {
          nodes.setOutput(0, 0);
        }
      };

  @Test
  void aBatchOpThatBreaksTheContractIsReportedAsTheOpsFault() {
    Value x1 = Value.of(1, "x1");
    Value x2 = Value.of(2, "x2");
    CompiledGraph compiled =
        CompiledGraph.capture(
            plus(x1.apply(ROGUE, NONE).setLabel("y1"), x2.apply(ROGUE, NONE).setLabel("y2")),
            List.of(x1, x2));

    assertThatThrownBy(compiled::forward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "op 'rogue' failed on a run of 2 nodes but on none alone, the first at 'x1' (1.0):"
                + " grad is for the backward pass");
    assertThatThrownBy(compiled::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "op 'rogue' failed computing the local gradients of a run of 2 nodes but of none"
                + " alone, the first for 'y2' (2.0) at 'x2' (2.0): setOutput is for the forward pass");
  }

  /** {@link Nodes#consecutiveInputsOfAll}'s default: each node's {@link Nodes#consecutiveInputs}. */
  @Test
  void consecutiveInputsOfAllAsksEachNodeByDefault() {
    Nodes nodes =
        ArrayNodes.forward(
            new double[9],
            new int[][] {{0, 1, 3, 2, 4}, {5, 6, 3, 8, 4}},
            new double[2][],
            new double[2]);

    assertThat(nodes.consecutiveInputsOfAll(1, 2)).containsExactly(1, -1);
    assertThat(nodes.consecutiveInputsOfAll(2, 2)).containsExactly(3, 3);
    assertThat(nodes.consecutiveInputsOfAll(0, 5)).containsExactly(0, 5);
  }

  /**
   * Records, for each node of each batch call, where {@link Nodes#consecutiveInputs} puts its
   * inputs 1, 3 (from 1, step 2), or -1, checking that those places hold the inputs' data, that
   * {@link Nodes#consecutiveInputsOfAll} gives the same, and that a step past the last input gives
   * the bias's place; and each call's array of the run's places.
   */
  private static final class PlacesProbe implements BatchOp {

    final LoopedBatchOp weighted = new LoopedBatchOp(TestOps.WEIGHTED);
    final List<Integer> forwardPlaces = new ArrayList<>();
    final List<Integer> backwardPlaces = new ArrayList<>();
    final List<int[]> forwardArrays = new ArrayList<>();

    @Override
    public String name() {
      return "placesProbe";
    }

    @Override
    public int arity() {
      return 5;
    }

    @Override
    public double forward(double[] inputs, double[] constants) {
      return weighted.forward(inputs, constants);
    }

    @Override
    public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
      weighted.localGrad(inputs, constants, output, grads);
    }

    @Override
    public void forwardBatch(Nodes nodes) {
      record(nodes, forwardPlaces);
      forwardArrays.add(nodes.consecutiveInputsOfAll(1, 2));
      weighted.forwardBatch(nodes);
    }

    @Override
    public void backwardBatch(Nodes nodes) {
      record(nodes, backwardPlaces);
      weighted.backwardBatch(nodes);
    }

    private static void record(Nodes nodes, List<Integer> places) {
      int[] all = nodes.consecutiveInputsOfAll(1, 2);
      int[] biases = nodes.consecutiveInputsOfAll(0, 5);
      for (int k = 0; k < nodes.size(); k++) {
        int place = nodes.consecutiveInputs(k, 1, 2);
        places.add(place);
        assertThat(all[k]).isEqualTo(place);
        assertThat(biases[k]).isEqualTo(nodes.consecutiveInputs(k, 0, 5)).isNotNegative();
        assertThat(nodes.data()[biases[k]]).isEqualTo(nodes.input(k, 0));
        for (int from = 1; place >= 0 && from <= 2; from++) {
          int first = nodes.consecutiveInputs(k, from, 2);
          assertThat(nodes.data()[first]).isEqualTo(nodes.input(k, from));
          assertThat(nodes.data()[first + 1]).isEqualTo(nodes.input(k, from + 2));
        }
      }
    }
  }

  /**
   * Neurons {@code probe(b, w0, x0, w1, x1)} of three neurons at three points, the last point's
   * inputs constants: the leaves are placed in the order the nodes take them, the bias, then the
   * weights, then the inputs, so that each neuron's weights and each point's inputs are side by
   * side. On the backward pass the constants' places are not given: their gradients never change.
   */
  @Test
  void givesThePlacesOfInputsSideBySide() {
    PlacesProbe probe = new PlacesProbe();
    List<Value> parameters = new ArrayList<>();
    Value[][] weights = new Value[3][3];
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < 3; i++) {
        weights[j][i] = Value.of(0.1 * j + 0.01 * i + 0.5);
        parameters.add(weights[j][i]);
      }
    }
    List<Value> feeds = new ArrayList<>();
    Value root = Value.of(0);
    for (int p = 0; p < 3; p++) {
      Value x0 = p < 2 ? Value.of(p + 0.25) : Value.constant(p + 0.25);
      Value x1 = p < 2 ? Value.of(p - 0.75) : Value.constant(p - 0.75);
      if (p < 2) {
        feeds.addAll(List.of(x0, x1));
      }
      for (int j = 0; j < 3; j++) {
        Value[] w = weights[j];
        root = plus(root, w[2].apply(probe, NONE, w[0], x0, w[1], x1));
      }
    }
    CompiledGraph compiled = CompiledGraph.capture(root, parameters, feeds);

    compiled.forward();
    compiled.backward();

    assertThat(probe.forwardPlaces.stream().map(place -> place >= 0))
        .containsExactly(true, true, true, true, true, true, true, true, true);
    // Backward, the run in reverse: the last point's three have constant inputs.
    assertThat(probe.backwardPlaces.stream().map(place -> place >= 0))
        .containsExactly(false, false, false, true, true, true, true, true, true);
    // The run's places are made once and kept.
    compiled.forward();
    assertThat(probe.forwardArrays).hasSize(2);
    assertThat(probe.forwardArrays.get(1)).isSameAs(probe.forwardArrays.get(0));
  }

  /**
   * A sum of any number of inputs whose batch methods check every answer of {@link
   * Nodes#consecutiveInputs} of steps 1 and 2 against the places of the inputs one by one (a step
   * past the last input gives an input's place alone): on the forward pass each answer is exactly
   * whether that run and every run from the same head (input 0, or input 1 for any later input) lie
   * side by side, what the replay promises; on the backward pass a place given is always right.
   */
  private static final class LayoutProbe implements BatchOp {

    final int[] sideBySide = new int[4]; // forward answers that gave a place, by head and step
    int checked;

    @Override
    public String name() {
      return "layoutProbe";
    }

    @Override
    public int arity() {
      return VARIADIC;
    }

    @Override
    public double forward(double[] inputs, double[] constants) {
      double sum = 0;
      for (double input : inputs) {
        sum += input;
      }
      return sum;
    }

    @Override
    public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
      Arrays.fill(grads, 0, inputs.length, 1);
    }

    @Override
    public void forwardBatch(Nodes nodes) {
      for (int k = 0; k < nodes.size(); k++) {
        int[] places = check(nodes, k, true);
        double sum = 0;
        for (int i = 0; i < places.length; i++) {
          assertThat(nodes.data()[places[i]]).isEqualTo(nodes.input(k, i));
          sum += nodes.input(k, i);
        }
        nodes.setOutput(k, sum);
      }
    }

    @Override
    public void backwardBatch(Nodes nodes) {
      for (int k = 0; k < nodes.size(); k++) {
        check(nodes, k, false);
        for (int i = 0; i < nodes.inputCount(k); i++) {
          nodes.addInputGrad(k, i, nodes.grad(k));
        }
      }
    }

    /** Checks node {@code k}'s answers; returns its inputs' places, -1 for none given. */
    private int[] check(Nodes nodes, int k, boolean forward) {
      int count = nodes.inputCount(k);
      int[] places = new int[count];
      for (int i = 0; i < count; i++) {
        places[i] = nodes.consecutiveInputs(k, i, count); // input i alone
      }
      for (int from = 0; from < count; from++) {
        for (int step = 1; step <= 2; step++) {
          int answer = nodes.consecutiveInputs(k, from, step);
          checked++;
          if (from + step >= count) {
            assertThat(answer).isEqualTo(places[from]);
          } else if (forward) {
            int head = from == 0 ? 0 : 1;
            boolean promised = true;
            for (int f = head; f < count; f++) {
              promised &= runs(places, f, step);
            }
            assertThat(answer).as("node %s from %s step %s", k, from, step)
                .isEqualTo(promised ? places[from] : -1);
            sideBySide[2 * head + step - 1] += promised ? 1 : 0;
          } else if (answer >= 0) {
            assertThat(runs(places, from, step)).as("node %s from %s step %s", k, from, step)
                .isTrue();
            assertThat(answer).isEqualTo(places[from]);
          }
        }
      }
      return places;
    }

    /** Whether places {@code from}, {@code from + step}, … are given and consecutive. */
    private static boolean runs(int[] places, int from, int step) {
      boolean runs = places[from] >= 0;
      for (int i = from + step; i < places.length; i += step) {
        runs &= places[i] == places[i - step] + 1;
      }
      return runs;
    }
  }

  /**
   * Random nodes of 3 to 9 inputs taken from a pool of leaves, constants and a run of computed
   * nodes (side by side in the replay), in the shapes a replay lays out side by side and at random:
   * each answer of {@link Nodes#consecutiveInputs} is the one the layout promises.
   */
  @Test
  void tellsWhichInputsLieSideBySide() {
    Random random = new Random(20261203);
    LayoutProbe probe = new LayoutProbe();
    List<Value> leaves = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      leaves.add(i % 5 == 4 ? Value.constant(i) : Value.of(i + 0.5));
    }
    List<Value> run = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      run.add(times(leaves.get(i), leaves.get(23)));
    }
    Value root = Value.of(0);
    for (int node = 0; node < 60; node++) {
      int count = 3 + random.nextInt(7);
      Value[] inputs = new Value[count];
      int start = random.nextInt(8);
      for (int i = 0; i < count; i++) {
        switch (node % 3) {
          case 0: // a slice of the run, then leaves
            inputs[i] = start + i < run.size() ? run.get(start + i) : leaves.get(i);
            break;
          case 1: // leaves at the odd inputs, the run at the even ones, as a neuron's
            inputs[i] = i % 2 == 1 ? leaves.get(random.nextInt(23)) : run.get((start + i / 2) % 8);
            break;
          default:
            inputs[i] =
                random.nextBoolean() ? leaves.get(random.nextInt(24)) : run.get(random.nextInt(8));
        }
      }
      Value sum = inputs[0].apply(probe, NONE, Arrays.copyOfRange(inputs, 1, count));
      root = plus(root, sum);
    }
    // A weight taken twice: inputs 1 and 3 at one place, not side by side.
    Value shared = leaves.get(21);
    root = plus(root, leaves.get(20).apply(probe, NONE, shared, run.get(0), shared, run.get(1)));
    CompiledGraph compiled = CompiledGraph.capture(root, leaves.subList(0, 4));

    compiled.forward();
    compiled.backward();

    assertThat(probe.checked).isGreaterThan(1000);
    // Each kind of run was promised somewhere, so each was checked both ways.
    assertThat(probe.sideBySide).doesNotContain(0);
  }
}
