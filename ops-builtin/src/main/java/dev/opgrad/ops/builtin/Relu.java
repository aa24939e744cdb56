package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/**
 * {@code relu(a) = max(0, a)}; its gradient is 1 where {@code a > 0} and 0 elsewhere, 0 included,
 * as in micrograd and PyTorch.
 */
@AutoService(Op.class)
public final class Relu implements BatchOp {

  @Override
  public String name() {
    return "relu";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return inputs[0] > 0 ? inputs[0] : 0;
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = inputs[0] > 0 ? 1 : 0;
  }

  @Override
  public void forward(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double a = nodes.input(k, 0);
      nodes.setOutput(k, a > 0 ? a : 0);
    }
  }

  @Override
  public void backward(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      if (g != 0) {
        nodes.addInputGrad(k, 0, g * (nodes.input(k, 0) > 0 ? 1 : 0));
      }
    }
  }
}
