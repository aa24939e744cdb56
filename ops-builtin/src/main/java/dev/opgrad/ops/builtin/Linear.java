package dev.opgrad.ops.builtin;

import com.google.auto.service.AutoService;
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
public final class Linear implements Op {

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
    if (inputs.length % 2 == 0) {
      throw new IllegalArgumentException(
          "linear takes an odd number of inputs (b, w0, x0, w1, x1, …), got " + inputs.length);
    }
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
}
