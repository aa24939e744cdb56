package dev.opgrad;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.opgrad.internal.FlatGraph;
import dev.opgrad.spi.Op;
import java.util.Arrays;
import java.util.List;

/**
 * A graph captured once and replayed: for computations whose shape does not change from one step to
 * the next, such as an MLP's training step on a fixed batch, this replaces rebuilding the graph of
 * {@link Value}s each step.
 *
 * <p>{@link #capture} flattens the graph below a root into arrays (each node's op, constants and
 * input indices; every node's data and gradient). Then each step sets the leaves that change
 * ({@link #setParameter}, {@link #setInput}), runs {@link #forward()} and {@link #backward()},
 * reads the gradients ({@link #grad}) and updates the parameters ({@link #step}), allocating
 * nothing. Every other leaf keeps the data it had at capture.
 *
 * <p>The capture orders the nodes so that independent nodes of one op form runs (the same neuron of
 * every sample of a batch), and the replay computes a run of a {@link dev.opgrad.spi.BatchOp} in
 * one call; other ops, plugins included, node by node. The numbers are bit-identical to building
 * the same graph eagerly from the same leaf data and calling {@link Value#backward()} after zeroing
 * the leaves' gradients: batch methods give what the per-node methods give, and the order keeps the
 * consumers of every node in the eager order, so that each gradient sums the same terms in the same
 * order.
 *
 * <pre>{@code
 * CompiledGraph step = CompiledGraph.capture(loss, parameters);
 * for (int k = 0; k < 100; k++) {
 *   double lossValue = step.forward();
 *   step.backward();
 *   step.step(learningRate);
 * }
 * }</pre>
 *
 * <p>The captured {@link Value}s are not changed by a replay. A compiled graph is not thread-safe;
 * use one per thread.
 */
public final class CompiledGraph {

  private final FlatGraph graph;
  private final int[] parameters;
  private final int[] inputs;

  private CompiledGraph(FlatGraph graph, int[] parameters, int[] inputs) {
    this.graph = graph;
    this.parameters = parameters;
    this.inputs = inputs;
  }

  /**
   * Captures the graph below {@code root} with the leaves {@code parameters}, as {@link
   * #capture(Value, List, List)} does with no inputs.
   */
  public static CompiledGraph capture(Value root, List<Value> parameters) {
    return capture(root, parameters, ImmutableList.of());
  }

  /**
   * Captures the graph below {@code root}. {@code parameters} are the leaves that {@link #step}
   * updates from their gradients; {@code inputs} are leaves whose data the caller sets between
   * steps (a mini-batch, say). Each is referred to by its position in its list.
   *
   * @throws IllegalArgumentException if one of them is not a leaf of the graph, or is listed twice
   */
  public static CompiledGraph capture(Value root, List<Value> parameters, List<Value> inputs) {
    checkNotNull(root, "root");
    checkNotNull(parameters, "parameters");
    checkNotNull(inputs, "inputs");
    ImmutableList<Value> leaves =
        ImmutableList.<Value>builder().addAll(parameters).addAll(inputs).build();
    Value[] order = Backward.topologicalOrder(root);
    int[] indices = new int[leaves.size()];
    FlatGraph graph;
    try {
      // Number the nodes in their marks, 1, 2, ..., so that inputs are found without a hash map.
      for (int n = 0; n < order.length; n++) {
        order[n].mark = n + 1;
      }
      graph = flatten(order);
      for (int i = 0; i < indices.length; i++) {
        indices[i] = checkNotNull(leaves.get(i), "leaf %s is null", i).mark - 1;
      }
    } finally {
      for (Value node : order) {
        node.mark = 0;
      }
    }
    boolean[] seen = new boolean[graph.size()];
    for (int i = 0; i < indices.length; i++) {
      Value leaf = leaves.get(i);
      checkArgument(indices[i] >= 0, "%s is not part of the graph below %s", leaf, root);
      indices[i] = graph.indexOf(indices[i]);
      if (!graph.isLeaf(indices[i])) {
        throw new IllegalArgumentException(leaf.describe() + " is not a leaf");
      }
      if (seen[indices[i]]) {
        throw new IllegalArgumentException(leaf.describe() + " is listed twice");
      }
      seen[indices[i]] = true;
    }
    int[] parameterIndices = Arrays.copyOfRange(indices, 0, parameters.size());
    int[] inputIndices = Arrays.copyOfRange(indices, parameters.size(), indices.length);
    return new CompiledGraph(graph, parameterIndices, inputIndices);
  }

