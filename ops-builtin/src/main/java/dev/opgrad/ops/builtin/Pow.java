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
 * {@code pow(a; c) = a^c} for a constant exponent {@code c}, which gets no gradient: {@code
 * x.pow(3)}. Undefined cases follow {@link Math#pow}: a negative base with a non-integer exponent
 * gives NaN, 0 to a negative power gives infinity. {@code pow(x; 0)} is 1 with gradient 0 at every
 * x, 0 included.
 */
@AutoService(Op.class)
public final class Pow implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "pow";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public int constantCount() {
    return 1;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return Math.pow(inputs[0], constants[0]);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    grads[0] = derivative(inputs[0], constants[0]);
  }

  /**
   * {@code x^(c−1)·c}, the number's {@code c·x^(c−1)} (products commute bit for bit), and for
   * {@code c = 0} the constant 0, so that every derivative of {@code x^0} is 0.
   */
  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    double exponent = constants[0];
    grads[0] = exponent == 0 ? Value.constant(0) : inputs[0].pow(exponent - 1).mul(exponent);
  }

  /** Integer exponents at bases of either sign; fractional ones at positive bases only. */
  @Override
  public List<Point> gradCheckPoints() {
    List<Point> points = new ArrayList<>();
    for (double exponent : new double[] {0, 1, 2, 3, -1, -2}) {
      for (double base : new double[] {-1.7, -0.6, 0.4, 1.3}) {
        points.add(Point.withConstants(new double[] {exponent}, base));
      }
    }
    for (double exponent : new double[] {0.5, -0.5, 1.7, -2.5}) {
      for (double base : new double[] {0.3, 1.1, 2.9}) {
        points.add(Point.withConstants(new double[] {exponent}, base));
      }
    }
    return points;
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, Math.pow(nodes.input(k, 0), nodes.constant(k, 0)));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      double local = derivative(nodes.input(k, 0), nodes.constant(k, 0));
      if (g != 0 || !Double.isFinite(local)) {
        nodes.addInputGrad(k, 0, g * local);
      }
    }
  }

  /**
   * ∂(x^exponent)/∂x. For exponent 0, x^0 is the constant 1 and its derivative 0 everywhere, as in
   * PyTorch: the formula would give 0 · 0^-1 = NaN at x = 0.
   */
  private static double derivative(double x, double exponent) {
    return exponent == 0 ? 0 : exponent * Math.pow(x, exponent - 1);
  }
}
