package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;

/** {@code sin(x)}, the sine (radians), whose local gradient is {@code cos x}. */
@AutoService(Op.class)
public final class Sin implements HigherOrderOp {

  private static final double[] NO_CONSTANTS = {};

  /** In a holder, so that initializing Sin does not initialize Cos, which could deadlock. */
  private static final class Derivative {
    static final Cos COS = new Cos();
  }

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

  /** {@code cos x}, the op {@code cos}. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = inputs[0].apply(Derivative.COS, NO_CONSTANTS);
  }
}
