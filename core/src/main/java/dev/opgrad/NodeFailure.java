package dev.opgrad;

import dev.opgrad.spi.Op;
import java.util.function.IntFunction;

/**
 * What went wrong at one node under {@link NodeRules}, before the driver says which node it was.
 * The driver catches it and throws {@link #describedBy}: the exception the user sees, whose message
 * is written here once for every driver. It carries no stack trace of its own; the exception it
 * becomes does.
 */
final class NodeFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** How a driver names its nodes, of type {@code N}, in messages. */
  interface Names<N> {

    /** The node's inputs, each {@linkplain #describe(String, Op, double) described}, in order. */
    String describeInputs(N node);

    /** The node itself. */
    String describe(N node);

    /** Input {@code i} of the node. */
    String describeInput(N node, int i);

    /** The nodes on a shortest path from the root down to the node, joined by arrows. */
    String pathFromRoot(N node);
  }

  private enum Kind {
    FORWARD_THREW,
    FORWARD_NOT_FINITE,
    LOCAL_GRAD_THREW,
    BACKWARD_NOT_FINITE
  }

  private final Kind kind;
  private final transient Op op;
  private final double[] constants;
  private final double output; // FORWARD_NOT_FINITE
  private final int input; // BACKWARD_NOT_FINITE: the input index
  private final double grad; // BACKWARD_NOT_FINITE: the node's gradient
  private final double local; // BACKWARD_NOT_FINITE: the local gradient of that input

  private NodeFailure(
      Kind kind,
      Op op,
      double[] constants,
      RuntimeException cause,
      double output,
      int input,
      double grad,
      double local) {
    super(null, cause, false, false);
    this.kind = kind;
    this.op = op;
    this.constants = constants.clone();
    this.output = output;
    this.input = input;
    this.grad = grad;
    this.local = local;
  }

  static NodeFailure forwardThrew(Op op, double[] constants, RuntimeException cause) {
    return new NodeFailure(Kind.FORWARD_THREW, op, constants, cause, 0, 0, 0, 0);
  }

  static NodeFailure forwardNotFinite(Op op, double[] constants, double output) {
    return new NodeFailure(Kind.FORWARD_NOT_FINITE, op, constants, null, output, 0, 0, 0);
  }

  static NodeFailure localGradThrew(Op op, double[] constants, RuntimeException cause) {
    return new NodeFailure(Kind.LOCAL_GRAD_THREW, op, constants, cause, 0, 0, 0, 0);
  }

  static NodeFailure backwardNotFinite(
      Op op, double[] constants, int input, double grad, double local) {
    return new NodeFailure(Kind.BACKWARD_NOT_FINITE, op, constants, null, 0, input, grad, local);
  }

  /**
   * The exception to throw for this failure at {@code node}: an {@link IllegalArgumentException}
   * if the op rejected its inputs, an {@link IllegalStateException} if its local gradient threw,
   * an {@link AnomalyException} for an anomaly. A forward failure needs only {@link
   * Names#describeInputs}: an eager node does not exist yet when its output fails.
   */
  <N> RuntimeException describedBy(Names<N> names, N node) {
    String opName = "op '" + op.name() + "'";
    switch (kind) {
      case FORWARD_THREW:
        return new IllegalArgumentException(
            opName
                + " failed on "
                + names.describeInputs(node)
                + constantsSuffix()
                + ": "
                + getCause().getMessage(),
            getCause());
      case FORWARD_NOT_FINITE:
        return new AnomalyException(
            "anomaly in forward: "
                + opName
                + " returned "
                + output
                + " for "
                + names.describeInputs(node)
                + constantsSuffix());
      case LOCAL_GRAD_THREW:
        return new IllegalStateException(
            opName
                + " failed computing its local gradient for "
                + names.describe(node)
                + " at "
                + names.describeInputs(node)
                + constantsSuffix()
                + ": "
                + getCause().getMessage(),
            getCause());
      case BACKWARD_NOT_FINITE:
        String what =
            Double.isFinite(local)
                ? "passed the gradient " + grad * local + " (" + grad + " * local gradient " + local
                    + ")"
                : "gave the local gradient " + local;
        return new AnomalyException(
            "anomaly in backward: "
                + opName
                + " "
                + what
                + " to input "
                + input
                + ", "
                + names.describeInput(node, input)
                + ", of "
                + names.describe(node)
                + "; its inputs: "
                + names.describeInputs(node)
                + constantsSuffix()
                + "; path from the root: "
                + names.pathFromRoot(node));
    }
    throw new AssertionError(kind);
  }

  private String constantsSuffix() {
    return constants.length == 0
        ? ""
        : " with constants [" + list(constants.length, c -> String.valueOf(constants[c])) + "]";
  }

  /** The most items a message lists; a node of a million inputs must not make a 10 MB message. */
  static final int LISTED = 32;

  /**
   * Items {@code 0 .. count - 1} joined by commas, at most {@link #LISTED} and then "… and N
   * more".
   */
  static String list(int count, IntFunction<String> item) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < Math.min(count, LISTED); i++) {
      list.append(i == 0 ? "" : ", ").append(item.apply(i));
    }
    if (count > LISTED) {
      list.append(", … and ").append(count - LISTED).append(" more");
    }
    return list.toString();
  }

  /**
   * Names a node in messages, the same way in every driver: {@code 'x' (2.0)} if it is labelled,
   * else {@code output of 'mul' (6.0)}, or {@code leaf 3.0} for a leaf.
   */
  static String describe(String label, Op op, double data) {
    if (label != null) {
      return "'" + label + "' (" + data + ")";
    }
    return op == null ? "leaf " + data : "output of '" + op.name() + "' (" + data + ")";
  }
}
