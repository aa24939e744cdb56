package dev.opgrad;

import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * The part of a graph that leads from some leaves, the inputs, to some roots, numbered in one pass
 * so that {@link Gradients}' passes keep their per-node numbers in arrays instead of in the {@link
 * Value}s. For second order, the pass also computes, at each node that depends on the inputs, its
 * local gradients as numbers and, unless its op declares them constant, as values, numbering the
 * values' new nodes right after it, for {@link Curvature}. Building it marks the nodes and clears
 * the marks again before it returns.
 */
final class NumberedGraph {

  private static final Value[] NONE = {};
  private static final int WANTING_GRAD_UNMARKED = Value.visitedBits(true);

  /** What the numbering pass computes beyond the numbers. */
  enum Extent {
    /** The numbers, the edges and what depends on the inputs: for gradients as values. */
    NUMBERS,
    /** And the local gradients as numbers and as values: for second order, {@link #push}. */
    SECOND_ORDER
  }

  // Written by the constructor only; the arrays may be longer than the nodes and edges.

  /**
   * The numbered nodes: the inputs, numbered 0 to m − 1 in their order, then the computed nodes
   * below the roots that want a gradient, each after its inputs.
   */
  Value[] nodes;

  /** How many nodes are numbered. */
  int size;

  /** Node {@code k}'s inputs are the edges {@code edgeStart[k] .. edgeStart[k + 1] - 1}. */
  int[] edgeStart;

  /**
   * The number of each edge's input if that input depends on one of the inputs of the pass, else
   * −1: no derivative flows along the edge.
   */
  int[] edgeInput;

  /** Whether node {@code k} is one of the inputs or depends on one. */
  boolean[] depends;

  /**
   * For {@link Extent#SECOND_ORDER}, each edge's local gradient, at the edges of the nodes that
   * are not leaves and depend on the inputs; null otherwise. At the graph's own nodes, it is the
   * data of the local gradient as a value unless anomaly detection is on or the op declares its
   * local gradients constant, when {@link NodeRules} computes it (and checks it under detection):
   * the same number, by {@link HigherOrderOp}'s contract, for one op call less per node.
   */
  double[] localGrads;

  /**
   * For {@link Extent#SECOND_ORDER}, the number of each edge's local gradient as a value
   * if it depends on the inputs, else −1 (always for an op that declares its local gradients
   * constant), at the edges of the graph's own nodes that are not leaves and depend on the inputs
   * (the nodes of local gradients are numbered, not differentiated again); null otherwise.
   */
  int[] localValue;

  /**
   * Whether node {@code k} is a node of the graph, not of a local gradient's value; null unless
   * {@link Extent#SECOND_ORDER}.
   */
  boolean[] ofGraph;

  /** The number of each root, −1 for a root that wants no gradient. */
  final int[] rootIndex;

  private final LocalGradients locals; // for SECOND_ORDER
  private Value[][] valuesByCount = new Value[4][];
  private Value[] localOrder = NONE; // the local gradients' new nodes, marked while numbered
  private final Value[] inputs1 = new Value[1];
  private final Value[] inputs2 = new Value[2];
  private int edges;

  /**
   * @param inputs distinct leaves that want a gradient
   * @throws IllegalStateException if an op fails to give its local gradients
   */
  NumberedGraph(Value[] roots, Value[] inputs, Extent extent) {
    this.locals = extent == Extent.SECOND_ORDER ? new LocalGradients(roots[0]) : null;
    // The inputs are numbered first, each marked beforehand so that the ordering stops at it; the
    // ordering leaves out the other leaves, from which nothing flows.
    int m = inputs.length;
    for (int i = 0; i < m; i++) {
      inputs[i].setMark(i + 1);
    }
    Value[] order = NONE;
    boolean complete = false;
    try {
      order = EagerBackward.markedComputedOrderOfGraph(roots);
      int graphNodes = m + order.length;
      // Room for two inputs per node and for the local gradients' new nodes, one per four nodes:
      // growing copies three arrays of edges.
      int newNodes = extent == Extent.SECOND_ORDER ? order.length / 4 : 0;
      int capacity = graphNodes + newNodes;
      depends = new boolean[capacity];
      nodes = new Value[capacity];
      edgeStart = new int[capacity + 1];
      edgeInput = new int[16 + 2 * (order.length + newNodes)];
      if (extent == Extent.SECOND_ORDER) {
        localGrads = new double[edgeInput.length];
        localValue = new int[edgeInput.length];
        ofGraph = new boolean[capacity];
      }
      for (Value input : inputs) {
        int k = size++;
        nodes[k] = input;
        depends[k] = true;
        if (ofGraph != null) {
          ofGraph[k] = true;
        }
      }
      for (Value node : order) {
        int k = number(node);
        if (extent == Extent.SECOND_ORDER) {
          ofGraph[k] = true;
          if (depends[k]) {
            localGradients(k);
          }
        }
      }
      edgeStart[size] = edges;
      rootIndex = indices(roots);
      complete = true;
    } finally {
      // Every node of the order is numbered, unless the pass failed.
      for (int k = 0; k < size; k++) {
        nodes[k].setMark(0);
      }
      if (!complete) {
        for (Value input : inputs) {
          input.setMark(0);
        }
        for (Value node : order) {
          node.setMark(0);
        }
        for (Value node : localOrder) { // marked, perhaps not numbered
          node.setMark(0);
        }
      }
    }
  }

