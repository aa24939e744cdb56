package dev.opgrad.benchmarks;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleBinaryOperator;
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
 * Looking an op up by name, as {@code Value.apply("tanh")} does (Value's own methods no longer do):
 * the registry against a {@code switch} on the name and a {@code HashMap} of lambdas.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class OpLookupBenchmark {

  private static final String[] NAMES = {"add", "mul", "tanh", "relu", "exp", "pow", "sub", "div"};

  private final OpRegistry registry = OpRegistry.defaultRegistry();
  private final Map<String, DoubleBinaryOperator> naiveOps =
      Map.of(
          "add",
          Double::sum,
          "mul",
          (a, b) -> a * b,
          "tanh",
          (a, b) -> Math.tanh(a),
          "relu",
          (a, b) -> Math.max(a, 0),
          "exp",
          (a, b) -> Math.exp(a),
          "pow",
          Math::pow,
          "sub",
          (a, b) -> a - b,
          "div",
          (a, b) -> a / b);
  private int next;

  private String nextName() {
    next = (next + 1) & 7;
    return NAMES[next];
  }

  @Benchmark
  public Op registry() {
    return registry.get(nextName());
  }

  /** Baseline (a): a switch over the names. */
  @Benchmark
  public int handWritten() {
    switch (nextName()) {
      case "add":
        return 0;
      case "mul":
        return 1;
      case "tanh":
        return 2;
      case "relu":
        return 3;
      case "exp":
        return 4;
      case "pow":
        return 5;
      case "sub":
        return 6;
      default:
        return 7;
    }
  }

  /** Baseline (b): a hash map of lambdas, as a naive port keeps its ops. */
  @Benchmark
  public DoubleBinaryOperator naive() {
    return naiveOps.get(nextName());
  }
}
