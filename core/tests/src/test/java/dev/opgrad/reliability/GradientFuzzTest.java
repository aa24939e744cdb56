package dev.opgrad.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Anomalies;
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
import org.hipparchus.analysis.differentiation.Gradient;

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
 *   <li>Hipparchus' forward-mode derivatives ({@link Gradient}, one variable per leaf) to 1e-9, and
 *       each node's value Hipparchus' to 1e-12 at the same inputs, for graphs whose ops all have a
 *       {@link HipparchusOps counterpart}. This is the sharp check: it catches a local gradient
 *       wrong by one part in a million, which finite differences cannot see. Graphs with an op
 *       without a counterpart are checked by finite differences only; {@link
 *       #everyDiscoveredOpIsFuzzed()} prints those ops, and the statistics count such graphs.
 * </ul>
 *
 * The graph is built and differentiated under {@link Anomalies#detect() anomaly detection}, so a
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

    Optional<Gradient[]> forward = graph.forwardMode(HipparchusOps.BY_NAME, values);
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
      Gradient rootDerivatives = forward.get()[values.length - 1];
      for (int k = 0; k < leaves.length; k++) {
        double expected = rootDerivatives.getPartialDerivative(k);
        assertThat(leaves[k].grad())
            .as("∂root/∂x%d: backward vs Hipparchus forward mode", k)
            .isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
      }
    }
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
        .doesNotContain("add", "div", "exp", "linear", "mul", "neg", "pow", "relu", "sub", "tanh");
  }
}
