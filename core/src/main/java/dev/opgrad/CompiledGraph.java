package dev.opgrad;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * A graph captured once and replayed: for computations whose shape does not change from one step to
 * the next, such as an MLP's training step on a fixed batch, this replaces rebuilding the graph of
 * {@link Value}s each step.
 *
 * <p>{@link #capture} flattens the graph below a root into arrays (each node's op, constants and
 * input indices; every node's data and gradient) and binds the replay to two lists of its leaves:
 * the parameters, and the feeds, leaves whose data changes between steps (the examples of a
 * mini-batch). The replay reads their {@link Value}s' data at every {@link #forward()} and adds
 * into their gradients at every {@link #backward()}, as the eager pass does, so an optimizer of
 * {@link dev.opgrad.nn} drives a replay as it drives the eager graph, allocating nothing. Every
 * other leaf keeps the data it had at capture.
 *
 * <p>The capture orders the nodes so that independent nodes of one op form runs (the same neuron of
 * every sample of a batch), and the replay computes a run of a {@link dev.opgrad.spi.BatchOp} in
 * one call; other ops, plugins included, node by node. The numbers are bit-identical to building
 * the same graph eagerly from the same leaf data and calling {@link Value#backward()}: the replay
 * applies the eager engine's rules to every node, batch methods give what those rules give node by
 * node, and the order keeps the consumers of every node in the eager order, so that each gradient
 * sums the same terms in the same order. Anomaly detection, failures and their messages are the
 * eager engine's too.
 *
 * <pre>{@code
 * CompiledGraph step = CompiledGraph.capture(loss, model.parameters());
 * Optimizer adam = Adam.builder(model.parameters()).build();
 * for (int k = 0; k < 100; k++) {
 *   double lossValue = step.forward();
 *   adam.zeroGrad();
 *   step.backward();
 *   adam.step();
 * }
 * }</pre>
 *
 * <p>The captured nodes other than the parameters and feeds are not changed by a replay. A compiled
 * graph is not thread-safe; use one per thread, and do not backpropagate its parameters' eager
 * graph on another thread meanwhile.
 *
 * <p><b>Experimental:</b> this class may change incompatibly in a minor release; the eager API of
 * {@link Value} is stable.
 */
public final class CompiledGraph {

  private final Tape tape;
  // The leaves the replay is bound to, the parameters then the feeds, and their slots in the tape.
  private final Value[] bound;
  private final int[] slots;
  private final int parameterCount;

  private CompiledGraph(Tape tape, Value[] bound, int[] slots, int parameterCount) {
    this.tape = tape;
    this.bound = bound;
    this.slots = slots;
    this.parameterCount = parameterCount;
  }

  /**
   * Captures the graph below {@code root} with the leaves {@code parameters}, as {@link
   * #capture(Value, List, List)} does with no feeds.
   */
  public static CompiledGraph capture(Value root, List<Value> parameters) {
    return capture(root, parameters, List.of());
  }

  /**
   * Captures the graph below {@code root}. {@code parameters} are the leaves that {@link #step}
   * updates from their gradients; {@code feeds} are leaves whose data the caller sets between steps
   * (the examples of a mini-batch, say). Each is referred to by its position in its list.
   *
   * @throws IllegalArgumentException if one of them is not a leaf of the graph, or is listed twice
   */
  public static CompiledGraph capture(Value root, List<Value> parameters, List<Value> feeds) {
    checkNotNull(root, "root");
    checkNotNull(parameters, "parameters");
    checkNotNull(feeds, "feeds");
    List<Value> leaves = new ArrayList<>(parameters);
    leaves.addAll(feeds);
    int[] indices = new int[leaves.size()];
    Value[] order = EagerBackward.markedOrder(new Value[] {root}, false, false);
    Tape tape;
    try {
      // Number the nodes in their marks, 1, 2, ..., so that inputs are found without a hash map
      // (the order leaves them marked, which the numbers replace).
      for (int n = 0; n < order.length; n++) {
        order[n].setMark(n + 1);
      }
      tape = flatten(order);
      for (int i = 0; i < indices.length; i++) {
        indices[i] = checkNotNull(leaves.get(i), "leaf %s is null", i).mark() - 1;
      }
    } finally {
      for (Value node : order) {
        node.setMark(0);
      }
    }
    boolean[] seen = new boolean[tape.size()];
    for (int i = 0; i < indices.length; i++) {
      Value leaf = leaves.get(i);
      checkArgument(indices[i] >= 0, "%s is not part of the graph below %s", leaf, root);
      indices[i] = tape.indexOf(indices[i]);
      if (!tape.isLeaf(indices[i])) {
        throw new IllegalArgumentException(leaf.describe() + " is not a leaf");
      }
      if (seen[indices[i]]) {
        throw new IllegalArgumentException(leaf.describe() + " is listed twice");
      }
      seen[indices[i]] = true;
    }
    return new CompiledGraph(tape, leaves.toArray(new Value[0]), indices, parameters.size());
  }

  /** Flattens nodes in topological order whose marks hold their positions plus one. */
  private static Tape flatten(Value[] order) {
    int size = order.length;
    Op[] ops = new Op[size];
    double[][] constants = new double[size][];
    int[] inputStart = new int[size + 1];
    double[] data = new double[size];
    String[] labels = new String[size];
    boolean[] wantsGrad = new boolean[size];
    int edges = 0;
    for (Value node : order) {
      edges += node.inputCount();
    }
    int[] inputIndex = new int[edges];
    int edge = 0;
    for (int n = 0; n < size; n++) {
      Value node = order[n];
      ops[n] = node.op();
      constants[n] = node.constantsArray(); // shared: neither side ever writes it
      data[n] = node.data();
      labels[n] = node.label();
      wantsGrad[n] = node.requiresGrad();
      inputStart[n] = edge;
      Value[] wide = node.wideInputs(); // read once: a neuron has many inputs
      if (wide != null) {
        for (Value input : wide) {
          inputIndex[edge++] = input.mark() - 1;
        }
      } else if (node.input0() != null) {
        inputIndex[edge++] = node.input0().mark() - 1;
        if (node.input1() != null) {
          inputIndex[edge++] = node.input1().mark() - 1;
        }
      }
    }
    inputStart[size] = edge;
    return Tape.of(ops, constants, inputStart, inputIndex, data, labels, wantsGrad);
  }


  /** The number of nodes captured, leaves included. */
  public int size() {
    return tape.size();
  }

  /** The current data of parameter {@code i}: its {@link Value}'s. */
  public double parameter(int i) {
    return bound[checkElementIndex(i, parameterCount, "parameter")].data();
  }

  /**
   * Sets the data of parameter {@code i}, its {@link Value}'s; takes effect at the next {@link
   * #forward()}.
   */
  public void setParameter(int i, double data) {
    bound[checkElementIndex(i, parameterCount, "parameter")].setData(data);
  }

  /**
   * Sets the data of feed {@code i}, its {@link Value}'s; takes effect at the next {@link
   * #forward()}.
   */
  public void setFeed(int i, double data) {
    bound[parameterCount + checkElementIndex(i, bound.length - parameterCount, "feed")]
        .setData(data);
  }

  /**
   * Recomputes every node from the leaves' data: the current data of the parameters' and feeds'
   * {@link Value}s, and every other leaf's data at capture.
   *
   * @return the root's new data
   * @throws IllegalArgumentException if an op rejects its inputs
   * @throws AnomalyException if anomaly detection is on and an output is NaN or infinite
   * @throws IllegalStateException if a {@link dev.opgrad.spi.BatchOp} fails on a run of nodes
   *     though each of them alone succeeds
   */
  public double forward() {
    for (int b = 0; b < bound.length; b++) {
      tape.setData(slots[b], bound[b].data());
    }
    return tape.forward();
  }

  /** The root's data as of the last {@link #forward()} (its captured data before any). */
  public double output() {
    return tape.data(tape.size() - 1);
  }

  /**
   * Backpropagates from the root at the data of the last {@link #forward()}, as {@link
   * Value#backward()} does, into the parameters' and feeds' {@link Value}s: each one's gradient is
   * <em>increased</em> by ∂root/∂leaf, in the same additions as the eager pass's, so that any
   * {@link dev.opgrad.nn.Optimizer} drives a replay as it drives the eager graph ({@code
   * optimizer.zeroGrad()} between steps).
   *
   * @throws IllegalStateException if an op's local gradient throws
   * @throws AnomalyException if anomaly detection is on and a local gradient, or a gradient passed
   *     to an input, is NaN or infinite
   */
  public void backward() {
    for (int b = 0; b < bound.length; b++) {
      tape.setGrad(slots[b], bound[b].grad());
    }
    tape.backward();
    for (int b = 0; b < bound.length; b++) {
      if (bound[b].requiresGrad()) {
        bound[b].setGrad(tape.grad(slots[b]));
      }
    }
  }

  /** Sets the gradient of every parameter and feed to 0, as {@link Value#zeroGrad()} does. */
  public void zeroGrad() {
    for (Value leaf : bound) {
      leaf.zeroGrad();
    }
  }

  /** The gradient of parameter {@code i}: its {@link Value}'s. */
  public double grad(int i) {
    return bound[checkElementIndex(i, parameterCount, "parameter")].grad();
  }

  /** The gradient of feed {@code i}: its {@link Value}'s. */
  public double feedGrad(int i) {
    return bound[parameterCount + checkElementIndex(i, bound.length - parameterCount, "feed")]
        .grad();
  }

  /**
   * Gradient descent: {@code p -= learningRate * grad(p)} for every parameter, as micrograd's
   * training loop updates {@code p.data}; a shortcut for {@link dev.opgrad.nn.Sgd}.
   */
  public void step(double learningRate) {
    for (int i = 0; i < parameterCount; i++) {
      bound[i].setData(bound[i].data() - learningRate * bound[i].grad());
    }
  }

  /** Returns the parameters' current data, in order. */
  public double[] parameters() {
    double[] data = new double[parameterCount];
    for (int i = 0; i < data.length; i++) {
      data[i] = bound[i].data();
    }
    return data;
  }

  @Override
  public String toString() {
    return "CompiledGraph("
        + size()
        + " nodes, "
        + parameterCount
        + " parameters, "
        + (bound.length - parameterCount)
        + " feeds)";
  }
}
