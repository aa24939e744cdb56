package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/** {@code add(a, b) = a + b}. */
@AutoService(Op.class)
public final class Add implements Op {

  @Override
  public String name() {
    return "add";
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return inputs[0] + inputs[1];
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = 1;
    grads[1] = 1;
  }
}
