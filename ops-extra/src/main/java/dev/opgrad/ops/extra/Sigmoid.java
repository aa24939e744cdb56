package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.Op;

/**
 * {@code sigmoid(x) = 1 / (1 + e^−x)}, the logistic function, whose local gradient {@code σ(1 − σ)}
 * comes from the output. It never overflows: for negative x it is computed as {@code e^x / (1 +
 * e^x)}, so {@code sigmoid(±1000)} is exactly 1 and 0, with gradient 0.
 */
@AutoService(Op.class)
public final class Sigmoid implements Op {

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

  /** The logistic function, without overflow for any x; softplus's derivative too. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }
}
