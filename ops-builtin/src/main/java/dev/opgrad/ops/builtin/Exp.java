package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/**
 * {@code exp(a) = e^a}, whose gradient is its output; it overflows to infinity above about 709.78.
 */
@AutoService(Op.class)
public final class Exp implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "exp";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Math.exp(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = output;
  }

  /** The output itself: every derivative of exp is exp. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = output;
  }

  /** Its local gradients are the output itself. */
  @Override
  public boolean localGradsFiniteWhereOutputFinite() {
    return true;
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, Math.exp(nodes.input(k, 0)));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      double local = nodes.output(k); // exp's derivative is exp
      if (g != 0 || !Double.isFinite(local)) {
        nodes.addInputGrad(k, 0, g * local);
      }
    }
  }
}
