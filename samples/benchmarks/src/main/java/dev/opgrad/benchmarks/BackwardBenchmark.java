package dev.opgrad.benchmarks;

import dev.opgrad.Value;
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
 * {@code backward()} alone on a chain built once, so that {@code -prof gc} shows what a backward
 * pass allocates: its topological order and its stack, a few bytes per node, and no object per
 * node.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class BackwardBenchmark {

  @Param({"100000"})
  public int size;

  private Value root;

  @Setup
  public void setUp() {
    root = Chain.build(Value.of(0.5), Value.of(0.9999999), Value.of(1e-7), size);
  }

  @Benchmark
  public double backward() {
    root.backward();
    return root.grad();
  }
}
