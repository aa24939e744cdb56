package dev.opgrad.reliability;

import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.List;

/**
 * A one-input op that is {@code op} in everything but its second derivative, which is wrong by the
 * factor {@code 1 + error}: its local gradient as a value is {@code op}'s plus {@code (x − x₀) ·
 * error · L'(x₀)}, the same number at {@code x₀} with a derivative off by {@code error · L'(x₀)}.
 * For showing that the fuzzer sees such an error.
 */
final class WrongSecondDerivative implements HigherOrderOp {

  private final HigherOrderOp op;
  private final double error;

  WrongSecondDerivative(Op op, double error) {
    this.op = (HigherOrderOp) op;
    this.error = error;
  }

  @Override
  public String name() {
    return op.name(); // so that Hipparchus' counterpart of the op applies
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return op.forward(inputs, constants);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    op.localGrad(inputs, constants, output, grads);
  }

  @Override
  public List<Point> gradCheckPoints() {
    return op.gradCheckPoints();
  }

  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    op.localGrad(inputs, constants, output, grads);
    Value x = inputs[0];
    // L'(x₀) by central differences of localGrad: accurate enough for a wrong part of 1e-6.
    double h = 1e-5;
    double secondDerivative = (local(x.data() + h) - local(x.data() - h)) / (2 * h);
    grads[0] = grads[0].add(x.sub(x.data()).mul(error * secondDerivative));
  }

  private double local(double x) {
    double[] inputs = {x};
    double[] grads = new double[1];
    op.localGrad(inputs, new double[0], op.forward(inputs, new double[0]), grads);
    return grads[0];
  }
}
