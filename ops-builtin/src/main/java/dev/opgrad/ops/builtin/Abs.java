package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/**
 * {@code abs(x) = |x|}, whose local gradient is {@code sign(x)}: 1 above 0, −1 below, 0 at ±0 (as
 * PyTorch's {@code sgn}, the gradient at the kink is 0), NaN at NaN. {@code abs(−0) = +0}.
 */
@AutoService(Op.class)
public final class Abs implements BatchOp, HigherOrderOp {

  /** The op of {@code abs}'s local gradient as a value: this one, whatever registry has abs. */
  private static final Sign SIGN = new Sign();

  private static final double[] NO_CONSTANTS = {};

  @Override
  public String name() {
    return "abs";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Math.abs(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = Sign.sign(inputs[0]);
  }

  /** {@code sign(x)} as a node of the op {@code sign}, whose forward computes the same number. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = inputs[0].apply(SIGN, NO_CONSTANTS);
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, Math.abs(nodes.input(k, 0)));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      double local = Sign.sign(nodes.input(k, 0));
      if (g != 0 || local != local) { // a NaN local gradient makes g · local NaN
        nodes.addInputGrad(k, 0, g * local);
      }
    }
  }
}
