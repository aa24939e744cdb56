package dev.opgrad;

import dev.opgrad.NumberedGraph.Extent;

/**
 * Hessian-vector products of one output by Pearlmutter's method: forward mode over the reverse
 * pass, without building the gradient as a graph. The graph is numbered once with every node's
 * local gradients, as numbers and as values ({@link NumberedGraph}), and its gradient ḡ, the
 * adjoints, computed once. A product along a direction v is then one forward-mode pass, giving
 * the tangent of every node and of every local gradient ∂node/∂input, and one reverse pass
 * carrying the tangents of the adjoints: at each edge of node k into input j, ġ<sub>j</sub> +=
 * ġ<sub>k</sub> · ∂k/∂j + ḡ<sub>k</sub> · tangent of ∂k/∂j. At the inputs, ġ is H·v.
 */
final class Curvature {

  private final NumberedGraph graph;
  private final double[] adjoint;
  private final int root;

  /**
   * @param inputs distinct leaves that want a gradient
   * @throws IllegalStateException if an op fails or cannot give its local gradients as values
   */
  Curvature(Value output, Value[] inputs) {
    graph = new NumberedGraph(new Value[] {output}, inputs, Extent.SECOND_ORDER);
    root = graph.rootIndex[0];
    adjoint = new double[graph.size];
    if (root >= 0) {
      adjoint[root] = 1;
      reverse(adjoint, null, null);
    }
  }

  /** Returns the Hessian times {@code direction}, one number per input. */
  double[] hvp(double[] direction) {
    double[] product = new double[direction.length];
    if (root < 0) {
      return product;
    }
    double[] tangent = graph.push(direction);
    double[] adjointTangent = new double[graph.size];
    reverse(adjointTangent, adjoint, tangent);
    for (int i = 0; i < product.length; i++) {
      int index = graph.inputIndex[i];
      product[i] = index >= 0 ? adjointTangent[index] : 0;
    }
    return product;
  }

  /**
   * The reverse pass over the graph's own nodes, from the root down, each input's sum in the order
   * that {@link Value#backward()} sums it: adds into {@code sums} the adjoints (no {@code adjoint})
   * or the tangents of the adjoints ({@code adjoint} and the nodes' {@code tangent}s given).
   */
  private void reverse(double[] sums, double[] adjoint, double[] tangent) {
    boolean[] depends = graph.depends;
    boolean[] ofGraph = graph.ofGraph;
    int[] edgeStart = graph.edgeStart;
    int[] edgeInput = graph.edgeInput;
    double[] locals = graph.localGrads;
    int[] localValue = graph.localValue;
    for (int k = root; k >= 0; k--) {
      // A leaf has no edges.
      if (!depends[k] || !ofGraph[k]) {
        continue;
      }
      double sum = sums[k];
      for (int edge = edgeStart[k]; edge < edgeStart[k + 1]; edge++) {
        int input = edgeInput[edge];
        if (input < 0) {
          continue;
        }
        double term = sum * locals[edge];
        if (adjoint != null) {
          int local = localValue[edge];
          if (local >= 0) {
            term += adjoint[k] * tangent[local];
          }
        }
        sums[input] += term;
      }
    }
  }
}
