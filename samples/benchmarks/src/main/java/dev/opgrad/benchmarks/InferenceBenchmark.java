package dev.opgrad.benchmarks;

import dev.opgrad.NoGrad;
import dev.opgrad.nn.MLP;
import dev.opgrad.samples.Moons;
import dev.opgrad.samples.MoonsData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inference with MLP(2, [16, 16, 1]) over a 100 × 100 grid, the decision-boundary picture of the
 * moons demo: with the graph built as usual, and under {@link NoGrad}, where every op returns a
 * constant and nothing of the graph is kept. Times are per grid point (65 ops: 33 {@code linear},
 * 32 {@code relu}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OperationsPerInvocation(InferenceBenchmark.POINTS)
public class InferenceBenchmark {

  static final int GRID = 100;
  static final int POINTS = GRID * GRID;

  private final MLP model = Moons.newModel(MoonsData.initialParameters());

  /** The scores with their graphs, each dropped once the score is read. */
  @Benchmark
  public int withGraph() {
    return positives();
  }

  /** The same scores under no-grad. */
  @Benchmark
  public int noGrad() {
    try (var scope = NoGrad.enter()) {
      return positives();
    }
  }

  /** The number of grid points in [-2, 3] × [-1.5, 2] that the model scores above 0. */
  private int positives() {
    int positive = 0;
    for (int i = 0; i < GRID; i++) {
      double x = -2 + 5.0 * (i + 0.5) / GRID;
      for (int j = 0; j < GRID; j++) {
        double y = -1.5 + 3.5 * (j + 0.5) / GRID;
        if (model.scalar(x, y).data() > 0) {
          positive++;
        }
      }
    }
    return positive;
  }
}
