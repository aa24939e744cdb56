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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward and backward over a graph of {@code size} binary nodes, built and backpropagated: a
 * {@code chain} (v = v·s, then v = v + t, alternately: depth {@code size}) or a {@code wide} graph
 * (size/2 products x<sub>i</sub>·w summed by a balanced tree of adds: depth log size). Divide by
 * {@code size} for the time per node.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GraphBenchmark {

  private static final double SCALE = 0.9999999;
  private static final double SHIFT = 1e-7;

  @Param({"chain", "wide"})
  public String shape;

  @Param({"1000", "10000", "100000", "1000000"})
  public int size;

  private double[] xs; // the wide graph's leaves
  private Value[] xValues;
  private Value s;
  private Value t;
  private CompiledGraph compiled;

  @Setup
  public void setUp() {
    xs = new double[size / 2];
    xValues = new Value[xs.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = Math.sin(i);
      xValues[i] = Value.of(xs[i]);
    }
    s = Value.of(SCALE);
    t = Value.of(SHIFT);
    List<Value> parameters = shape.equals("chain") ? List.of(s, t) : List.of(s);
    compiled = CompiledGraph.capture(buildEager(), parameters);
  }

  private Value buildEager() {
    if (shape.equals("chain")) {
      return Chain.build(Value.of(0.5), s, t, size);
    }
    // A heap-ordered tree: node i is the sum of nodes 2i and 2i + 1; the products are the leaves.
    int m = xs.length;
    Value[] tree = new Value[2 * m];
    for (int i = 0; i < m; i++) {
      tree[m + i] = xValues[i].mul(s);
    }
    for (int i = m - 1; i >= 1; i--) {
      tree[i] = tree[2 * i].add(tree[2 * i + 1]);
    }
    return tree[1];
  }

  /** The eager engine: build the graph, then backward. */
  @Benchmark
  public double eager() {
    Value root = buildEager();
    root.backward();
    return root.data() + s.grad();
  }

  /** The graph captured once; forward and backward replayed. */
  @Benchmark
  public double compiled() {
    double out = compiled.forward();
    compiled.zeroGrad();
    compiled.backward();
    return out + compiled.grad(0);
  }

  /** Baseline (b): the naive object-per-node port. */
  @Benchmark
  public double naive() {
    NaiveValue ns = NaiveValue.of(SCALE);
    NaiveValue root;
    if (shape.equals("chain")) {
      NaiveValue nt = NaiveValue.of(SHIFT);
      root = NaiveValue.of(0.5);
      for (int i = 0; i < size; i++) {
        root = i % 2 == 0 ? root.mul(ns) : root.add(nt);
      }
    } else {
      int m = xs.length;
      NaiveValue[] tree = new NaiveValue[2 * m];
      for (int i = 0; i < m; i++) {
        tree[m + i] = NaiveValue.of(xs[i]).mul(ns);
      }
      for (int i = m - 1; i >= 1; i--) {
        tree[i] = tree[2 * i].add(tree[2 * i + 1]);
      }
      root = tree[1];
    }
    root.backward();
    return root.data + ns.grad;
  }

  /** Baseline (a): the same forward and backward written by hand over arrays. */
  @Benchmark
  public double handWritten() {
    return shape.equals("chain") ? handWrittenChain() : handWrittenWide();
  }

  private double handWrittenChain() {
    double[] v = new double[size + 1];
    v[0] = 0.5;
    for (int i = 0; i < size; i++) {
      v[i + 1] = i % 2 == 0 ? v[i] * SCALE : v[i] + SHIFT;
    }
    double grad = 1;
    double gradScale = 0;
    for (int i = size - 1; i >= 0; i--) {
      if (i % 2 == 0) {
        gradScale += grad * v[i];
        grad *= SCALE;
      }
    }
    return v[size] + gradScale;
  }

  private double handWrittenWide() {
    int m = xs.length;
    double[] tree = new double[2 * m];
    double[] grad = new double[2 * m];
    for (int i = 0; i < m; i++) {
      tree[m + i] = xs[i] * SCALE;
    }
    for (int i = m - 1; i >= 1; i--) {
      tree[i] = tree[2 * i] + tree[2 * i + 1];
    }
    grad[1] = 1;
    for (int i = 1; i < m; i++) {
      grad[2 * i] += grad[i];
      grad[2 * i + 1] += grad[i];
    }
    double gradScale = 0;
    for (int i = 0; i < m; i++) {
      gradScale += grad[m + i] * xs[i];
    }
    return tree[1] + gradScale;
  }
}
