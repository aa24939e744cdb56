package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/** {@code tanh(a)}, the hyperbolic tangent, whose gradient is {@code 1 - tanh²(a)}. */
@AutoService(Op.class)
public final class Tanh implements Op {

  @Override
  public String name() {
    return "tanh";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Math.tanh(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = 1 - output * output;
  }
}
