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
 * {@code log(x) = ln x}, the natural logarithm, whose local gradient is {@code 1/x}. As {@link
 * Math#log}: {@code log(0) = −∞} (gradient +∞) and a negative x gives NaN.
 */
@AutoService(Op.class)
public final class Log implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "log";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Math.log(inputs[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = 1 / inputs[0];
  }

  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = Value.constant(1).div(inputs[0]);
  }

  /** Positive inputs only: the logarithm is defined there. */
  @Override
  public List<Point> gradCheckPoints() {
    return List.of(
        Point.of(0.05), Point.of(0.4), Point.of(1), Point.of(1.3), Point.of(2.9), Point.of(40));
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, Math.log(nodes.input(k, 0)));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      double local = 1 / nodes.input(k, 0);
      if (g != 0 || !Double.isFinite(local)) {
        nodes.addInputGrad(k, 0, g * local);
      }
    }
  }
}
