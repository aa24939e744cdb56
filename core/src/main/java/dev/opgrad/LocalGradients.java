package dev.opgrad;

import java.util.Arrays;

/**
 * One node's local gradients as numbers, through {@link NodeRules}, for the passes of {@link
 * Gradients}: the node's inputs' data go into an array of exactly their number, which a variadic
 * op reads as its count, reused from node to node so that a pass allocates nothing per node.
 */
final class LocalGradients {

  private final Value root; // names nodes in failures
  private final boolean detect = Anomalies.isDetecting();
  private double[][] dataByCount = new double[4][];

  /** The last node's local gradients, one per input. */
  double[] local = new double[4];

  LocalGradients(Value root) {
    this.root = root;
  }

  /**
   * Writes the local gradients of {@code node}, whose inputs are {@code a} and {@code b} or, if
   * there are more than two, {@code wide}, into {@link #local}.
   *
   * @throws IllegalStateException if the op fails, or detection finds an anomaly
   */
  void compute(Value node, Value a, Value b, Value[] wide, int arity) {
    if (arity >= dataByCount.length) {
      dataByCount = Arrays.copyOf(dataByCount, arity + 1);
      local = new double[arity];
    }
    double[] inputs = dataByCount[arity];
    if (inputs == null) {
      inputs = new double[arity];
      dataByCount[arity] = inputs;
    }
    if (wide == null) {
      inputs[0] = a.data();
      if (b != null) {
        inputs[1] = b.data();
      }
    } else {
      for (int i = 0; i < arity; i++) {
        inputs[i] = wide[i].data();
      }
    }
    try {
      // A gradient of 1: the rules then check the local gradients themselves under detection.
      NodeRules.localGrads(node.op(), inputs, node.constantsArray(), node.data(), 1, local, detect);
    } catch (NodeFailure failure) {
      throw failure.describedBy(new EagerBackward.Names(root), node);
    }
  }
}
