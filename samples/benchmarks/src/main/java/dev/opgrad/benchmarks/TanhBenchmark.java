package dev.opgrad.benchmarks;

import dev.opgrad.CompiledGraph;
import dev.opgrad.Value;
import java.util.List;
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
 * The lecture's neuron o = tanh(x1·w1 + x2·w2 + b), forward and backward, with tanh as one op
 * ({@code atomic}) or as (exp(2n) − 1)/(exp(2n) + 1) built from ops ({@code composite}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TanhBenchmark {

  private final double x1 = 2;
  private final double x2 = 0;
  private final double w1 = -3;
  private final double w2 = 1;
  private final double b = 6.8813735870195432;
  private final Value[] leaves = {
    Value.of(x1), Value.of(x2), Value.of(w1), Value.of(w2), Value.of(b)
  };
  private final CompiledGraph atomicCompiled =
      CompiledGraph.capture(atomic(leaves), List.of(leaves));
  private final CompiledGraph compositeCompiled =
      CompiledGraph.capture(composite(leaves), List.of(leaves));

  private static Value n(Value[] v) {
    return v[0].mul(v[2]).add(v[1].mul(v[3])).add(v[4]);
  }

  private static Value atomic(Value[] v) {
    return n(v).tanh();
  }

  private static Value composite(Value[] v) {
    Value e = n(v).mul(2).exp();
    return e.sub(1).div(e.add(1));
  }

  private double eager(boolean composite) {
    Value[] v = {Value.of(x1), Value.of(x2), Value.of(w1), Value.of(w2), Value.of(b)};
    Value o = composite ? composite(v) : atomic(v);
    o.backward();
    return o.data() + v[2].grad();
  }

  @Benchmark
  public double eagerAtomic() {
    return eager(false);
  }

  @Benchmark
  public double eagerComposite() {
    return eager(true);
  }

  @Benchmark
  public double compiledAtomic() {
    double o = atomicCompiled.forward();
    atomicCompiled.zeroGrad();
    atomicCompiled.backward();
    return o + atomicCompiled.grad(2);
  }

  @Benchmark
  public double compiledComposite() {
    double o = compositeCompiled.forward();
    compositeCompiled.zeroGrad();
    compositeCompiled.backward();
    return o + compositeCompiled.grad(2);
  }

  private NaiveValue naiveNeuron(NaiveValue[] v) {
    return v[0].mul(v[2]).add(v[1].mul(v[3])).add(v[4]);
  }

  private double naive(boolean composite) {
    NaiveValue[] v = {
      NaiveValue.of(x1), NaiveValue.of(x2), NaiveValue.of(w1), NaiveValue.of(w2), NaiveValue.of(b)
    };
    NaiveValue o;
    if (composite) {
      NaiveValue e = naiveNeuron(v).mul(2).exp();
      o = e.sub(1).div(e.add(1));
    } else {
      o = naiveNeuron(v).tanh();
    }
    o.backward();
    return o.data + v[2].grad;
  }

  @Benchmark
  public double naiveAtomic() {
    return naive(false);
  }

  @Benchmark
  public double naiveComposite() {
    return naive(true);
  }

  /** Baseline (a): the neuron and its gradient by hand. */
  @Benchmark
  public double handWritten() {
    double n = x1 * w1 + x2 * w2 + b;
    double o = Math.tanh(n);
    double dn = 1 - o * o;
    return o + dn * x1;
  }
}