  /**
   * Returns the derivative of every node along {@code direction}, one number per input, for
   * {@link Extent#SECOND_ORDER}: forward mode over the local gradients the numbering computed.
   */
  double[] push(double[] direction) {
    double[] tangents = new double[size];
    System.arraycopy(direction, 0, tangents, 0, direction.length); // the inputs' numbers
    for (int k = direction.length; k < size; k++) {
      int edge = edgeStart[k];
      int count = edgeStart[k + 1] - edge;
      if (depends[k] && count > 0) { // a leaf has no edges
        tangents[k] = tangent(localGrads, edge, edgeInput, edge, count, tangents);
      }
    }
    return tangents;
  }

  /**
   * The forward-mode rule, the one place it is written: a node's derivative along a direction is
   * ∑ local gradient · derivative of the input, over the edges that carry one (input −1 carries
   * none). The node's {@code count} local gradients start at {@code locals[from]}, its edges'
   * inputs at {@code edgeInput[edge]}.
   */
  static double tangent(
      double[] locals, int from, int[] edgeInput, int edge, int count, double[] tangent) {
    double sum = 0;
    for (int i = 0; i < count; i++) {
      int input = edgeInput[edge + i];
      if (input >= 0) {
        sum += locals[from + i] * tangent[input];
      }
    }
    return sum;
  }

