package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.List;

/**
 * {@code softplus(x) = ln(1 + e^x)}, a smooth relu, whose local gradient is {@code sigmoid(x)}.
 * Computed as {@code max(x, 0) + ln(1 + e^−|x|)}, it is accurate for every x: {@code softplus(1000)
 * = 1000}, {@code softplus(−1000) = e^−1000}, which is 0 in double precision. Unlike PyTorch's
 * default, it has no threshold above which it switches to the identity.
 */
@AutoService(Op.class)
public final class Softplus implements HigherOrderOp {

  private static final Sigmoid SIGMOID = new Sigmoid();

  private static final double[] NO_CONSTANTS = {};

  @Override
  public String name() {
    return "softplus";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    double x = inputs[0];
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = Sigmoid.sigmoid(inputs[0]);
  }

  /** {@code sigmoid(x)}, the op {@code sigmoid}. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = inputs[0].apply(SIGMOID, NO_CONSTANTS);
  }

  /** The default grid and 0, with the saturated tails ±30 and ±1000. */
  @Override
  public List<Point> gradCheckPoints() {
    return Sigmoid.SATURATING_POINTS;
  }
}
