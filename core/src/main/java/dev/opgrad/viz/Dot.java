package dev.opgrad.viz;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an expression graph as Graphviz DOT text, laid out as micrograd's {@code draw_dot}: left
 * to right, a record {@code { label | data | grad }} per value (data and grad to four decimals, the
 * label empty when there is none), and for each computed value a node named after its op with an
 * edge from the op to the value and an edge from each input to the op, in input order (an input
 * used twice, as in {@code a + a}, gets two edges).
 *
 * <p>Values are named {@code v0, v1, …} in {@link Value#topologicalOrder()} order, every value
 * after its inputs; a value's op node is {@code vN_op}. The text depends only on the graph, so it
 * is the same on every run.
 *
 * <pre>{@code
 * Files.writeString(Path.of("neuron.dot"), Dot.toDot(o));
 * }</pre>
 */
public final class Dot {

  private Dot() {}

  /** Returns the DOT text of the graph below {@code root}, {@code root} included. */
  public static String toDot(Value root) {
    checkNotNull(root, "root");
    List<Value> order = root.topologicalOrder();
    Map<Value, Integer> ids = new IdentityHashMap<>();
    StringBuilder dot = new StringBuilder("digraph opgrad {\n  rankdir=LR;\n");
    for (Value value : order) {
      int id = ids.size();
      ids.put(value, id);
      String label = value.label() == null ? "" : escapeRecord(value.label());
      dot.append(
          String.format(
              Locale.ROOT,
              "  v%d [shape=record, label=\"{ %s | data %.4f | grad %.4f }\"];\n",
              id,
              label,
              value.data(),
              value.grad()));
      if (!value.isLeaf()) {
        dot.append(String.format("  v%d_op [label=\"%s\"];\n", id, escape(value.op().name())));
        dot.append(String.format("  v%d_op -> v%d;\n", id, id));
        for (Value input : value.inputs()) {
          dot.append(String.format("  v%d -> v%d_op;\n", ids.get(input), id));
        }
      }
    }
    return dot.append("}\n").toString();
  }

  /** Escapes a quoted DOT string. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Escapes a field of a record label, where braces, bars and angle brackets are structure. */
  private static String escapeRecord(String text) {
    return escape(text).replaceAll("([{}|<>])", "\\\\$1");
  }
}
