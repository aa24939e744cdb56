package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/**
 * {@code div(a, b) = a / b}, with gradients {@code 1/b} and {@code -a/b²}; division by 0 gives
 * infinities or NaN.
 */
@AutoService(Op.class)
public final class Div implements Op {

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
    grads[1] = -inputs[0] / (inputs[1] * inputs[1]);
  }
}
