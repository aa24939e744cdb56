package dev.opgrad.samples;

import dev.opgrad.Value;
import java.io.PrintStream;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The lecture's neuron with tanh as one op and as {@code (exp(2n) − 1) / (exp(2n) + 1)} built from
 * {@code mul}, {@code exp}, {@code sub}, {@code add} and {@code div}: the same value and the same
 * gradients (to 1e-12), from graphs of different sizes and speeds.
 */
public final class TanhComparison {

  private static final String[] LEAVES = {"x1", "w1", "x2", "w2", "b"};
  private static final double TOLERANCE = 1e-12;
  private static final int TIMED_RUNS = 20_000;

  /** Where the timed runs leave a result, so that the JIT cannot drop them. */
  private static volatile double blackhole;

  private TanhComparison() {}

  /** Runs the comparison and prints its table. */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Prints the table to {@code out}: the forward value, every leaf's gradient, the number of graph
   * nodes, and the time per forward and backward pass of each form.
   *
   * @return whether the two forms agree to 1e-12 in value and every gradient
   */
  public static boolean run(PrintStream out) {
    UnaryOperator<Value> atomic = Value::tanh;
    UnaryOperator<Value> composite =
        n -> {
          Value e = n.mul(2).exp();
          return e.sub(1).div(e.add(1));
        };
    Value[] a = neuron(atomic);
    Value[] c = neuron(composite);
    List<Value> atomicGraph = a[0].topologicalOrder();
    List<Value> compositeGraph = c[0].topologicalOrder();

    out.printf("tanh as one op vs composed of exp: o = tanh(x1*w1 + x2*w2 + b)%n");
    out.printf("  %-12s %22s %22s %10s%n", "", "atomic tanh", "composite tanh", "|diff|");
    boolean equal = row(out, "o", a[0].data(), c[0].data());
    for (int i = 0; i < LEAVES.length; i++) {
      equal &= row(out, LEAVES[i] + ".grad", a[i + 1].grad(), c[i + 1].grad());
    }
    out.printf("  %-12s %22d %22d%n", "graph nodes", atomicGraph.size(), compositeGraph.size());
    out.printf(
        "  %-12s %22.3f %22.3f%n", "µs fwd+bwd", microsPerRun(atomic), microsPerRun(composite));
    out.printf("  value and every gradient equal to %.0e: %s%n", TOLERANCE, equal ? "yes" : "NO");
    return equal;
  }

  private static boolean row(PrintStream out, String name, double atomic, double composite) {
    double diff = Math.abs(atomic - composite);
    out.printf("  %-12s %22.16f %22.16f %10.1e%n", name, atomic, composite, diff);
    return diff <= TOLERANCE;
  }

  /** Returns {@code [o, x1, w1, x2, w2, b]} after backpropagating from o. */
  private static Value[] neuron(UnaryOperator<Value> tanh) {
    Value x1 = Value.of(2.0);
    Value w1 = Value.of(-3.0);
    Value x2 = Value.of(0.0);
    Value w2 = Value.of(1.0);
    Value b = Value.of(6.8813735870195432);
    Value o = tanh.apply(x1.mul(w1).add(x2.mul(w2)).add(b));
    o.backward();
    return new Value[] {o, x1, w1, x2, w2, b};
  }

  /** A simple wall-clock timing after a warm-up: an order of magnitude, not a benchmark. */
  private static double microsPerRun(UnaryOperator<Value> tanh) {
    double sink = 0;
    for (int i = 0; i < TIMED_RUNS; i++) {
      sink += neuron(tanh)[1].grad();
    }
    long start = System.nanoTime();
    for (int i = 0; i < TIMED_RUNS; i++) {
      sink += neuron(tanh)[1].grad();
    }
    long elapsed = System.nanoTime() - start;
    blackhole = sink;
    return elapsed / 1e3 / TIMED_RUNS;
  }
}
