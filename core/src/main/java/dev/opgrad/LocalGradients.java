package dev.opgrad;

/**
 * One node's local gradients as numbers, through {@link NodeRules}, for the passes of {@link
 * Gradients}: the node's inputs' data go into an array of exactly their number, which a variadic
 * op reads as its count, reused from node to node so that a pass allocates nothing per node but
 * for nodes of more than two inputs.
 */
final class LocalGradients {

  private final Value root; // names nodes in failures
  private final boolean detect = Anomalies.isDetecting();
  private final double[] in1 = new double[1];
  private final double[] in2 = new double[2];
  private double[] wideInputs = new double[3];

  /** The last node's local gradients, one per input. */
  double[] local = new double[3];

  LocalGradients(Value root) {
    this.root = root;
  }

  /** Whether anomaly detection was on when this was made: every local gradient is then checked. */
  boolean detects() {
    return detect;
  }

  /**
   * Writes the local gradients of {@code node}, whose inputs are {@code a} and {@code b} or, if
   * there are more than two, {@code wide}, into {@link #local}.
   *
   * @throws IllegalStateException if the op fails, or detection finds an anomaly
   */
  void compute(Value node, Value a, Value b, Value[] wide) {
    double[] inputs;
    if (wide == null) {
      // Nearly every node: its inputs from its fields, into an array kept for their number.
      inputs = b != null ? in2 : in1;
      inputs[0] = a.data();
      if (b != null) {
        inputs[1] = b.data();
      }
    } else {
      int arity = wide.length;
      if (wideInputs.length != arity) {
        wideInputs = new double[arity];
        if (local.length < arity) {
          local = new double[arity];
        }
      }
      inputs = wideInputs;
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
