package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;

/** {@code cos(x)}, the cosine (radians), whose local gradient is {@code −sin x}. */
@AutoService(Op.class)
public final class Cos implements HigherOrderOp {

  private static final double[] NO_CONSTANTS = {};

  /** In a holder, so that initializing Cos does not initialize Sin, which could deadlock. */
  private static final class Derivative {
    static final Sin SIN = new Sin();
  }

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

  /** {@code −sin x}, with the op {@code sin}. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = inputs[0].apply(Derivative.SIN, NO_CONSTANTS).neg();
  }
}
