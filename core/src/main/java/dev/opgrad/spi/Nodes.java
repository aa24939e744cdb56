package dev.opgrad.spi;

/**
 * A run of nodes of one {@link BatchOp}, numbered {@code 0 .. size() - 1}, which the op computes in
 * one call: in a replay, a window onto {@link dev.opgrad.CompiledGraph}'s arrays; in {@link
 * dev.opgrad.check.GradCheck}, onto the points checked. It is valid only during that call.
 *
 * <p>No node of a run is an input of another node of the same run, so their outputs may be computed
 * in any order, two at a time say. Gradients are different: a gradient is a sum whose rounding
 * depends on the order of its terms, so {@link BatchOp#backwardBatch} adds node {@code k}'s
 * contributions before node {@code k + 1}'s (the nodes are numbered in backward order there).
 *
 * <p><b>Experimental:</b> this interface may change incompatibly in a minor release.
 */
public interface Nodes {

  /** The number of nodes. */
  int size();

  /** The number of inputs of node {@code k}: the op's arity, or any number for a variadic op. */
  int inputCount(int k);

  /** The data of input {@code i} of node {@code k}. */
  double input(int k, int i);

  /** Constant {@code c} of node {@code k}. */
  double constant(int k, int c);

  /** The output of node {@code k}; in {@link BatchOp#backwardBatch}, of the last forward pass. */
  double output(int k);

  /**
   * Sets the output of node {@code k}: in {@link BatchOp#forwardBatch} only.
   *
   * @throws IllegalStateException in {@link BatchOp#backwardBatch}
   */
  void setOutput(int k, double value);

  /**
   * The gradient of the graph's root with respect to node {@code k}'s output, complete: in {@link
   * BatchOp#backwardBatch} only.
   *
   * @throws IllegalStateException in {@link BatchOp#forwardBatch}
   */
  double grad(int k);

  /**
   * Adds {@code value}, which is {@code grad(k)} times ∂output/∂input<sub>i</sub>, into the
   * gradient of input {@code i} of node {@code k}: in {@link BatchOp#backwardBatch} only.
   *
   * @throws IllegalStateException in {@link BatchOp#forwardBatch}
   */
  void addInputGrad(int k, int i, double value);

  /**
   * Where node {@code k}'s inputs {@code from}, {@code from + step}, {@code from + 2·step}, … (up
   * to its last) lie side by side in {@link #data()}, and in {@link #grads()} on the backward pass:
   * the place of input {@code from}, the next one's being that plus one, and so on; -1 if they do
   * not, or if this view does not tell (its default). An op that reads many inputs, as {@code
   * linear} does, may then read and add into those arrays directly, without a call per input. On
   * the backward pass, -1 also if one of those inputs wants no gradient (a constant's never
   * changes). A {@code step} that goes past the node's last input asks for input {@code from}'s
   * place alone, wherever it lies: {@code consecutiveInputs(k, 0, inputCount(k))}, a bias's.
   */
  default int consecutiveInputs(int k, int from, int step) {
    return -1;
  }

  /**
   * {@link #consecutiveInputs} of every node at once: element {@code k} of the array, for {@code k
   * < size()}, is {@code consecutiveInputs(k, from, step)}, so that an op may loop over a run with
   * no call per node. Read only, valid during this call. The default asks {@link
   * #consecutiveInputs} node by node into a new array; a replay computes it once per run and
   * question, at its first pass, and allocates nothing after.
   */
  default int[] consecutiveInputsOfAll(int from, int step) {
    int[] places = new int[size()];
    for (int k = 0; k < places.length; k++) {
      places[k] = consecutiveInputs(k, from, step);
    }
    return places;
  }

  /**
   * The data of the places that {@link #consecutiveInputs} gives: read only, valid during this
   * call.
   *
   * @throws UnsupportedOperationException if this view gives no places
   */
  default double[] data() {
    throw new UnsupportedOperationException("this view gives no places");
  }

  /**
   * The gradients of the places that {@link #consecutiveInputs} gives, to add into, in the order
   * that {@link #addInputGrad} would: on the backward pass only.
   *
   * @throws IllegalStateException on the forward pass
   * @throws UnsupportedOperationException if this view gives no places
   */
  default double[] grads() {
    throw new UnsupportedOperationException("this view gives no places");
  }
}
