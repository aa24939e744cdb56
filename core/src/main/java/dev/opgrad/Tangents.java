package dev.opgrad;

import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * Forward mode over a recorded graph: the directional derivative of every node along a direction
 * in the inputs, from each op's {@link Op#localGrad}, so that every op supports it with nothing
 * more to write. The local gradients are computed once, under {@link NodeRules}, and each {@link
 * #push} is then a sum of products per node: a Hessian pushes one direction per input.
 */
final class Tangents {

  private final NumberedGraph graph;
  private final double[] locals; // per edge of a node that depends on the inputs

  Tangents(Value[] roots, Value[] inputs) {
    graph = new NumberedGraph(roots, inputs);
    locals = new double[graph.edgeStart[graph.order.length]];
    boolean detect = Anomalies.isDetecting();
    double[] scratch = new double[4];
    double[][] dataByCount = new double[4][]; // exactly as many as the node's inputs, as backward
    for (int k = 0; k < graph.order.length; k++) {
      Value node = graph.order[k];
      if (!graph.depends[k] || node.isLeaf()) {
        continue;
      }
      int arity = node.inputCount();
      if (arity >= dataByCount.length) {
        dataByCount = Arrays.copyOf(dataByCount, arity + 1);
      }
      if (dataByCount[arity] == null) {
        dataByCount[arity] = new double[arity];
      }
      double[] data = dataByCount[arity];
      for (int i = 0; i < arity; i++) {
        data[i] = node.input(i).data();
      }
      if (scratch.length < arity) {
        scratch = new double[arity];
      }
      try {
        // A gradient of 1: the rules then check the local gradients themselves under detection.
        NodeRules.localGrads(
            node.op(), data, node.constantsArray(), node.data(), 1, scratch, detect);
      } catch (NodeFailure failure) {
        throw failure.describedBy(new EagerBackward.Names(roots[0]), node);
      }
      System.arraycopy(scratch, 0, locals, graph.edgeStart[k], arity);
    }
  }

  /**
   * Returns the derivative of each root along {@code direction}, one number per input, in the
   * order of the inputs: ∑<sub>i</sub> ∂root/∂input<sub>i</sub> · direction<sub>i</sub>.
   */
  double[] push(double[] direction) {
    double[] tangent = new double[graph.order.length];
    for (int i = 0; i < direction.length; i++) {
      if (graph.inputIndex[i] >= 0) {
        tangent[graph.inputIndex[i]] = direction[i];
      }
    }
    for (int k = 0; k < graph.order.length; k++) {
      if (!graph.depends[k] || graph.order[k].isLeaf()) {
        continue;
      }
      double sum = 0;
      for (int edge = graph.edgeStart[k]; edge < graph.edgeStart[k + 1]; edge++) {
        int input = graph.edgeInput[edge];
        if (input >= 0) {
          sum += locals[edge] * tangent[input];
        }
      }
      tangent[k] = sum;
    }
    double[] roots = new double[graph.rootIndex.length];
    for (int r = 0; r < roots.length; r++) {
      int index = graph.rootIndex[r];
      roots[r] = index >= 0 ? tangent[index] : 0;
    }
    return roots;
  }
}
