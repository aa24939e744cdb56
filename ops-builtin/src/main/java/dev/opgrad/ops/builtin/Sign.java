package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/**
 * {@code sign(x)}: 1 above 0, −1 below, 0 at ±0 (+0 for both, as PyTorch's {@code sign}), NaN for
 * NaN (as NumPy's; PyTorch gives 0 there). Its local gradient is 0 everywhere, as PyTorch's: it is
 * {@code abs}'s local gradient, as a value that can be differentiated again.
 */
@AutoService(Op.class)
public final class Sign implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "sign";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return sign(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = 0;
  }

  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = Value.constant(0);
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, sign(nodes.input(k, 0)));
    }
  }

  /** Adds {@code g · 0}: nothing, unless g is infinite or NaN, where the product is NaN. */
  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      if (g != 0) {
        nodes.addInputGrad(k, 0, g * 0.0);
      }
    }
  }

  /** The sign of {@code x}; {@code Math.signum} would keep −0's sign. */
  static double sign(double x) {
    if (x > 0) {
      return 1;
    }
    if (x < 0) {
      return -1;
    }
    return x == 0 ? 0 : x; // the last case is NaN
  }
}
