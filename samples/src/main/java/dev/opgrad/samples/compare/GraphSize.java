package dev.opgrad.samples.compare;

import dev.opgrad.Value;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The size of a formulation's graph: its nodes, of which leaves (the variable, numbers, the other
 * variables held fixed) and the count of each op, by name.
 *
 * @param nodes every node, leaves included
 * @param leaves the nodes that no op computes
 * @param ops how many nodes each op computes, by name in alphabetical order
 */
public record GraphSize(int nodes, int leaves, Map<String, Integer> ops) {

  /** Copies {@code ops}, sorted by name. */
  public GraphSize {
    ops = Collections.unmodifiableMap(new TreeMap<>(ops));
  }

  /** The size of the graph below {@code root}. */
  public static GraphSize of(Value root) {
    int leaves = 0;
    Map<String, Integer> ops = new TreeMap<>();
    int nodes = 0;
    for (Value node : root.topologicalOrder()) {
      nodes++;
      if (node.isLeaf()) {
        leaves++;
      } else {
        ops.merge(node.op().name(), 1, Integer::sum);
      }
    }
    return new GraphSize(nodes, leaves, ops);
  }

  /** {@code 9 nodes: 4 leaves, add, div, exp, mul, sub}: ops used more than once with a count. */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder()
            .append(nodes)
            .append(nodes == 1 ? " node: " : " nodes: ")
            .append(leaves)
            .append(leaves == 1 ? " leaf" : " leaves");
    ops.forEach(
        (name, count) -> text.append(", ").append(count == 1 ? "" : count + " ").append(name));
    return text.toString();
  }
}
