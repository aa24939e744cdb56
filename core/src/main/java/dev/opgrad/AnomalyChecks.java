package dev.opgrad;

import dev.opgrad.spi.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks that {@link Forward} and {@link Backward} make while {@link Anomalies anomaly
 * detection} is on, and the messages of the exceptions they throw.
 */
final class AnomalyChecks {

  private AnomalyChecks() {}

  /**
   * Throws if {@code output}, which {@code op} computed from {@code inputs}, is NaN or infinite.
   */
  static void forward(Op op, Value[] inputs, double[] constants, double output) {
    if (!Double.isFinite(output)) {
      throw new AnomalyException(
          String.format(
              "anomaly in forward: op '%s' returned %s for %s%s",
              op.name(), output, Value.describeAll(inputs), Forward.constantsSuffix(constants)));
    }
  }

  /**
   * Throws if a local gradient of {@code node}, or the gradient it passes to an input ({@code grad}
   * times the local gradient), is NaN or infinite.
   */
  static void backward(Value root, Value node, double[] localGrads, double grad) {
    Value[] inputs = node.inputsArray();
    for (int i = 0; i < inputs.length; i++) {
      double passed = grad * localGrads[i];
      if (Double.isFinite(localGrads[i]) && Double.isFinite(passed)) {
        continue;
      }
      String what =
          Double.isFinite(localGrads[i])
              ? "passed the gradient "
                  + passed
                  + " ("
                  + grad
                  + " * local gradient "
                  + localGrads[i]
                  + ")"
              : "gave the local gradient " + localGrads[i];
      throw new AnomalyException(
          String.format(
              "anomaly in backward: op '%s' %s to input %d, %s, of %s; its inputs: %s%s;"
                  + " path from the root: %s",
              node.op().name(),
              what,
              i + 1,
              inputs[i].describe(),
              node.describe(),
              Value.describeAll(inputs),
              Forward.constantsSuffix(node.constantsArray()),
              path(root, node)));
    }
  }

  /** The nodes from {@code root} down to {@code node} along a shortest path, joined by arrows. */
  private static String path(Value root, Value node) {
    Map<Value, Value> parents = new IdentityHashMap<>();
    ArrayDeque<Value> queue = new ArrayDeque<>();
    parents.put(root, root);
    queue.add(root);
    while (!queue.isEmpty() && !parents.containsKey(node)) {
      Value current = queue.poll();
      for (Value input : current.inputsArray()) {
        if (!parents.containsKey(input)) {
          parents.put(input, current);
          queue.add(input);
        }
      }
    }
    List<String> steps = new ArrayList<>();
    for (Value v = node; v != root; v = parents.get(v)) {
      steps.add(v.describe());
    }
    steps.add(root.describe());
    Collections.reverse(steps);
    return String.join(" -> ", steps);
  }
}
