package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/**
 * {@code div(a, b) = a / b}, with gradients {@code 1/b} and {@code -a/b²}; division by 0 gives
 * infinities or NaN.
 */
@AutoService(Op.class)
public final class Div implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "div";
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return inputs[0] / inputs[1];
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = 1 / inputs[1];
    grads[1] = divisorGrad(inputs[0], inputs[1]);
  }

  /** {@code 1/b} and {@code −a/(b·b)}, computed as the numbers are. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = Value.constant(1).div(inputs[1]);
    grads[1] = inputs[0].neg().div(inputs[1].mul(inputs[1]));
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, nodes.input(k, 0) / nodes.input(k, 1));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      double a = nodes.input(k, 0);
      double b = nodes.input(k, 1);
      double da = 1 / b;
      double db = divisorGrad(a, b);
      if (g != 0 || !Double.isFinite(da) || !Double.isFinite(db)) {
        nodes.addInputGrad(k, 0, g * da);
        nodes.addInputGrad(k, 1, g * db);
      }
    }
  }

  /** ∂(a/b)/∂b. */
  private static double divisorGrad(double a, double b) {
    return -a / (b * b);
  }
}
