package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/** {@code cos(x)}, the cosine (radians), whose local gradient is {@code −sin x}. */
@AutoService(Op.class)
public final class Cos implements Op {

  @Override
  public String name() {
    return "cos";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Math.cos(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = -Math.sin(inputs[0]);
  }
}
