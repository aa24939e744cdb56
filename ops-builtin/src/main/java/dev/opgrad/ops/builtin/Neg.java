package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/** {@code neg(a) = -a}. */
@AutoService(Op.class)
public final class Neg implements Op {

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
}
