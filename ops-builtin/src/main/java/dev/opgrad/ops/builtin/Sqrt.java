package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.List;

/**
 * {@code sqrt(x)}, the square root, whose local gradient is {@code 1/(2·sqrt(x)) = 0.5/output}, as
 * PyTorch computes it from the output. As {@link Math#sqrt}: {@code sqrt(−0) = −0}, and a negative
 * x gives NaN; the gradient is +∞ at +0, −∞ at −0 and NaN below 0.
 */
@AutoService(Op.class)
public final class Sqrt implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "sqrt";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Math.sqrt(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = derivative(output);
  }

  /** {@code 0.5 / output}, the same division as {@link #derivative}, so the same number. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = Value.constant(0.5).div(output);
  }

  /** Positive inputs only: the square root is differentiable there. */
  @Override
  public List<Point> gradCheckPoints() {
    return List.of(
        Point.of(0.05), Point.of(0.4), Point.of(1), Point.of(1.3), Point.of(2.9), Point.of(40));
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, Math.sqrt(nodes.input(k, 0)));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      double local = derivative(nodes.output(k));
      if (g != 0 || !Double.isFinite(local)) {
        nodes.addInputGrad(k, 0, g * local);
      }
    }
  }

  /**
   * ∂sqrt(x)/∂x from the output. {@code 0.5 / output} is the correctly rounded 1/(2·sqrt(x)), as
   * PyTorch's {@code grad / (2 * result)} is ({@code 2 * result} is exact).
   */
  private static double derivative(double output) {
    return 0.5 / output;
  }
}
