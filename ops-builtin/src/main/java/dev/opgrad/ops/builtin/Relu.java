package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/**
 * {@code relu(a) = max(0, a)}; its gradient is 0 where {@code a <= 0}, 0 included, and 1 elsewhere,
 * as in micrograd and PyTorch. NaN stays NaN, as in PyTorch, so that a NaN input still shows
 * downstream and to anomaly detection, and it passes its gradient on (local gradient 1), as
 * PyTorch's {@code threshold_backward} does. Its local gradient as a value is {@link Step step},
 * whose own is 0.
 */
@AutoService(Op.class)
public final class Relu implements BatchOp, HigherOrderOp {

  private static final Step STEP = new Step();

  private static final double[] NO_CONSTANTS = {};

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
    return inputs[0] <= 0 ? 0 : inputs[0];
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = inputs[0] <= 0 ? 0 : 1;
  }

  /**
   * {@link Step step}{@code (a)}, whose derivative is 0; at NaN, where step gives NaN, the constant
   * 1 that relu passes its gradient on with.
   */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    Value a = inputs[0];
    grads[0] = Double.isNaN(a.data()) ? Value.constant(1) : a.apply(STEP, NO_CONSTANTS);
  }

  /** Its local gradients are 0 or 1. */
  @Override
  public boolean localGradsFiniteWhereOutputFinite() {
    return true;
  }

  /**
   * {@inheritDoc}
   *
   * <p>It reads each input at the place that the run gives, where it gives one: a replay's runs
   * give them once, and reading them costs less than asking for each input.
   */
  @Override
  public void forwardBatch(Nodes nodes) {
    int[] places = nodes.consecutiveInputsOfAll(0, 1);
    int size = nodes.size();
    boolean placed = size > 0 && places[0] >= 0;
    double[] data = placed ? nodes.data() : null;
    for (int k = 0; k < size; k++) {
      int place = places[k];
      double a = place >= 0 && placed ? data[place] : nodes.input(k, 0);
      // forward's a <= 0 ? 0 : a, NaN and -0 included, without a branch that a layer's mix of
      // signs mispredicts
      nodes.setOutput(k, Math.max(a, 0.0));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>It adds into each input's gradient at the place that the run gives, where it gives one.
   */
  @Override
  public void backwardBatch(Nodes nodes) {
    int[] places = nodes.consecutiveInputsOfAll(0, 1);
    int size = nodes.size();
    boolean placed = size > 0 && places[0] >= 0;
    double[] data = placed ? nodes.data() : null;
    double[] grads = placed ? nodes.grads() : null;
    for (int k = 0; k < size; k++) {
      double g = nodes.grad(k);
      if (g != 0) {
        int place = places[k];
        if (place >= 0 && placed) {
          grads[place] += g * (data[place] <= 0 ? 0 : 1);
        } else {
          nodes.addInputGrad(k, 0, g * (nodes.input(k, 0) <= 0 ? 0 : 1));
        }
      }
    }
  }
}
