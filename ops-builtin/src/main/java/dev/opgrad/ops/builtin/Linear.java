package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
import dev.opgrad.Value;
import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code linear(b, w0, x0, w1, x1, …) = b + w0·x0 + w1·x1 + …}, a {@link Op#VARIADIC variadic} op:
 * a neuron's weighted sum as one node. It sums in exactly that order, starting from {@code b}, each
 * product rounded before it is added (no fused multiply-add), so its output is bit for bit the one
 * of micrograd's chain {@code b + w0*x0 + w1*x1 + …} of {@code mul} and {@code add} nodes. Its
 * local gradients are 1 for {@code b}, {@code x_i} for {@code w_i} and {@code w_i} for {@code x_i}.
 * It takes an odd number of inputs: {@code linear(b)} is {@code b}.
 */
@AutoService(Op.class)
public final class Linear implements BatchOp, HigherOrderOp {

  private static final double[] GRID = {-1.7, -0.6, 0.4, 1.3};

  @Override
  public String name() {
    return "linear";
  }

  @Override
  public int arity() {
    return VARIADIC;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the number of inputs is even
   */
  @Override
  public double forward(double[] inputs, double[] constants) {
    checkOdd(inputs.length);
    double sum = inputs[0];
    for (int i = 1; i < inputs.length; i += 2) {
      sum += inputs[i] * inputs[i + 1];
    }
    return sum;
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = 1;
    for (int i = 1; i < inputs.length; i += 2) {
      grads[i] = inputs[i + 1];
      grads[i + 1] = inputs[i];
    }
  }

  /** The constant 1 for {@code b}, and the inputs themselves: {@code x_i} for {@code w_i}, etc. */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    grads[0] = Value.constant(1);
    for (int i = 1; i < inputs.length; i += 2) {
      grads[i] = inputs[i + 1];
      grads[i + 1] = inputs[i];
    }
  }

  /**
   * Its local gradients are 1, x_i and w_i: a finite sum has finite products, which have finite
   * factors.
   */
  @Override
  public boolean localGradsFiniteWhereOutputFinite() {
    return true;
  }

  /** Sums of 0, 1, 2 and 3 products (1, 3, 5 and 7 inputs), the inputs drawn from a grid. */
  @Override
  public List<Point> gradCheckPoints() {
    List<Point> points = new ArrayList<>();
    for (int inputs = 1; inputs <= 7; inputs += 2) {
      for (int shift = 0; shift < GRID.length; shift++) {
        double[] point = new double[inputs];
        for (int i = 0; i < inputs; i++) {
          point[i] = GRID[(i + shift) % GRID.length] + i * 0.01;
        }
        points.add(Point.of(point));
      }
    }
    return points;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if a node has an even number of inputs
   */
  @Override
  public void forwardBatch(Nodes nodes) {
    int k = 0;
    while (k < nodes.size()) {
      int count = nodes.inputCount(k);
      checkOdd(count);
      if (k + 1 < nodes.size() && nodes.inputCount(k + 1) == count) {
        // Two independent sums at once: each addition waits for the one before it in its sum,
        // and the other sum's work fills that wait.
        double sum0 = nodes.input(k, 0);
        double sum1 = nodes.input(k + 1, 0);
        for (int i = 1; i < count; i += 2) {
          sum0 += nodes.input(k, i) * nodes.input(k, i + 1);
          sum1 += nodes.input(k + 1, i) * nodes.input(k + 1, i + 1);
        }
        nodes.setOutput(k, sum0);
        nodes.setOutput(k + 1, sum1);
        k += 2;
      } else {
        double sum = nodes.input(k, 0);
        for (int i = 1; i < count; i += 2) {
          sum += nodes.input(k, i) * nodes.input(k, i + 1);
        }
        nodes.setOutput(k, sum);
        k++;
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A node whose gradient is ±0 is skipped if its output is finite: then so are all its inputs,
   * its local gradients (a sum is finite only if every product is, and a product only if both
   * factors are).
   */
  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      if (g == 0 && Double.isFinite(nodes.output(k))) {
        continue;
      }
      nodes.addInputGrad(k, 0, g);
      int count = nodes.inputCount(k);
      for (int i = 1; i < count; i += 2) {
        double w = nodes.input(k, i);
        double x = nodes.input(k, i + 1);
        nodes.addInputGrad(k, i, g * x);
        nodes.addInputGrad(k, i + 1, g * w);
      }
    }
  }

  private static void checkOdd(int inputCount) {
    if (inputCount % 2 == 0) {
      throw new IllegalArgumentException(
          "linear takes an odd number of inputs (b, w0, x0, w1, x1, …), got " + inputCount);
    }
  }
}
