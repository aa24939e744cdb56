package dev.opgrad.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.List;

/**
 * Checks an op's {@link Op#localGrad local gradient} against central finite differences, as
 * PyTorch's {@code torch.autograd.gradcheck} does, with the same defaults: perturbation {@code eps
 * = 1e-6}, and a gradient passes where {@code |analytic - numeric| <= atol + rtol * |numeric|} with
 * {@code atol = 1e-5}, {@code rtol = 1e-3}. For a {@link BatchOp}, it also checks that the batch
 * methods, run over all the points at once, give bit for bit what the per-node methods give. For a
 * {@link HigherOrderOp}, it also checks the second order, as PyTorch's {@code gradgradcheck} does:
 * the local gradients as values against {@code localGrad}'s numbers, and their derivatives (from
 * {@link dev.opgrad.Gradients#of}, which needs opgrad-ops-builtin) against central differences of
 * {@code localGrad}, with the same tolerances, and against 0 if it declares its {@linkplain
 * HigherOrderOp#localGradsConstant() local gradients constant}.
 *
 * <pre>{@code
 * GradCheckResult result = GradCheck.defaults().check(new MyOp());
 * if (!result.passed()) throw new AssertionError(result);
 * }</pre>
 *
 * <p>Instances are immutable; the {@code with…} methods return changed copies.
 */
public final class GradCheck {

  private final double eps;
  private final double atol;
  private final double rtol;

  private GradCheck(double eps, double atol, double rtol) {
    checkArgument(eps > 0 && Double.isFinite(eps), "eps must be positive and finite, got %s", eps);
    checkArgument(
        atol >= 0 && Double.isFinite(atol), "atol must be non-negative and finite, got %s", atol);
    checkArgument(
        rtol >= 0 && Double.isFinite(rtol), "rtol must be non-negative and finite, got %s", rtol);
    this.eps = eps;
    this.atol = atol;
    this.rtol = rtol;
  }

  /** PyTorch's defaults: {@code eps = 1e-6}, {@code atol = 1e-5}, {@code rtol = 1e-3}. */
  public static GradCheck defaults() {
    return new GradCheck(1e-6, 1e-5, 1e-3);
  }

  /** Returns a copy perturbing each input by {@code ±eps}. */
  public GradCheck withEps(double eps) {
    return new GradCheck(eps, atol, rtol);
  }

  /** Returns a copy with absolute tolerance {@code atol}. */
  public GradCheck withAtol(double atol) {
    return new GradCheck(eps, atol, rtol);
  }

  /** Returns a copy with relative tolerance {@code rtol}. */
  public GradCheck withRtol(double rtol) {
    return new GradCheck(eps, atol, rtol);
  }

  /** Checks {@code op} at the points it declares in {@link Op#gradCheckPoints()}. */
  public GradCheckResult check(Op op) {
    checkNotNull(op, "op");
    return check(op, op.gradCheckPoints());
  }

  /**
   * Checks {@code op} at {@code points}. A point whose local gradient or finite difference is NaN
   * or infinite fails.
   *
   * @throws IllegalArgumentException if a point has the wrong number of inputs or constants
   * @throws IllegalStateException if the op throws at a point
   */
  public GradCheckResult check(Op op, List<Point> points) {
    checkNotNull(op, "op");
    checkNotNull(points, "points");
    GradCheckResult.Builder result = new GradCheckResult.Builder(op.name(), atol, rtol);
    for (Point point : points) {
      int arity = point.inputCount();
      boolean takes = op.arity() == Op.VARIADIC ? arity >= 1 : arity == op.arity();
      checkArgument(
          takes && point.constantCount() == op.constantCount(),
          "op '%s' takes %s inputs and %s constants; the point has %s",
          op.name(),
          op.arity() == Op.VARIADIC ? "any number ≥ 1 of" : op.arity(),
          op.constantCount(),
          point);
      result.countPoint();
      double[] inputs = point.inputs();
      double[] constants = point.constants();
      double[] grads = new double[arity];
      try {
        op.localGrad(inputs, constants, op.forward(inputs, constants), grads);
        for (int i = 0; i < arity; i++) {
          double saved = inputs[i];
          inputs[i] = saved + eps;
          double above = op.forward(inputs, constants);
          inputs[i] = saved - eps;
          double below = op.forward(inputs, constants);
          inputs[i] = saved;
          result.compare(point, i, grads[i], (above - below) / (2 * eps));
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException("op '" + op.name() + "' failed at " + point + ": " + e, e);
      }
    }
    if (op instanceof BatchOp) {
      result.batchMismatch(BatchConsistency.firstMismatch((BatchOp) op, points));
    }
    if (op instanceof HigherOrderOp) {
      try {
        result.secondOrderMismatch(
            new SecondOrderCheck(eps, atol, rtol).firstMismatch((HigherOrderOp) op, points));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "op '" + op.name() + "' failed giving its local gradients as values: " + e, e);
      }
    }
    return result.build();
  }

  @Override
  public String toString() {
    return "GradCheck{eps=" + eps + ", atol=" + atol + ", rtol=" + rtol + "}";
  }
}
