package dev.opgrad.benchmarks;

import dev.opgrad.Anomalies;
import dev.opgrad.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What anomaly detection costs: forward and backward of a chain of 300 × (mul, add, tanh) with
 * detection off (the default), and on, next to the same computation written by hand. With
 * detection off, the engine reads one static field per op applied and one per backward call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class AnomalyBenchmark {

  private static final int LINKS = 300;
  private static final double SCALE = 0.9;
  private static final double SHIFT = 0.1;

  private final double[] data = new double[3 * LINKS + 1];

  private static double eager() {
    Value x = Value.of(0.5);
    Value scale = Value.of(SCALE);
    Value shift = Value.of(SHIFT);
    Value v = x;
    for (int i = 0; i < LINKS; i++) {
      v = v.mul(scale).add(shift).tanh();
    }
    v.backward();
    return v.data() + x.grad();
  }

  /** The default: no scope open. */
  @Benchmark
  public double off() {
    return eager();
  }

  /** Every forward value and local gradient checked. */
  @Benchmark
  public double on() {
    try (var scope = Anomalies.detect()) {
      return eager();
    }
  }

  /** The same forward and backward over an array, no graph. */
  @Benchmark
  public double handWritten() {
    double v = 0.5;
    data[0] = v;
    for (int i = 0; i < LINKS; i++) {
      v = Math.tanh(v * SCALE + SHIFT);
      data[i + 1] = v;
    }
    double grad = 1;
    for (int i = LINKS; i > 0; i--) {
      double out = data[i];
      grad *= (1 - out * out) * SCALE;
    }
    return v + grad;
  }
}
