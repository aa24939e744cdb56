package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/** {@code sub(a, b) = a - b}. */
@AutoService(Op.class)
public final class Sub implements Op {

  @Override
  public String name() {
    return "sub";
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return inputs[0] - inputs[1];
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = 1;
    grads[1] = -1;
  }
}
