package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/** {@code mul(a, b) = a * b}. */
@AutoService(Op.class)
public final class Mul implements Op {

  @Override
  public String name() {
    return "mul";
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return inputs[0] * inputs[1];
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = inputs[1];
    grads[1] = inputs[0];
  }
}
