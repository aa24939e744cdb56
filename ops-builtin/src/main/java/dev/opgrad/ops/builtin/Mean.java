package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.List;

/**
 * {@code mean(x0, x1, …) = (x0 + x1 + …) / n}, a {@link Op#VARIADIC variadic} op, as PyTorch's
 * {@code mean}: the {@link Sum sum}, added left to right, divided by the count, so its output is
 * bit for bit that of {@code x0.add(x1)….div(n)}; every local gradient is {@code 1/n}, as the
 * chain's is.
 */
@AutoService(Op.class)
public final class Mean implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "mean";
  }

  @Override
  public int arity() {
    return VARIADIC;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Sum.leftToRight(inputs) / inputs.length;
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    double local = 1.0 / inputs.length;
    for (int i = 0; i < inputs.length; i++) {
      grads[i] = local;
    }
  }

  /** The constant {@code 1/n}, computed as the number is. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    Value local = Value.constant(1.0 / inputs.length);
    for (int i = 0; i < inputs.length; i++) {
      grads[i] = local;
    }
  }

  /** Its local gradients are all 1/n. */
  @Override
  public boolean localGradsFiniteWhereOutputFinite() {
    return true;
  }

  /** Its local gradients are 1/n each, whatever the inputs. */
  @Override
  public boolean localGradsConstant() {
    return true;
  }

  /** Means of 1 to 5 inputs, each from a grid. */
  @Override
  public List<Point> gradCheckPoints() {
    return Sum.variadicPoints();
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      int count = nodes.inputCount(k);
      double sum = nodes.input(k, 0);
      for (int i = 1; i < count; i++) {
        sum += nodes.input(k, i);
      }
      nodes.setOutput(k, sum / count);
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      if (g != 0) { // every local gradient, 1/n, is finite
        int count = nodes.inputCount(k);
        double contribution = g * (1.0 / count);
        for (int i = 0; i < count; i++) {
          nodes.addInputGrad(k, i, contribution);
        }
      }
    }
  }
}
