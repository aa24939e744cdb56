package dev.opgrad.benchmarks;

import dev.opgrad.Value;
import dev.opgrad.samples.NumericPitfalls;
import dev.opgrad.samples.TanhComparison;
import dev.opgrad.samples.compare.Formulation;
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
 * Atomic against composite: the time of one point of {@code opgrad compare}'s pairs, a forward pass
 * on a fresh leaf and a backward pass, for each formulation of the tanh and pitfalls samples, at 64
 * points evenly spaced on [−5, 5] (where every formulation is finite). Each benchmark reports the
 * time per point. {@code handWrittenTanh}, {@code Math.tanh} and 1 − tanh² with no graph, is the
 * floor; the atomic op of each pair is the baseline of its composites, measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OperationsPerInvocation(ComparisonBenchmark.POINTS)
public class ComparisonBenchmark {

  static final int POINTS = 64;

  private final double[] xs = new double[POINTS];

  public ComparisonBenchmark() {
    for (int i = 0; i < POINTS; i++) {
      xs[i] = -5 + 10.0 * i / (POINTS - 1);
    }
  }

  /** The sum of the values and derivatives at every point, so that none can be left out. */
  private double run(Formulation formulation) {
    double sum = 0;
    for (double x : xs) {
      Value leaf = Value.of(x);
      Value root = formulation.function().apply(leaf);
      root.backward();
      sum += root.data() + leaf.grad();
    }
    return sum;
  }

  @Benchmark
  public double handWrittenTanh() {
    double sum = 0;
    for (double x : xs) {
      double t = Math.tanh(x);
      sum += t + (1 - t * t);
    }
    return sum;
  }

  @Benchmark
  public double tanhAtomic() {
    return run(TanhComparison.ATOMIC);
  }

  @Benchmark
  public double tanhExp() {
    return run(TanhComparison.EXP);
  }

  @Benchmark
  public double tanhStable() {
    return run(TanhComparison.STABLE);
  }

  @Benchmark
  public double sigmoidAtomic() {
    return run(NumericPitfalls.SIGMOID);
  }

  @Benchmark
  public double sigmoidNaive() {
    return run(NumericPitfalls.NAIVE_SIGMOID);
  }

  @Benchmark
  public double softplusAtomic() {
    return run(NumericPitfalls.SOFTPLUS);
  }

  @Benchmark
  public double softplusNaive() {
    return run(NumericPitfalls.NAIVE_SOFTPLUS);
  }

  @Benchmark
  public double logSumExpNaive() {
    return run(NumericPitfalls.NAIVE_LOG_SUM_EXP);
  }

  @Benchmark
  public double logSumExpShifted() {
    return run(NumericPitfalls.SHIFTED_LOG_SUM_EXP);
  }
}
