package com.example.opgrad;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;

/** {@code silu(x) = x·σ(x)}, PyTorch's SiLU (also called swish), as an opgrad plugin. */
@AutoService(Op.class)
public final class Silu implements HigherOrderOp {

  @Override
  public String name() {
    return "silu";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    double x = inputs[0];
    return x * sigmoid(x);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    double x = inputs[0];
    double s = sigmoid(x);
    grads[0] = s * (1 + x * (1 - s));
  }

  // The same derivative built from ops, so that it can be differentiated again (step 5).
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    Value x = inputs[0];
    Value s = x.neg().exp().add(1).pow(-1); // σ(x) = 1/(1 + e^(−x))
    grads[0] = s.mul(x.mul(s.neg().add(1)).add(1)); // σ·(1 + x·(1 − σ))
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x)); // exp overflows to ∞ for x < -709, giving 0 as it should
  }
}
