package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/**
 * {@code exp(a) = e^a}, whose gradient is its output; it overflows to infinity above about 709.78.
 */
@AutoService(Op.class)
public final class Exp implements Op {

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
}