  /**
   * The local gradients of node {@code k} as values, for the inputs that depend on the leaves: a
   * {@link HigherOrderOp}'s own, else the numbers of {@link Op#localGrad} as {@link
   * FirstOrderGrad} nodes, which cannot be differentiated further. The array is valid until the
   * next call.
   */
  Value[] localGradValues(int k) {
    Value node = nodes[k];
    Op op = node.op();
    Value[] inputs = inputs(node);
    // The caller reads the values before the next node's: one array per count of inputs.
    if (inputs.length >= valuesByCount.length) {
      valuesByCount = Arrays.copyOf(valuesByCount, inputs.length + 1);
    }
    Value[] values = valuesByCount[inputs.length];
    if (values == null) {
      values = new Value[inputs.length];
      valuesByCount[inputs.length] = values;
    } else {
      Arrays.fill(values, null);
    }
    if (op instanceof HigherOrderOp) {
      try {
        ((HigherOrderOp) op).localGrad(inputs, node.constantsArray(), node, values);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "op '"
                + op.name()
                + "' failed giving its local gradient as values for "
                + node.describe()
                + " at "
                + Value.describeAll(inputs)
                + ": "
                + e.getMessage(),
            e);
      }
      for (int i = 0; i < inputs.length; i++) {
        if (values[i] == null && edgeInput[edgeStart[k] + i] >= 0) {
          throw new IllegalStateException(
              "op '"
                  + op.name()
                  + "' wrote no local gradient as a value for input "
                  + i
                  + " of "
                  + node.describe());
        }
      }
      return values;
    }
    Value[] inputsAndOutput = Arrays.copyOf(inputs, inputs.length + 1);
    inputsAndOutput[inputs.length] = node;
    for (int i = 0; i < inputs.length; i++) {
      if (edgeInput[edgeStart[k] + i] >= 0) {
        values[i] =
            EagerForward.compute(
                new FirstOrderGrad(op, i, inputs.length), inputsAndOutput, node.constantsArray());
      }
    }
    return values;
  }

  /**
   * Computes the local gradients of graph node {@code k}, which depends on the inputs, as numbers
   * and as values, and numbers the values' new nodes right after it.
   */
  private void localGradients(int k) {
    int from = edgeStart[k];
    if (declaresLocalGradsConstant(k)) {
      numericLocalGrads(k);
      Arrays.fill(localValue, from, edges, -1);
      return;
    }
    // Without anomaly detection, the numbers are the values' data (HigherOrderOp's contract): one
    // op call less per node. With it, NodeRules computes and checks them.
    boolean numbersFromValues = !locals.detects();
    if (!numbersFromValues) {
      numericLocalGrads(k);
    }
    Value[] values = localGradValues(k);
    localOrder = newNodes(values);
    for (Value localNode : localOrder) {
      int local = number(localNode);
      if (depends[local]) {
        numericLocalGrads(local);
      }
    }
    localOrder = NONE;
    for (int i = 0; i < values.length; i++) {
      Value value = values[i];
      int edge = from + i;
      int index = value != null ? value.mark() - 1 : -1;
      localValue[edge] = index >= 0 && depends[index] ? index : -1;
      if (numbersFromValues && edgeInput[edge] >= 0) {
        localGrads[edge] = value.data();
      }
    }
  }

  /** Whether node {@code k}'s op declares its local gradients constant: no value is needed. */
  private boolean declaresLocalGradsConstant(int k) {
    Op op = nodes[k].op();
    return op instanceof HigherOrderOp && ((HigherOrderOp) op).localGradsConstant();
  }

  /** Writes node {@code k}'s local gradients as numbers, through {@link NodeRules}. */
  private void numericLocalGrads(int k) {
    Value node = nodes[k];
    Value[] wide = node.wideInputs();
    locals.compute(node, node.input0(), node.input1(), wide);
    int from = edgeStart[k];
    System.arraycopy(locals.local, 0, localGrads, from, edges - from);
  }

  /**
   * Numbers {@code node}, whose inputs are numbered, and records its edges and whether it depends
   * on the inputs.
   */
  private int number(Value node) {
    int k = size++;
    if (k == nodes.length) {
      grow();
    }
    node.setMark(k + 1);
    nodes[k] = node;
    edgeStart[k] = edges;
    Value a = node.input0();
    Value b = node.input1();
    Value[] wide = node.wideInputs(); // every input, if there are more than two
    int arity = wide != null ? wide.length : b != null ? 2 : a != null ? 1 : 0;
    if (edgeInput.length - edges < arity) {
      growEdges(edges + arity);
    }
    boolean dependent = false;
    if (wide == null) {
      if (a != null) {
        dependent |= edge(edges, a);
      }
      if (b != null) {
        dependent |= edge(edges + 1, b);
      }
    } else {
      for (int i = 0; i < arity; i++) {
        dependent |= edge(edges + i, wide[i]);
      }
    }
    depends[k] = dependent;
    edges += arity;
    return k;
  }

  /**
   * Records {@code input} as the input of {@code edge}; returns whether it depends on the inputs.
   */
  private boolean edge(int edge, Value input) {
    int index = input.mark() - 1; // −1 for an input that wants no gradient
    boolean carries = index >= 0 && depends[index];
    edgeInput[edge] = carries ? index : -1;
    return carries;
  }

  /**
   * The inputs of {@code node} in an array for an op to read. One or two are lent in an array of
   * this graph's, which no node keeps (a node of two inputs holds them in fields); more are copied,
   * as a node of them applied by the op keeps its array.
   */
  private Value[] inputs(Value node) {
    Value[] wide = node.wideInputs();
    if (wide != null) {
      return wide.clone();
    }
    Value a = node.input0();
    Value b = node.input1();
    if (b != null) {
      inputs2[0] = a;
      inputs2[1] = b;
      return inputs2;
    }
    if (a != null) {
      inputs1[0] = a;
      return inputs1;
    }
    return NONE;
  }

  /**
   * The computed nodes of {@code values} not numbered yet, each after its inputs, marked. A leaf
   * among them (a weight, {@code mul}'s local gradient) is not an input: nothing flows from it.
   */
  private static Value[] newNodes(Value[] values) {
    int fresh = 0;
    for (Value value : values) {
      if (isNew(value)) {
        fresh++;
      }
    }
    if (fresh == 0) {
      return NONE;
    }
    Value[] roots = new Value[fresh];
    fresh = 0;
    for (Value value : values) {
      if (isNew(value)) {
        roots[fresh++] = value;
      }
    }
    return EagerBackward.markedComputedOrder(roots);
  }

  private static boolean isNew(Value value) {
    return value != null && value.unvisited(WANTING_GRAD_UNMARKED) && !value.isLeaf();
  }

  private void grow() {
    int capacity = nodes.length + nodes.length / 2 + 16;
    nodes = Arrays.copyOf(nodes, capacity);
    edgeStart = Arrays.copyOf(edgeStart, capacity + 1);
    depends = Arrays.copyOf(depends, capacity);
    if (ofGraph != null) {
      ofGraph = Arrays.copyOf(ofGraph, capacity);
    }
  }

  private void growEdges(int needed) {
    int capacity = Math.max(edgeInput.length + edgeInput.length / 2, needed);
    edgeInput = Arrays.copyOf(edgeInput, capacity);
    if (localGrads != null) {
      localGrads = Arrays.copyOf(localGrads, capacity);
    }
    if (localValue != null) {
      localValue = Arrays.copyOf(localValue, capacity);
    }
  }

  /** The number of each of {@code nodes} while the marks hold them, −1 for a node not numbered. */
  private static int[] indices(Value[] nodes) {
    int[] indices = new int[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      indices[i] = nodes[i].mark() - 1;
    }
    return indices;
  }
}
