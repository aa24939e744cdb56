package dev.opgrad.spi;

/**
 * An {@link Op} that also computes many nodes in one call, which {@link dev.opgrad.CompiledGraph}
 * uses when it replays a graph: one call per run of nodes instead of one per node, and a loop the
 * JIT compiles for this op alone. Implementing it is optional; a replay calls the per-node methods
 * of an op that does not.
 *
 * <p>The batch methods must give bit for bit what the per-node methods give, so that a replay stays
 * bit-identical to the eager engine: {@link #forward(Nodes)} sets each node's output to {@link
 * #forward(double[], double[])} of its inputs and constants, and {@link #backward(Nodes)} adds, for
 * each node {@code k} in turn and each input {@code i} in order, {@code grad(k) · local[i]} into the
 * input's gradient, where {@code local} is what {@link #localGrad} writes. Where {@code grad(k)} is
 * ±0 and every {@code local[i]} is finite, the products are ±0 and change no gradient, so an op may
 * skip that node's additions, as hand-written code skips an inactive ReLU.
 */
public interface BatchOp extends Op {

  /** Sets the output of every node, in any order. */
  void forward(Nodes nodes);

  /** Adds every node's contributions into its inputs' gradients, node by node, in order. */
  void backward(Nodes nodes);
}
