package dev.opgrad.spi;

/**
 * An {@link Op} that also computes a run of nodes in one call, which {@link
 * dev.opgrad.CompiledGraph} uses when it replays a graph: one call per run instead of one per node,
 * and a loop that the JIT compiles for this op alone. Implementing it is optional: a replay
 * computes the nodes of other ops, and lone nodes, with the per-node methods.
 *
 * <p>The batch methods must give bit for bit what the per-node methods give, so that a replay stays
 * bit-identical to the eager engine: {@link #forwardBatch} sets each node's output to {@link
 * #forward(double[], double[])} of its inputs and constants, and {@link #backwardBatch} adds, for
 * each node {@code k} in turn and each input {@code i} in order, {@code grad(k) · local[i]} into
 * the input's gradient, where {@code local} is what {@link #localGrad} writes. Where {@code
 * grad(k)} is ±0 and every {@code local[i]} is finite, the products are ±0 and change no gradient,
 * so an op may skip that node's additions, as hand-written code skips an inactive ReLU:
 *
 * <pre>{@code
 * public void backwardBatch(Nodes nodes) {
 *   for (int k = 0; k < nodes.size(); k++) {
 *     double g = nodes.grad(k);
 *     if (g != 0) { // relu's local gradient, 0 or 1, is finite
 *       nodes.addInputGrad(k, 0, g * (nodes.input(k, 0) <= 0 ? 0 : 1));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Inputs that {@link #forward(double[], double[])} rejects with {@link IllegalArgumentException}
 * are rejected the same way here; the replay then finds the node and reports it.
 *
 * <p><b>Experimental:</b> this interface may change incompatibly in a minor release.
 */
public interface BatchOp extends Op {

  /** Sets the output of every node, in any order. */
  void forwardBatch(Nodes nodes);

  /** Adds every node's contributions into its inputs' gradients, node by node, in order. */
  void backwardBatch(Nodes nodes);
}
