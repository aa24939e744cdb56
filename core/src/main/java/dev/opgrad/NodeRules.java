package dev.opgrad;

import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * The engine's rules for one node, the only place they are written: every driver (the eager
 * {@link Value} graph, the {@link Tape} behind {@link CompiledGraph}, and so {@link BatchGradients})
 * computes a node's output and its local gradients through these two methods, and differs from the
 * others only in where it keeps nodes, data and gradients.
 *
 * <p>A failure is thrown as a {@link NodeFailure}, which knows what went wrong but not which node of
 * which graph it was: the driver names the node with {@link NodeFailure#describedBy}, so that one
 * failure reads the same whatever the driver.
 *
 * <p>{@code dev.opgrad.nn}'s forward pass under {@link NoGrad} calls ops on numbers and leaves to
 * these rules, through {@code Value}, only the nodes whose op throws or gives NaN or ±∞: it relies
 * on {@link #output} returning every finite number as the op gave it.
 */
final class NodeRules {

  private NodeRules() {}

  /**
   * Computes {@code op}'s output at {@code inputs}, which hold exactly the node's inputs.
   *
   * @param detect whether anomaly detection is on: a NaN or infinite output is then a failure
   * @throws NodeFailure if the op throws, or detection finds an anomaly
   */
  static double output(Op op, double[] inputs, double[] constants, boolean detect) {
    double output;
    try {
      // One call site per common arity: each sees few op classes, so the JIT can inline them.
      if (inputs.length == 2) {
        output = op.forward(inputs, constants);
      } else if (inputs.length == 1) {
        output = op.forward(inputs, constants);
      } else {
        output = op.forward(inputs, constants);
      }
    } catch (RuntimeException e) {
      throw NodeFailure.forwardThrew(op, constants, e);
    }
    if (detect && !Double.isFinite(output)) {
      throw NodeFailure.forwardNotFinite(op, constants, output);
    }
    return output;
  }

  /**
   * Writes {@code op}'s local gradients at {@code inputs} into {@code local[0 .. inputs.length)}
   * and says whether the driver must add {@code grad · local[i]} into each input's gradient.
   *
   * <p>A local gradient that the op does not write is NaN, never what the previous node left in
   * {@code local}. The additions may be skipped only where they cannot change a gradient: when
   * {@code grad} is ±0 and every local gradient is finite, every product is ±0, and adding ±0 to a
   * gradient leaves it as it is (a sum that starts from +0 in round-to-nearest is never −0). That
   * skips, as hand-written code does, an inactive ReLU and every node below it.
   *
   * @param grad the node's complete gradient
   * @param detect whether anomaly detection is on: a non-finite local gradient, or a non-finite
   *     product passed to an input, is then a failure
   * @throws NodeFailure if the op throws, or detection finds an anomaly
   */
  static boolean localGrads(
      Op op,
      double[] inputs,
      double[] constants,
      double output,
      double grad,
      double[] local,
      boolean detect) {
    int arity = inputs.length;
    Arrays.fill(local, 0, arity, Double.NaN);
    try {
      // One call site per common arity, as in output().
      if (arity == 2) {
        op.localGrad(inputs, constants, output, local);
      } else if (arity == 1) {
        op.localGrad(inputs, constants, output, local);
      } else {
        op.localGrad(inputs, constants, output, local);
      }
    } catch (RuntimeException e) {
      throw NodeFailure.localGradThrew(op, constants, e);
    }
    if (detect) {
      for (int i = 0; i < arity; i++) {
        if (!Double.isFinite(local[i]) || !Double.isFinite(grad * local[i])) {
          throw NodeFailure.backwardNotFinite(op, constants, i, grad, local[i]);
        }
      }
    }
    if (grad != 0) {
      return true;
    }
    // ∞ − ∞ and NaN − NaN are NaN: the sum is 0 only if every local gradient is finite.
    double zero = 0;
    for (int i = 0; i < arity; i++) {
      zero += local[i] - local[i];
    }
    return zero != 0;
  }

  /**
   * Whether a node of {@code arity} inputs may skip its contributions to its inputs' gradients
   * without computing its
   * local gradients, so that {@link #localGrads} need not be called: its gradient is ±0, its
   * output finite, and its op {@linkplain Op#localGradsFiniteWhereOutputFinite() says} that its
   * local gradients are then finite, so {@link #localGrads} would return false. Never while anomaly
   * detection is on, which checks every local gradient. Most nodes of a trained network are such,
   * and this spares reading their inputs.
   */
  static boolean skips(Op op, int arity, double output, double grad, boolean detect) {
    if (grad != 0 || detect || !Double.isFinite(output)) {
      return false;
    }
    // One call site per common arity, as in output(): one site for every op would be megamorphic,
    // an indirect call per node that costs more than the work it spares.
    if (arity == 2) {
      return op.localGradsFiniteWhereOutputFinite();
    } else if (arity == 1) {
      return op.localGradsFiniteWhereOutputFinite();
    }
    return op.localGradsFiniteWhereOutputFinite();
  }

  /** What a backward pass from a root that wants no gradient throws; {@code root} names it. */
  static IllegalStateException rootWantsNoGradient(String root) {
    return new IllegalStateException(
        "backward from "
            + root
            + ", which wants no gradient: it is a constant, or computed from constants only or"
            + " under NoGrad");
  }
}
