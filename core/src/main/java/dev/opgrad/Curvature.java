package dev.opgrad;

import dev.opgrad.NumberedGraph.Extent;

/**
 * Hessian-vector products of one output by Pearlmutter's method: forward mode over the reverse
 * pass, without building the gradient as a graph. The graph is numbered once with every node's
 * local gradients, as numbers and as values ({@link NumberedGraph}). A product along a direction
 * v is then one forward-mode pass, giving the derivative along v of every node and so of every
 * local gradient ∂k/∂j, and one reverse pass that carries the adjoints ḡ, the gradient of the
 * output, with their derivatives along v: at each edge of node k into input j, ḡ<sub>j</sub> +=
 * ḡ<sub>k</sub> · ∂k/∂j and ġ<sub>j</sub> += ġ<sub>k</sub> · ∂k/∂j + ḡ<sub>k</sub> · (∂k/∂j)˙.
 * At the inputs, ġ is H·v.
 */
final class Curvature {

  private final NumberedGraph graph;
  private final int root;

  /**
   * @param inputs distinct leaves that want a gradient
   * @throws IllegalStateException if an op fails or cannot give its local gradients as values
   */
  Curvature(Value output, Value[] inputs) {
    graph = new NumberedGraph(new Value[] {output}, inputs, Extent.SECOND_ORDER);
    root = graph.rootIndex[0];
  }

  /** Returns the Hessian times {@code direction}, one number per input. */
  double[] hvp(double[] direction) {
    double[] product = new double[direction.length];
    if (root < 0) {
      return product;
    }
    double[] tangent = graph.push(direction);
    double[] adjoint = new double[graph.size];
    double[] adjointTangent = new double[graph.size];
    adjoint[root] = 1;
    boolean[] depends = graph.depends;
    boolean[] ofGraph = graph.ofGraph;
    int[] edgeStart = graph.edgeStart;
    int[] edgeInput = graph.edgeInput;
    double[] locals = graph.localGrads;
    int[] localValue = graph.localValue;
    // From the root down, each input's sums in the order that Value.backward() sums them.
    for (int k = root; k >= 0; k--) {
      if (!depends[k] || !ofGraph[k]) { // a leaf has no edges
        continue;
      }
      for (int edge = edgeStart[k]; edge < edgeStart[k + 1]; edge++) {
        int input = edgeInput[edge];
        if (input < 0) {
          continue;
        }
        adjoint[input] += adjoint[k] * locals[edge];
        double term = adjointTangent[k] * locals[edge];
        int local = localValue[edge];
        if (local >= 0) {
          term += adjoint[k] * tangent[local];
        }
        adjointTangent[input] += term;
      }
    }
    System.arraycopy(adjointTangent, 0, product, 0, product.length); // the inputs' numbers
    return product;
  }
}
