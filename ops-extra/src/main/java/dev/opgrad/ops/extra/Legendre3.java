package dev.opgrad.ops.extra;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;

/**
 * {@code legendre3(x) = P₃(x) = ½(5x³ − 3x)}, the Legendre polynomial of degree 3, with local
 * gradient {@code 1.5(5x² − 1)}: the op of PyTorch's custom {@code autograd.Function} tutorial,
 * {@code x.apply("legendre3")}. {@code legendre} with the constant 3 computes the same polynomial.
 */
@AutoService(Op.class)
public final class Legendre3 implements HigherOrderOp {

  @Override
  public String name() {
    return "legendre3";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    double x = inputs[0];
    return 0.5 * (5 * x * x * x - 3 * x);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    double x = inputs[0];
    grads[0] = 1.5 * (5 * x * x - 1);
  }

  /** {@code (x·5·x − 1)·1.5}, the number's {@code 1.5(5x² − 1)} (products commute bit for bit). */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    Value x = inputs[0];
    grads[0] = x.mul(5).mul(x).sub(1).mul(1.5);
  }
}
