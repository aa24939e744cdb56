package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.List;

/**
 * {@code sigmoid(x) = 1 / (1 + e^−x)}, the logistic function, whose local gradient {@code σ(1 − σ)}
 * comes from the output. It never overflows: for negative x it is computed as {@code e^x / (1 +
 * e^x)}, so {@code sigmoid(±1000)} is exactly 1 and 0, with gradient 0.
 */
@AutoService(Op.class)
public final class Sigmoid implements HigherOrderOp {

  /** Points from the saturated tails to the middle, where sigmoid and softplus are checked. */
  static final List<Point> SATURATING_POINTS =
      List.of(
          Point.of(-1000),
          Point.of(-30),
          Point.of(-1.7),
          Point.of(-0.6),
          Point.of(0),
          Point.of(0.4),
          Point.of(1.3),
          Point.of(30),
          Point.of(1000));

  @Override
  public String name() {
    return "sigmoid";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return sigmoid(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = output * (1 - output);
  }

  /** {@code output·(1 − output)}, from the output as the number is. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = output.mul(Value.constant(1).sub(output));
  }

  /** The default grid and 0, with the saturated tails ±30 and ±1000. */
  @Override
  public List<Point> gradCheckPoints() {
    return SATURATING_POINTS;
  }

  /** The logistic function, without overflow for any x; softplus's derivative too. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }
}