  /** Flattens nodes in topological order whose marks hold their positions plus one. */
  private static FlatGraph flatten(Value[] order) {
    int size = order.length;
    Op[] ops = new Op[size];
    double[][] constants = new double[size][];
    int[] inputStart = new int[size + 1];
    double[] data = new double[size];
    String[] labels = new String[size];
    int[] inputIndex = new int[size * 2];
    int edge = 0;
    for (int n = 0; n < size; n++) {
      Value node = order[n];
      ops[n] = node.op();
      constants[n] = node.constantsArray(); // shared: neither side ever writes it
      data[n] = node.data();
      labels[n] = node.label();
      inputStart[n] = edge;
      int arity = node.inputCount();
      if (edge + arity > inputIndex.length) {
        inputIndex = Arrays.copyOf(inputIndex, Math.max(inputIndex.length * 2, edge + arity));
      }
      for (int i = 0; i < arity; i++) {
        inputIndex[edge++] = node.input(i).mark - 1;
      }
    }
    inputStart[size] = edge;
    return FlatGraph.of(ops, constants, inputStart, Arrays.copyOf(inputIndex, edge), data, labels);
  }

  /** The number of nodes captured, leaves included. */
  public int size() {
    return graph.size();
  }

  /** The number of parameters. */
  public int parameterCount() {
    return parameters.length;
  }

  /** The current data of parameter {@code i}. */
  public double parameter(int i) {
    return graph.data(parameters[i]);
  }

  /** Sets the data of parameter {@code i}; takes effect at the next {@link #forward()}. */
  public void setParameter(int i, double data) {
    graph.setData(parameters[i], data);
  }

  /** Sets the data of input {@code i}; takes effect at the next {@link #forward()}. */
  public void setInput(int i, double data) {
    graph.setData(inputs[i], data);
  }

  /**
   * Recomputes every node from the leaves' current data.
   *
   * @return the root's new data
   * @throws IllegalArgumentException if an op rejects its inputs
   * @throws IllegalStateException if a {@link dev.opgrad.spi.BatchOp} fails on a run of nodes
   *     though its per-node {@code forward} accepts each of them
   */
  public double forward() {
    return graph.forward();
  }

  /** The root's data as of the last {@link #forward()} (its captured data before any). */
  public double output() {
    return graph.data(graph.size() - 1);
  }

  /**
   * Computes the gradient of the root with respect to every node from the data of the last {@link
   * #forward()}. Unlike {@link Value#backward()}, gradients are not accumulated from one call to
   * the next: each call gives this pass's gradients, as the eager pass does on leaves whose
   * gradients were zeroed.
   *
   * @throws IllegalStateException if an op's local gradient throws
   */
  public void backward() {
    graph.backward();
  }

  /** The gradient of parameter {@code i} from the last {@link #backward()}; 0 before any. */
  public double grad(int i) {
    return graph.grad(parameters[i]);
  }

  /** The gradient of input {@code i} from the last {@link #backward()}; 0 before any. */
  public double inputGrad(int i) {
    return graph.grad(inputs[i]);
  }

  /**
   * Gradient descent: {@code p -= learningRate * grad(p)} for every parameter, as micrograd's
   * training loop updates {@code p.data}.
   */
  public void step(double learningRate) {
    for (int parameter : parameters) {
      graph.setData(parameter, graph.data(parameter) - learningRate * graph.grad(parameter));
    }
  }

  /** Returns the parameters' current data, in order. */
  public double[] parameters() {
    double[] data = new double[parameters.length];
    for (int i = 0; i < data.length; i++) {
      data[i] = parameter(i);
    }
    return data;
  }

  @Override
  public String toString() {
    return "CompiledGraph("
        + size()
        + " nodes, "
        + parameters.length
        + " parameters, "
        + inputs.length
        + " inputs)";
  }
}
