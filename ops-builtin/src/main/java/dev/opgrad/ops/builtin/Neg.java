package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/** {@code neg(a) = -a}. */
@AutoService(Op.class)
public final class Neg implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "neg";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return -inputs[0];
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = -1;
  }

  /** Its local gradients are -1. */
  @Override
  public boolean localGradsFiniteWhereOutputFinite() {
    return true;
  }

  /** Its local gradient is −1, whatever the input. */
  @Override
  public boolean localGradsConstant() {
    return true;
  }

  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = Value.constant(-1);
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, -nodes.input(k, 0));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      if (g != 0) {
        nodes.addInputGrad(k, 0, g * -1);
      }
    }
  }
}
