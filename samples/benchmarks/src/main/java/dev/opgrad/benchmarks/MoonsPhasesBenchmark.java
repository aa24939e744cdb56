package dev.opgrad.benchmarks;

import dev.opgrad.CompiledGraph;
import dev.opgrad.Value;
import dev.opgrad.nn.MLP;
import dev.opgrad.samples.Moons;
import dev.opgrad.samples.MoonsData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The phases of one moons training step, each alone, on the graph of micrograd's style ({@code
 * graph=micrograd}: {@code add}/{@code mul}/{@code relu} nodes, 65,381 of them) or of {@code nn}
 * ({@code graph=nn}: fused {@code linear} neurons, 7,881 nodes): building the graph, its
 * topological order, backward (order and chain rule), and for the compiled replay, capture,
 * forward and backward. Each time is per step; divide by the number of nodes, printed at setup,
 * for the time per node. {@code backward - topologicalOrder} is about the chain rule ({@code
 * topologicalOrder} also copies the order into a list and clears the marks).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MoonsPhasesBenchmark {

  @Param({"micrograd", "nn"})
  public String graph;

  private final MoonsData data = MoonsData.load();
  private final double[] initial = MoonsData.initialParameters();
  private UnfusedMoons unfused;
  private MLP model;
  private Value root;
  private CompiledGraph compiled;

  @Setup
  public void setUp() {
    unfused = new UnfusedMoons(data, initial);
    model = Moons.newModel(initial);
    root = build();
    compiled = CompiledGraph.capture(root, parameters());
    System.out.printf("%n%s graph: %,d nodes%n", graph, root.topologicalOrder().size());
  }

  private List<Value> parameters() {
    return graph.equals("nn") ? model.parameters() : unfused.model().parameters();
  }

  /** Builds the loss graph of one step (the eager forward pass). */
  @Benchmark
  public Value build() {
    return graph.equals("nn") ? Moons.loss(model).total() : unfused.loss();
  }

  /** The topological order of the graph, as backward finds it, in a list. */
  @Benchmark
  public List<Value> topologicalOrder() {
    return root.topologicalOrder();
  }

  /** Backward on the graph built once: the order, then the chain rule. */
  @Benchmark
  public double backward() {
    root.backward();
    return root.grad();
  }

  /** Capturing the graph built once. */
  @Benchmark
  public CompiledGraph capture() {
    return CompiledGraph.capture(root, parameters());
  }

  /** The replay's forward pass. */
  @Benchmark
  public double replayForward() {
    return compiled.forward();
  }

  /** The replay's backward pass. */
  @Benchmark
  public void replayBackward() {
    compiled.backward();
  }
}
