package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/** {@code sin(x)}, the sine (radians), whose local gradient is {@code cos x}. */
@AutoService(Op.class)
public final class Sin implements Op {

  @Override
  public String name() {
    return "sin";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Math.sin(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = Math.cos(inputs[0]);
  }
}
