package dev.opgrad.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.CompiledGraph;
import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based fuzzing of {@link CompiledGraph}'s replay against the eager engine, over the
 * random DAGs of {@link GradientFuzzTest} (every op on this module's test class path, shared
 * subexpressions, built-in batch ops among the others): the replay reorders the nodes into runs of
 * one op and computes runs of {@link dev.opgrad.spi.BatchOp}s in one call, and must still give the
 * root's value and every leaf's gradient bit for bit as {@link Value#backward()} does on a graph
 * built afresh. It is checked at the captured leaf data, then again after every leaf is set to new
 * data through {@link CompiledGraph#setInput}, against a graph built eagerly at that data.
 *
 * <p>Neither pass runs under anomaly detection, which the replay does not have. The seed is fixed;
 * the number of graphs is {@code jqwik.tries.default}, as for {@link GradientFuzzTest}.
 */
class CompiledReplayFuzzTest {

  private static final OpRegistry REGISTRY =
      OpRegistry.load(CompiledReplayFuzzTest.class.getClassLoader());

  private static final List<Op> FUZZED = RandomGraph.fuzzableOps(REGISTRY);

  @Provide
  Arbitrary<RandomGraph> graphs() {
    return RandomGraph.arbitrary(FUZZED, REGISTRY.get("add"));
  }

  @Property(seed = "20261124", whenFixedSeed = FixedSeedMode.ALLOW)
  void replayGivesTheEagerValueAndGradientsBitForBit(@ForAll("graphs") RandomGraph graph) {
    Value[] values = graph.toValues();
    Value root = values[values.length - 1];
    root.backward();
    CompiledGraph compiled =
        CompiledGraph.capture(root, List.of(), List.of(graph.leavesOf(values)));

    assertReplayMatches(compiled, root, graph.leavesOf(values), "at the captured data");

    double[] moved = graph.leafValues();
    for (int k = 0; k < moved.length; k++) {
      // Off the points by a relative 1e-7, up and down in turn: the nodes move by various amounts.
      moved[k] += (k % 2 == 0 ? 1e-7 : -1e-7) * (1 + Math.abs(moved[k]));
      compiled.setFeed(k, moved[k]);
    }
    Value[] movedValues = graph.toValues(moved);
    Value movedRoot = movedValues[movedValues.length - 1];
    movedRoot.backward();

    assertReplayMatches(compiled, movedRoot, graph.leavesOf(movedValues), "at new leaf data");
    Statistics.label("nodes")
        .collect(graph.size() < 10 ? "1-9" : graph.size() < 30 ? "10-29" : "30+");
    Statistics.label("root after moving the leaves")
        .collect(Double.isFinite(compiled.output()) ? "finite" : "NaN or infinite");
  }

  /**
   * Runs the replay's forward and backward pass and compares the root's data and each input's
   * gradient, as bits, with those of an eager graph differentiated once: its {@code root} and its
   * {@code leaves}, in the order of the replay's inputs.
   */
  private static void assertReplayMatches(
      CompiledGraph compiled, Value root, Value[] leaves, String when) {
    double output = compiled.forward();
    compiled.zeroGrad();
    compiled.backward();

    assertThat(Double.doubleToLongBits(output))
        .as("root %s: eager %s, replay %s", when, root.data(), output)
        .isEqualTo(Double.doubleToLongBits(root.data()));
    for (int k = 0; k < leaves.length; k++) {
      assertThat(Double.doubleToLongBits(compiled.feedGrad(k)))
          .as(
              "∂root/∂x%d %s: eager %s, replay %s",
              k, when, leaves[k].grad(), compiled.feedGrad(k))
          .isEqualTo(Double.doubleToLongBits(leaves[k].grad()));
    }
  }
}
