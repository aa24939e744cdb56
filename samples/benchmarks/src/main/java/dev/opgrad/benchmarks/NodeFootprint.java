package dev.opgrad.benchmarks;

import dev.opgrad.Value;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the memory a graph retains per binary node with JOL: builds a chain of 10<sup>6</sup>
 * binary nodes, walks the whole object graph below its root and divides its size by the node count.
 * Prints Value's field layout too.
 */
public final class NodeFootprint {

  private NodeFootprint() {}

  /** Prints the layout of {@link Value} and the bytes per node of a 10<sup>6</sup>-node chain. */
  public static void main(String[] args) {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Value v = Chain.build(Value.of(0.5), Value.of(0.9999999), Value.of(1e-7), nodes);
    System.out.println(ClassLayout.parseClass(Value.class).toPrintable());
    GraphLayout layout = GraphLayout.parseInstance(v);
    System.out.println(layout.toFootprint());
    System.out.printf(
        "%,d binary nodes retain %,d bytes: %.2f bytes per node%n",
        nodes, layout.totalSize(), (double) layout.totalSize() / nodes);
  }
}
