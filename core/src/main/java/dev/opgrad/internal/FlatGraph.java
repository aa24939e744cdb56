package dev.opgrad.internal;

import com.google.common.primitives.ImmutableDoubleArray;
import dev.opgrad.Value;
import dev.opgrad.spi.Op;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph flattened into arrays, node {@code n} after all of its inputs: its op ({@code null} for
 * a leaf), its constants, the indices of its inputs, and its data and gradient. {@link #forward()}
 * and {@link #backward()} walk the arrays in the order the eager engine walks the graph and call
 * the same {@link Op} methods with the same numbers, so they give bit-identical results, and they
 * allocate nothing.
 */
public final class FlatGraph {

  private static final double[] NO_CONSTANTS = {};

  private final Op[] ops;
  private final double[][] constants;
  private final int[] inputStart; // node n's inputs are inputIndex[inputStart[n] .. inputStart[n + 1])
  private final int[] inputIndex;
  private final double[] data;
  private final double[] grad;
  private final Value[] nodes; // kept for error messages only
  private final double[] scratchInputs;
  private final double[] scratchGrads;

  private FlatGraph(Value[] order) {
    int size = order.length;
    Map<Value, Integer> index = new IdentityHashMap<>(size * 2);
    ops = new Op[size];
    constants = new double[size][];
    inputStart = new int[size + 1];
    data = new double[size];
    grad = new double[size];
    nodes = order;
    int[] inputs = new int[size * 2];
    int edge = 0;
    int maxArity = 1;
    for (int n = 0; n < size; n++) {
      Value node = order[n];
      index.put(node, n);
      ops[n] = node.op();
      ImmutableDoubleArray nodeConstants = node.constants();
      constants[n] = nodeConstants.isEmpty() ? NO_CONSTANTS : nodeConstants.toArray();
      data[n] = node.data();
      inputStart[n] = edge;
      List<Value> nodeInputs = node.inputs();
      maxArity = Math.max(maxArity, nodeInputs.size());
      if (edge + nodeInputs.size() > inputs.length) {
        inputs = Arrays.copyOf(inputs, Math.max(inputs.length * 2, edge + nodeInputs.size()));
      }
      for (Value input : nodeInputs) {
        inputs[edge++] = index.get(input); // present: inputs come first in a topological order
      }
    }
    inputStart[size] = edge;
    inputIndex = Arrays.copyOf(inputs, edge);
    scratchInputs = new double[maxArity];
    scratchGrads = new double[maxArity];
  }

  /**
   * Flattens a graph given in topological order, every node after its inputs and the root last,
   * as {@code Value.backward()} orders it.
   */
  public static FlatGraph of(Value[] topologicalOrder) {
    return new FlatGraph(topologicalOrder.clone());
  }

  /** The index of each of {@code values} in this graph, or -1 where it is not part of it. */
  public int[] indicesOf(List<Value> values) {
    Map<Value, Integer> index = new IdentityHashMap<>(nodes.length * 2);
    for (int n = 0; n < nodes.length; n++) {
      index.put(nodes[n], n);
    }
    return values.stream().mapToInt(v -> index.getOrDefault(v, -1)).toArray();
  }

  /** The number of nodes. */
  public int size() {
    return ops.length;
  }

  /** Whether node {@code n} is a leaf. */
  public boolean isLeaf(int n) {
    return ops[n] == null;
  }

  /** Node {@code n}'s data. */
  public double data(int n) {
    return data[n];
  }

  /** Sets node {@code n}'s data, which {@link #forward()} recomputes unless it is a leaf. */
  public void setData(int n, double value) {
    data[n] = value;
  }

  /** Node {@code n}'s gradient from the last {@link #backward()}. */
  public double grad(int n) {
    return grad[n];
  }

  /** Recomputes every non-leaf node from its inputs, in order; returns the root's data. */
  public double forward() {
    double[] in = scratchInputs;
    for (int n = 0; n < ops.length; n++) {
      Op op = ops[n];
      if (op == null) {
        continue;
      }
      int first = inputStart[n];
      int arity = inputStart[n + 1] - first;
      try {
        // One call site per common arity: each sees few op classes, so the JIT can inline them.
        if (arity == 2) {
          in[0] = data[inputIndex[first]];
          in[1] = data[inputIndex[first + 1]];
          data[n] = op.forward(in, constants[n]);
        } else if (arity == 1) {
          in[0] = data[inputIndex[first]];
          data[n] = op.forward(in, constants[n]);
        } else {
          gatherInputs(n);
          data[n] = op.forward(in, constants[n]);
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(failure(n, "failed on", e), e);
      }
    }
    return data[ops.length - 1];
  }

  /**
   * Sets every gradient to ∂root/∂node, the root's to 1: the eager backward pass on leaves whose
   * gradients were zero.
   */
  public void backward() {
    Arrays.fill(grad, 0);
    int root = ops.length - 1;
    grad[root] = 1;
    double[] in = scratchInputs;
    double[] local = scratchGrads;
    for (int n = root; n >= 0; n--) {
      Op op = ops[n];
      if (op == null) {
        continue;
      }
      int first = inputStart[n];
      int arity = inputStart[n + 1] - first;
      double g = grad[n];
      try {
        if (arity == 2) {
          int a = inputIndex[first];
          int b = inputIndex[first + 1];
          in[0] = data[a];
          in[1] = data[b];
          op.localGrad(in, constants[n], data[n], local);
          grad[a] += g * local[0];
          grad[b] += g * local[1];
        } else if (arity == 1) {
          int a = inputIndex[first];
          in[0] = data[a];
          op.localGrad(in, constants[n], data[n], local);
          grad[a] += g * local[0];
        } else {
          gatherInputs(n);
          op.localGrad(in, constants[n], data[n], local);
          for (int i = 0; i < arity; i++) {
            grad[inputIndex[first + i]] += g * local[i];
          }
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(failure(n, "failed computing its local gradient at", e), e);
      }
    }
  }

  private void gatherInputs(int n) {
    for (int e = inputStart[n], i = 0; e < inputStart[n + 1]; e++, i++) {
      scratchInputs[i] = data[inputIndex[e]];
    }
  }

  private String failure(int n, String what, RuntimeException cause) {
    gatherInputs(n);
    double[] inputs = Arrays.copyOf(scratchInputs, inputStart[n + 1] - inputStart[n]);
    String label = nodes[n].label() == null ? "" : " for '" + nodes[n].label() + "'";
    return String.format(
        "op '%s' %s %s%s%s: %s",
        ops[n].name(),
        what,
        Arrays.toString(inputs),
        constants[n].length == 0 ? "" : " with constants " + Arrays.toString(constants[n]),
        label,
        cause.getMessage());
  }
}
