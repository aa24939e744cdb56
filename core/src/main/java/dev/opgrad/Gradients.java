package dev.opgrad;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.Arrays;
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
   * </sub>, symmetric to rounding. It is {@code n} {@link #hvp}s along the unit vectors that share
   * what does not depend on the direction: it costs less than {@code n} separate calls.
   *
   * @throws IllegalArgumentException if an input is computed, a constant, or given twice
   * @throws IllegalStateException if an op between the output and the inputs is not a {@link
   *     HigherOrderOp}, or an op fails
   */
  public static double[][] hessian(Value output, List<Value> inputs) {
    checkNotNull(output, "output");
    Value[] leaves = checkInputs(inputs);
    Curvature curvature = curvature(output, leaves);
    int n = leaves.length;
    double[][] hessian = new double[n][n];
    for (int j = 0; j < n; j++) {
      double[] direction = new double[n];
      direction[j] = 1;
      double[] column = curvature.hvp(direction);
      for (int i = 0; i < n; i++) {
        hessian[i][j] = column[i];
      }
    }
    return hessian;
  }

  /**
   * Returns the Hessian of {@code output} times {@code vector} without forming the Hessian:
   * Pearlmutter's method, forward mode over the reverse pass, about the cost of three passes over
   * the graph. It needs the ops' local gradients as values, not the gradient as a graph.
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
    return curvature(output, leaves).hvp(vector);
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
    return ForwardMode.jvp(output, leaves, tangents);
  }

  /**
   * The second-order view of {@code output}'s graph. The ops' local gradients are built as values
   * with no-grad suspended, as PyTorch's functional API enables grad: only numbers leave this
   * class.
   */
  private static Curvature curvature(Value output, Value[] leaves) {
    int suspended = NoGrad.suspend();
    try {
      return new Curvature(output, leaves);
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
    NumberedGraph graph =
        new NumberedGraph(new Value[] {output}, leaves, NumberedGraph.Extent.NUMBERS);
    Value[] gradients = new Value[graph.size];
    int root = graph.rootIndex[0];
    if (root >= 0 && graph.depends[root]) {
      Value seed = Value.constant(1);
      gradients[root] = seed;
      for (int k = root; k >= 0; k--) {
        Value node = graph.nodes[k];
        Value gradient = gradients[k];
        if (gradient == null || node.isLeaf()) {
          continue;
        }
        Value[] locals = graph.localGradValues(k);
        for (int i = 0; i < locals.length; i++) {
          int input = graph.edgeInput[graph.edgeStart[k] + i];
          if (input >= 0) {
            Value term = gradient == seed ? locals[i] : gradient.mul(locals[i]);
            gradients[input] = gradients[input] == null ? term : gradients[input].add(term);
          }
        }
      }
    }
    return Arrays.copyOf(gradients, leaves.length); // the inputs are numbered first
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
