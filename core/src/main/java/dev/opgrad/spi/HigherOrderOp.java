package dev.opgrad.spi;

import dev.opgrad.Value;

/**
 * An op whose local gradients can be differentiated again: besides the numbers that {@link
 * #localGrad(double[], double[], double, double[]) localGrad} writes, it gives them as {@link
 * Value}s computed with ops, as a PyTorch {@code autograd.Function} whose {@code backward} is
 * written in differentiable operations supports double backward.
 *
 * <p>{@link dev.opgrad.Gradients#of Gradients.of} builds the derivative of a graph from these
 * values, and that derivative is itself a graph, which can be differentiated again: second
 * derivatives, {@link dev.opgrad.Gradients#hessian Hessians} and {@link dev.opgrad.Gradients#hvp
 * Hessian-vector products} need every op between the output and the inputs to implement this
 * interface. An op that implements {@link Op} only works everywhere else: {@code backward()}, the
 * compiled replay, first derivatives from {@code Gradients.of} and forward mode ({@link
 * dev.opgrad.Gradients#jvp jvp}) all use {@code localGrad}; only differentiating its derivative
 * fails, with a message that names it.
 *
 * <pre>{@code
 * // silu(x) = x·σ(x): silu'(x) = σ(x)·(1 + x·(1 − σ(x)))
 * public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
 *   Value x = inputs[0];
 *   Value sigma = x.neg().exp().add(1).pow(-1);
 *   grads[0] = sigma.mul(x.mul(sigma.neg().add(1)).add(1));
 * }
 * }</pre>
 *
 * <p>The contract adds two rules to {@link Op}'s: each {@code grads[i]} holds, to rounding, the
 * number that {@code localGrad} writes for {@code inputs[i]} (computed the same way, it is the same
 * number bit for bit, and {@code Gradients.of} then gives what {@code backward()} gives); and it is
 * built only from {@code inputs}, {@code output}, constants and ops, so that the graph records how
 * it depends on the inputs. A local gradient that does not depend on them, such as {@code add}'s 1,
 * is a {@link Value#constant constant}; {@link dev.opgrad.check.GradCheck} checks both rules.
 * <b>Experimental</b>: this interface may change in a minor release.
 */
public interface HigherOrderOp extends Op {

  /**
   * Writes ∂output/∂input<sub>i</sub> into {@code grads[i]} for every input, as a value computed
   * with ops from {@code inputs}, {@code output} and {@code constants}.
   *
   * @param inputs the node's inputs, in order, exactly as many as it has; apply ops to them, do
   *     not modify the array
   * @param constants the constant parameters; do not modify
   * @param output the node itself, whose data {@link #forward} computed: {@code tanh}'s local
   *     gradient is {@code 1 − output²}
   * @param grads where to write the local gradients, one per input, each non-null
   */
  void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads);

  /**
   * Whether every local gradient is the same whatever the inputs' values (it may depend on the
   * constants and on how many inputs there are), the output an affine function of the inputs: true
   * for {@code add}, {@code sub}, {@code neg}, {@code sum} or {@code mean}, false for {@code mul}
   * or {@code tanh}. Such a node has no second derivative: {@link dev.opgrad.Gradients#hvp hvp}
   * and {@link dev.opgrad.Gradients#hessian hessian} take its local gradients as numbers and skip
   * building them as values, for about half the nodes of a network. By default false, which is
   * always correct; {@link dev.opgrad.check.GradCheck} checks a true.
   */
  default boolean localGradsConstant() {
    return false;
  }
}
