package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/** {@code tanh(a)}, the hyperbolic tangent, whose gradient is {@code 1 - tanh²(a)}. */
@AutoService(Op.class)
public final class Tanh implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "tanh";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Math.tanh(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = derivative(output);
  }

  /** {@code −(output·output) + 1}: the number's {@code 1 − output·output} bit for bit. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = output.mul(output).neg().add(1);
  }

  /** Its local gradients are 1 - output², for an output in [-1, 1]. */
  @Override
  public boolean localGradsFiniteWhereOutputFinite() {
    return true;
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, Math.tanh(nodes.input(k, 0)));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      double local = derivative(nodes.output(k));
      if (g != 0 || !Double.isFinite(local)) {
        nodes.addInputGrad(k, 0, g * local);
      }
    }
  }

  /** ∂tanh(x)/∂x from the output: 1 − tanh²(x). */
  private static double derivative(double output) {
    return 1 - output * output;
  }
}
