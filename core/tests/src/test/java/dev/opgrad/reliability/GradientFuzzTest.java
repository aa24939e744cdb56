package dev.opgrad.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Anomalies;
import dev.opgrad.Gradients;
import dev.opgrad.Scope;
import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import java.util.stream.IntStream;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * Property-based fuzzing of the backward pass: random expression DAGs with shared subexpressions
 * over every op the registry discovers on this module's test class path (the built-ins and
 * ops-extra), each placed inside its op's domain as {@link RandomGraph} explains.
 *
 * <p>For each graph, backward's gradient for every leaf must match:
 *
 * <ul>
 *   <li>central finite differences of the whole graph, with PyTorch gradcheck's tolerances, and a
 *       step per leaf small enough that no node moves by more than 1e-6 (a log at 0.05 behind a
 *       steep path must not be pushed out of its neighbourhood);
 *   <li>Hipparchus' forward-mode derivatives ({@link DerivativeStructure}, one variable per leaf)
 *       to 1e-9, and each node's value Hipparchus' to 1e-12 at the same inputs, for graphs whose ops all have a
 *       {@link HipparchusOps counterpart}. This is the sharp check: it catches a local gradient
 *       wrong by one part in a million, which finite differences cannot see. Graphs with an op
 *       without a counterpart are checked by finite differences only; {@link
 *       #everyDiscoveredOpIsFuzzed()} prints those ops, and the statistics count such graphs.
 * </ul>
 *
 * <p>Second order: {@link Gradients#hessian}, with respect to at most three of the leaves, must
 * match central differences of backward's gradients and Hipparchus at order 2 to 1e-8; {@link
 * #aSecondDerivativeWrongByOnePartInAMillionFails()} shows that the latter is sharp enough to see
 * one op's second derivative wrong by one part in 10<sup>6</sup>.
 *
 * <p>The graph is built and differentiated under {@link Anomalies#detect() anomaly detection}, so a
 * NaN or infinity inside a valid domain fails too.
 *
 * <p>The seed is fixed, so every run fuzzes the same graphs; a graph is drawn from lists of
 * integers ({@link NodeChoice}), so jqwik shrinks a failure to a minimal graph and prints it node
 * by node. The number of graphs is {@code jqwik.tries.default} (10,000 in {@code
 * junit-platform.properties}); {@code -Djqwik.tries.default=100000} runs 10<sup>5</sup>.
 */
class GradientFuzzTest {

  private static final OpRegistry REGISTRY =
      OpRegistry.load(GradientFuzzTest.class.getClassLoader());

  /** Every op with points to be placed at, in alphabetical order. */
  private static final List<Op> FUZZED = RandomGraph.fuzzableOps(REGISTRY);

  @Provide
  Arbitrary<RandomGraph> graphs() {
    return RandomGraph.arbitrary(FUZZED, REGISTRY.get("add"));
  }

  @Property(seed = "20261123", whenFixedSeed = FixedSeedMode.ALLOW)
  void backwardMatchesFiniteDifferencesAndForwardMode(@ForAll("graphs") RandomGraph graph) {
    Value[] values;
    try (Scope scope = Anomalies.detect()) {
      values = graph.toValues();
      values[values.length - 1].backward();
    }
    Value root = values[values.length - 1];
    Value[] leaves = graph.leavesOf(values);
    double[] x = graph.leafValues();
    assertThat(root.data()).as("eager forward vs replay").isEqualTo(graph.evaluate(x));

    double[] sensitivities = graph.sensitivities();
    for (int k = 0; k < leaves.length; k++) {
      // A step that moves no node by more than 1e-6, however steep the path to it: a point of log
      // at 0.05 behind a gradient of 1e4 must not be pushed off its neighbourhood.
      double eps = Math.max(1e-10, 1e-6 / Math.max(1, sensitivities[k]));
      double saved = x[k];
      x[k] = saved + eps;
      double above = graph.evaluate(x);
      x[k] = saved - eps;
      double below = graph.evaluate(x);
      x[k] = saved;
      double numeric = (above - below) / (2 * eps);
      // PyTorch gradcheck's tolerances (atol 1e-5, rtol 1e-3), plus the rounding error of the
      // difference of two values of the root's magnitude.
      double roundoff = 1e-13 * Math.max(1, Math.abs(root.data())) / eps;
      assertThat(leaves[k].grad())
          .as("∂root/∂x%d: backward vs central differences with step %s", k, eps)
          .isCloseTo(numeric, within(1e-5 + 1e-3 * Math.abs(numeric) + roundoff));
    }

    for (int k = 0; k < leaves.length; k++) {
      // Forward mode sums along other paths than backward: the same number, to rounding.
      double[] unit = new double[leaves.length];
      unit[k] = 1;
      assertThat(Gradients.jvp(root, List.of(leaves), unit))
          .as("∂root/∂x%d: jvp vs backward", k)
          .isCloseTo(leaves[k].grad(), within(1e-12 * (1 + Math.abs(leaves[k].grad()))));
    }

    int[] everyLeaf = IntStream.range(0, leaves.length).toArray();
    Optional<DerivativeStructure[]> forward =
        graph.forwardMode(HipparchusOps.BY_NAME, values, 1, everyLeaf);
    Statistics.label("checked against")
        .collect(
            forward.isPresent() ? "Hipparchus and finite differences" : "finite differences only");
    Statistics.label("nodes")
        .collect(graph.size() < 10 ? "1-9" : graph.size() < 30 ? "10-29" : "30+");
    Statistics.label("shared subexpressions").collect(Math.min(graph.sharedNodeCount(), 3));
    if (forward.isPresent()) {
      for (int n = 0; n < values.length; n++) {
        double expected = forward.get()[n].getValue();
        assertThat(values[n].data())
            .as("node %d: value vs Hipparchus at the same inputs", n)
            .isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
      }
      DerivativeStructure rootDerivatives = forward.get()[values.length - 1];
      for (int k = 0; k < leaves.length; k++) {
        double expected = rootDerivatives.getPartialDerivative(orders(leaves.length, k));
        assertThat(leaves[k].grad())
            .as("∂root/∂x%d: backward vs Hipparchus forward mode", k)
            .isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
      }
    }
  }

  /**
   * The leaves that the second-order property differentiates with respect to: the first, the
   * middle and the last, as a Hessian of every leaf of a 16-node graph would cost Hipparchus
   * hundreds of derivatives per node.
   */
  private static int[] hessianLeaves(int leafCount) {
    return IntStream.of(0, leafCount / 2, leafCount - 1).distinct().toArray();
  }

  @Property(seed = "20261203", whenFixedSeed = FixedSeedMode.ALLOW, tries = 2000)
  void hessianMatchesDifferencesOfGradientsAndSecondOrderForwardMode(
      @ForAll("graphs") RandomGraph graph) {
    checkSecondOrder(graph);
  }

  @Example
  void aSecondDerivativeWrongByOnePartInAMillionFails() {
    Op tanh = REGISTRY.get("tanh");
    // tanh(tanh(x0 · x1)): every Hessian entry goes through tanh's second derivative.
    List<NodeChoice> choices =
        List.of(
            new NodeChoice(1, 0, 0, List.of(0, 0)),
            new NodeChoice(0, 0, 0, List.of(NodeChoice.FRESH)),
            new NodeChoice(0, 1, 0, List.of(NodeChoice.FRESH + 1)));
    Op mul = REGISTRY.get("mul");
    checkSecondOrder(RandomGraph.of(choices, List.of(tanh, mul), REGISTRY.get("add")));

    RandomGraph wrong =
        RandomGraph.of(
            choices, List.of(new WrongSecondDerivative(tanh, 1e-6), mul), REGISTRY.get("add"));
    assertThatThrownBy(() -> checkSecondOrder(wrong))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Hipparchus at order 2");
  }

  /**
   * Checks the Hessian of {@code graph}'s root with respect to {@link #hessianLeaves} against
   * central differences of backward's gradients and, if every op has a counterpart, Hipparchus at
   * order 2.
   */
  private static void checkSecondOrder(RandomGraph graph) {
    Value[] values;
    double[][] hessian;
    double[][] gradientsOfGradients;
    int[] chosen = hessianLeaves(graph.leafCount());
    try (Scope scope = Anomalies.detect()) {
      values = graph.toValues();
      Value[] leaves = graph.leavesOf(values);
      List<Value> inputs = IntStream.of(chosen).mapToObj(k -> leaves[k]).toList();
      hessian = Gradients.hessian(values[values.length - 1], inputs);
      // The other route to second order: the gradients as a graph, differentiated again.
      gradientsOfGradients =
          Gradients.of(values[values.length - 1], inputs).stream()
              .map(g -> Gradients.of(g, inputs).stream().mapToDouble(Value::data).toArray())
              .toArray(double[][]::new);
    }
    for (int i = 0; i < chosen.length; i++) {
      for (int j = 0; j < chosen.length; j++) {
        assertThat(hessian[i][j])
            .as("H[%d][%d]: hessian vs gradients of gradients", i, j)
            .isCloseTo(gradientsOfGradients[i][j], within(1e-10 * (1 + Math.abs(hessian[i][j]))));
      }
    }
    for (int i = 0; i < chosen.length; i++) {
      for (int j = 0; j < i; j++) {
        assertThat(hessian[i][j])
            .as("H[%d][%d] vs H[%d][%d]", i, j, j, i)
            .isCloseTo(hessian[j][i], within(1e-12 * (1 + Math.abs(hessian[j][i]))));
      }
    }

    double[] x = graph.leafValues();
    double[] sensitivities = graph.sensitivities();
    for (int j = 0; j < chosen.length; j++) {
      int k = chosen[j];
      double eps = Math.max(1e-10, 1e-6 / Math.max(1, sensitivities[k]));
      double saved = x[k];
      x[k] = saved + eps;
      double[] above = gradients(graph, x, chosen);
      x[k] = saved - eps;
      double[] below = gradients(graph, x, chosen);
      x[k] = saved;
      double scale = 1;
      for (int i = 0; i < chosen.length; i++) {
        scale = Math.max(scale, Math.max(Math.abs(above[i]), Math.abs(below[i])));
      }
      for (int i = 0; i < chosen.length; i++) {
        double numeric = (above[i] - below[i]) / (2 * eps);
        double roundoff = 1e-13 * scale / eps;
        assertThat(hessian[i][j])
            .as("H[%d][%d]: hessian vs central differences of gradients, step %s", i, j, eps)
            .isCloseTo(numeric, within(1e-5 + 1e-3 * Math.abs(numeric) + roundoff));
      }
    }

    Optional<DerivativeStructure[]> forward =
        graph.forwardMode(HipparchusOps.BY_NAME, values, 2, chosen);
    if (forward.isPresent()) {
      DerivativeStructure root = forward.get()[values.length - 1];
      for (int i = 0; i < chosen.length; i++) {
        for (int j = 0; j < chosen.length; j++) {
          int[] orders = new int[chosen.length];
          orders[i]++;
          orders[j]++;
          double expected = root.getPartialDerivative(orders);
          assertThat(hessian[i][j])
              .as("H[%d][%d]: hessian vs Hipparchus at order 2", i, j)
              .isCloseTo(expected, within(1e-8 * (1 + Math.abs(expected))));
        }
      }
    }
  }

  /** Backward's gradients of the root for the leaves {@code chosen}, at {@code leafValues}. */
  private static double[] gradients(RandomGraph graph, double[] leafValues, int[] chosen) {
    Value[] values = graph.toValues(leafValues);
    values[values.length - 1].backward();
    Value[] leaves = graph.leavesOf(values);
    return IntStream.of(chosen).mapToDouble(k -> leaves[k].grad()).toArray();
  }

  /** {@code orders} for the first partial derivative in variable {@code k} of {@code n}. */
  private static int[] orders(int n, int k) {
    int[] orders = new int[n];
    orders[k] = 1;
    return orders;
  }

  @Example
  void everyDiscoveredOpIsFuzzed() {
    List<String> unfuzzed =
        REGISTRY.names().stream().filter(name -> !FUZZED.contains(REGISTRY.get(name))).toList();
    List<String> finiteDifferencesOnly =
        REGISTRY.names().stream().filter(name -> !HipparchusOps.BY_NAME.containsKey(name)).toList();
    System.out.println(
        "fuzzed ops: "
            + FUZZED.stream().map(Op::name).toList()
            + "; without a Hipparchus counterpart (finite differences only): "
            + finiteDifferencesOnly);

    assertThat(REGISTRY.problems()).isEmpty();
    assertThat(REGISTRY.names())
        .contains("add", "div", "exp", "mul", "neg", "pow", "relu", "sub", "tanh");
    assertThat(unfuzzed).as("ops that declare no gradCheckPoints").isEmpty();
    assertThat(finiteDifferencesOnly)
        .as("built-in ops must have a counterpart")
        .doesNotContain(
            "abs", "add", "div", "exp", "linear", "log", "mean", "mul", "neg", "pow", "relu",
            "sign", "sqrt", "step", "sub", "sum", "tanh");
  }
}
