package dev.opgrad;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derivatives beyond {@link Value#backward()}: gradients as graphs that can be differentiated again
 * (PyTorch's {@code torch.autograd.grad(…, create_graph=True)}), Hessians, Hessian-vector products
 * and forward-mode directional derivatives (PyTorch's {@code torch.autograd.functional}).
 *
 * <pre>{@code
 * Value x = Value.of(0.5);
 * Value y = x.tanh();
 * Value dy = Gradients.of(y, List.of(x)).get(0);    // 1 − tanh², a graph
 * Value d2y = Gradients.of(dy, List.of(x)).get(0);  // −2·tanh·(1 − tanh²), and so on
 * double[][] h = Gradients.hessian(f, List.of(a, b));
 * }</pre>
 *
 * <p>Every method differentiates with respect to {@code inputs}, distinct leaves that want a
 * gradient ({@link Value#of}); it reads the graph and changes no node's {@link Value#grad()}. An
 * input that {@code output} does not depend on gets 0, as with PyTorch's {@code
 * allow_unused=True} and {@code materialize_grads=True}: a {@linkplain Value#constant constant} 0
 * from {@link #of}. {@link #jvp} works with every op; the others differentiate the ops' local
 * gradients, which needs every op between the output and the inputs to be a {@link HigherOrderOp}:
 * through any other op, a second derivative fails with a message that names it.
 * <b>Experimental</b>: this class may change in a minor release.
 */
public final class Gradients {

  private Gradients() {}

  /**
   * Returns ∂output/∂input<sub>i</sub> for every input, as values whose graph can be differentiated
   * again, to any order. The gradients are built as {@link Value#backward()} computes them, in the
   * same order, so their data is what {@code backward()} would add to the inputs' gradients, bit
   * for bit where the ops' {@link HigherOrderOp#localGrad(Value[], double[], Value, Value[]) local
   * gradients as values} compute what their {@code localGrad} computes. Under {@link NoGrad}, they
   * are constants: the numbers without the graph.
   *
   * @throws IllegalArgumentException if an input is computed, a constant, or given twice
   * @throws IllegalStateException if an op fails to give its local gradients
   */
  public static List<Value> of(Value output, List<Value> inputs) {
    checkNotNull(output, "output");
    Value[] leaves = checkInputs(inputs);
    Value[] gradients = derivatives(output, leaves);
    List<Value> result = new ArrayList<>(leaves.length);
    for (Value gradient : gradients) {
      result.add(gradient != null ? gradient : Value.constant(0));
    }
    return List.copyOf(result);
  }

  /**
   * Returns the Hessian of {@code output}: the matrix of ∂²output/∂input<sub>i</sub>∂input<sub>j
   * </sub>, symmetric to rounding. It builds the gradients once, as {@link #of}, and pushes one
   * direction per input forward through them: about the cost of {@code n} {@link #hvp}s, less the
   * building of the gradients each time.
   *
   * @throws IllegalArgumentException if an input is computed, a constant, or given twice
   * @throws IllegalStateException if an op between the output and the inputs is not a {@link
   *     HigherOrderOp}, or an op fails
   */
  public static double[][] hessian(Value output, List<Value> inputs) {
    checkNotNull(output, "output");
    Value[] leaves = checkInputs(inputs);
    Tangents tangents = secondOrder(output, leaves);
    int n = leaves.length;
    double[][] hessian = new double[n][];
    double[][] columns = new double[n][];
    for (int j = 0; j < n; j++) {
      double[] direction = new double[n];
      direction[j] = 1;
      columns[j] = tangents.push(direction);
    }
    for (int i = 0; i < n; i++) {
      hessian[i] = new double[n];
      for (int j = 0; j < n; j++) {
        hessian[i][j] = columns[j][i];
      }
    }
    return hessian;
  }

  /**
   * Returns the Hessian of {@code output} times {@code vector} without forming the Hessian:
   * forward mode over the gradients' graph (forward over reverse), so it costs the gradients' graph
   * and one pass over it.
   *
   * @throws IllegalArgumentException if an input is computed, a constant, or given twice, or the
   *     vector does not have one element per input
   * @throws IllegalStateException if an op between the output and the inputs is not a {@link
   *     HigherOrderOp}, or an op fails
   */
  public static double[] hvp(Value output, List<Value> inputs, double[] vector) {
    checkNotNull(output, "output");
    Value[] leaves = checkInputs(inputs);
    checkLength("hvp", "vector", vector, leaves.length);
    return secondOrder(output, leaves).push(vector);
  }

  /**
   * Returns the derivative of {@code output} along {@code tangents}, ∑<sub>i</sub>
   * ∂output/∂input<sub>i</sub> · tangents<sub>i</sub>: forward mode over the recorded graph, from
   * every op's {@link Op#localGrad}, so it works with every op, as PyTorch's {@code jvp}.
   *
   * @throws IllegalArgumentException if an input is computed, a constant, or given twice, or there
   *     is not one tangent per input
   * @throws IllegalStateException if an op's local gradient fails
   */
  public static double jvp(Value output, List<Value> inputs, double[] tangents) {
    checkNotNull(output, "output");
    Value[] leaves = checkInputs(inputs);
    checkLength("jvp", "tangents", tangents, leaves.length);
    return new Tangents(new Value[] {output}, leaves).push(tangents)[0];
  }

  /**
   * The gradients of {@code output} as a graph, ready for forward mode: their directional
   * derivatives are the rows of the Hessian times the direction. Built with no-grad suspended, as
   * PyTorch's functional API enables grad: only numbers leave this class.
   */
  private static Tangents secondOrder(Value output, Value[] leaves) {
    int suspended = NoGrad.suspend();
    try {
      Value[] gradients = derivatives(output, leaves);
      Value[] roots = new Value[gradients.length];
      for (int i = 0; i < roots.length; i++) {
        roots[i] = gradients[i] != null ? gradients[i] : Value.constant(0);
      }
      return new Tangents(roots, leaves);
    } finally {
      NoGrad.resume(suspended);
    }
  }

  /**
   * The gradient of {@code output} for each of {@code leaves} as values, null where it does not
   * depend on the leaf: the chain rule of {@link EagerBackward} with values for numbers, from the
   * output down, each input's gradient summed in the order the backward pass sums it.
   */
  private static Value[] derivatives(Value output, Value[] leaves) {
    NumberedGraph graph = new NumberedGraph(new Value[] {output}, leaves);
    Value[] gradients = new Value[graph.order.length];
    int root = graph.rootIndex[0];
    if (root >= 0 && graph.depends[root]) {
      Value seed = Value.constant(1);
      gradients[root] = seed;
      for (int k = root; k >= 0; k--) {
        Value node = graph.order[k];
        Value gradient = gradients[k];
        if (gradient == null || node.isLeaf()) {
          continue;
        }
        Value[] locals = localGrads(node, graph, k);
        for (int i = 0; i < locals.length; i++) {
          int input = graph.edgeInput[graph.edgeStart[k] + i];
          if (input >= 0) {
            Value term = gradient == seed ? locals[i] : gradient.mul(locals[i]);
            gradients[input] = gradients[input] == null ? term : gradients[input].add(term);
          }
        }
      }
    }
    Value[] result = new Value[leaves.length];
    for (int i = 0; i < leaves.length; i++) {
      int index = graph.inputIndex[i];
      result[i] = index >= 0 ? gradients[index] : null;
    }
    return result;
  }

  /**
   * The local gradients of node {@code k} as values, for the inputs that depend on the leaves: a
   * {@link HigherOrderOp}'s own, else the numbers of {@link Op#localGrad} as {@link
   * FirstOrderGrad} nodes, which cannot be differentiated further.
   */
  private static Value[] localGrads(Value node, NumberedGraph graph, int k) {
    Op op = node.op();
    Value[] inputs = node.inputsArray();
    Value[] locals = new Value[inputs.length];
    if (op instanceof HigherOrderOp) {
      try {
        ((HigherOrderOp) op).localGrad(inputs, node.constantsArray(), node, locals);
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
        if (locals[i] == null && graph.edgeInput[graph.edgeStart[k] + i] >= 0) {
          throw new IllegalStateException(
              "op '"
                  + op.name()
                  + "' wrote no local gradient as a value for input "
                  + i
                  + " of "
                  + node.describe());
        }
      }
      return locals;
    }
    Value[] inputsAndOutput = new Value[inputs.length + 1];
    System.arraycopy(inputs, 0, inputsAndOutput, 0, inputs.length);
    inputsAndOutput[inputs.length] = node;
    for (int i = 0; i < inputs.length; i++) {
      if (graph.edgeInput[graph.edgeStart[k] + i] >= 0) {
        locals[i] =
            EagerForward.compute(
                new FirstOrderGrad(op, i, inputs.length), inputsAndOutput, node.constantsArray());
      }
    }
    return locals;
  }

  /** The inputs as an array, checked: distinct leaves that want a gradient. */
  private static Value[] checkInputs(List<Value> inputs) {
    checkNotNull(inputs, "inputs");
    Value[] leaves = new Value[inputs.size()];
    Map<Value, Integer> seen = new IdentityHashMap<>();
    for (int i = 0; i < leaves.length; i++) {
      Value input = inputs.get(i);
      checkNotNull(input, "inputs[%s] is null", i);
      // Messages are built only on failure: describing a value formats its data.
      if (!input.isLeaf()) {
        throw new IllegalArgumentException(
            String.format(
                "inputs[%s], %s, is computed by op '%s': differentiate with respect to leaves",
                i, input.describe(), input.op().name()));
      }
      if (!input.requiresGrad()) {
        throw new IllegalArgumentException(
            String.format(
                "inputs[%s], %s, is a constant, which has no gradient: make it with Value.of",
                i, input.describe()));
      }
      Integer first = seen.putIfAbsent(input, i);
      if (first != null) {
        throw new IllegalArgumentException(
            String.format(
                "inputs[%s] and inputs[%s] are the same value, %s", first, i, input.describe()));
      }
      leaves[i] = input;
    }
    return leaves;
  }

  private static void checkLength(String method, String what, double[] array, int inputs) {
    checkNotNull(array, what);
    checkArgument(
        array.length == inputs,
        "%s: %s has %s elements for %s inputs",
        method,
        what,
        array.length,
        inputs);
  }
}
