package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/**
 * {@code step(a)}, the Heaviside step: 1 where {@code a > 0} and 0 where {@code a <= 0}, 0
 * included, so that it is {@link Relu relu}'s local gradient, and its derivative when a gradient of
 * relu is differentiated again. Its own local gradient is 0 everywhere, 0 included, as PyTorch
 * gives for the kink. NaN stays NaN, as relu's output does.
 */
@AutoService(Op.class)
public final class Step implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "step";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return step(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = 0;
  }

  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = Value.constant(0);
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, step(nodes.input(k, 0)));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      if (g != 0) { // g · 0 is ±0, or NaN for an infinite or NaN g, which must still be added
        nodes.addInputGrad(k, 0, g * 0.0);
      }
    }
  }

  /** 1 above 0, 0 at and below it, NaN at NaN. */
  private static double step(double a) {
    return a > 0 ? 1 : a <= 0 ? 0 : a;
  }
}
