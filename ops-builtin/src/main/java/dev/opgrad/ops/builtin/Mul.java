package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/** {@code mul(a, b) = a * b}. */
@AutoService(Op.class)
public final class Mul implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "mul";
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return inputs[0] * inputs[1];
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = inputs[1];
    grads[1] = inputs[0];
  }

  /** Its local gradients are the other factor: a finite product has finite factors. */
  @Override
  public boolean localGradsFiniteWhereOutputFinite() {
    return true;
  }

  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = inputs[1];
    grads[1] = inputs[0];
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, nodes.input(k, 0) * nodes.input(k, 1));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>It adds into the factors' gradients at the places that the run gives, where it gives both.
   */
  @Override
  public void backwardBatch(Nodes nodes) {
    int size = nodes.size();
    int[] as = nodes.consecutiveInputsOfAll(0, 2); // input 0 alone: step 2 goes past the last
    int[] bs = nodes.consecutiveInputsOfAll(1, 2);
    boolean placed = size > 0 && (as[0] | bs[0]) >= 0;
    double[] data = placed ? nodes.data() : null;
    double[] grads = placed ? nodes.grads() : null;
    for (int k = 0; k < size; k++) {
      double g = nodes.grad(k);
      // A finite product has finite factors, the local gradients: at ±0, adding changes nothing.
      if (g != 0 || !Double.isFinite(nodes.output(k))) {
        int a = as[k];
        int b = bs[k];
        if ((a | b) >= 0 && placed) {
          grads[a] += g * data[b];
          grads[b] += g * data[a];
        } else {
          nodes.addInputGrad(k, 0, g * nodes.input(k, 1));
          nodes.addInputGrad(k, 1, g * nodes.input(k, 0));
        }
      }
    }
  }
}
