package dev.opgrad.graph;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.opgrad.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Walks expression graphs, for drawing and inspecting them. */
public final class Traversal {

  private Traversal() {}

  /**
   * Returns every value of the graph below {@code root}, {@code root} included and last, each once
   * and after all of its inputs: a depth-first walk that visits inputs in order, found without
   * recursion (any depth works on the default stack). The order depends only on the graph.
   */
  public static List<Value> postOrder(Value root) {
    checkNotNull(root, "root");
    ImmutableList.Builder<Value> order = ImmutableList.builder();
    Map<Value, Boolean> seen = new IdentityHashMap<>();
    Deque<Value> values = new ArrayDeque<>();
    Deque<Integer> nextInputs = new ArrayDeque<>();
    seen.put(root, true);
    values.push(root);
    nextInputs.push(0);
    while (!values.isEmpty()) {
      List<Value> inputs = values.peek().inputs();
      int next = nextInputs.pop();
      if (next < inputs.size()) {
        nextInputs.push(next + 1);
        Value input = inputs.get(next);
        if (seen.put(input, true) == null) {
          values.push(input);
          nextInputs.push(0);
        }
      } else {
        order.add(values.pop());
      }
    }
    return order.build();
  }
}
