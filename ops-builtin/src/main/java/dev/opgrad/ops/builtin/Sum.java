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
 * {@code sum(x0, x1, …) = x0 + x1 + …}, a {@link Op#VARIADIC variadic} op: a sum of any length as
 * one node. It adds left to right from {@code x0}, so its output is bit for bit that of the chain
 * {@code x0.add(x1).add(x2)…}; every local gradient is 1.
 */
@AutoService(Op.class)
public final class Sum implements BatchOp, HigherOrderOp {

  @Override
  public String name() {
    return "sum";
  }

  @Override
  public int arity() {
    return VARIADIC;
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return leftToRight(inputs);
  }

  /** {@code x0 + x1 + …}, added left to right from {@code x0}, as a chain of adds does. */
  static double leftToRight(double[] inputs) {
    double sum = inputs[0];
    for (int i = 1; i < inputs.length; i++) {
      sum += inputs[i];
    }
    return sum;
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    for (int i = 0; i < inputs.length; i++) {
      grads[i] = 1;
    }
  }

  @Override
  public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
    for (int i = 0; i < inputs.length; i++) {
      grads[i] = Value.constant(1);
    }
  }

  /** Its local gradients are all 1. */
  @Override
  public boolean localGradsFiniteWhereOutputFinite() {
    return true;
  }

  /** Its local gradients are 1 each, whatever the inputs. */
  @Override
  public boolean localGradsConstant() {
    return true;
  }

  /** Sums of 1 to 5 inputs, each from a grid. */
  @Override
  public List<Point> gradCheckPoints() {
    return variadicPoints();
  }

  /** Points of 1 to 5 inputs from the grid {@code -1.7, -0.6, 0.4, 1.3}, for a sum or a mean. */
  static List<Point> variadicPoints() {
    double[] grid = {-1.7, -0.6, 0.4, 1.3};
    List<Point> points = new ArrayList<>();
    for (int count = 1; count <= 5; count++) {
      for (int shift = 0; shift < grid.length; shift++) {
        double[] point = new double[count];
        for (int i = 0; i < count; i++) {
          point[i] = grid[(i + shift) % grid.length] + i * 0.01;
        }
        points.add(Point.of(point));
      }
    }
    return points;
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double sum = nodes.input(k, 0);
      for (int i = 1; i < nodes.inputCount(k); i++) {
        sum += nodes.input(k, i);
      }
      nodes.setOutput(k, sum);
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    for (int k = 0; k < nodes.size(); k++) {
      double g = nodes.grad(k);
      if (g != 0) { // every local gradient, 1, is finite
        for (int i = 0; i < nodes.inputCount(k); i++) {
          nodes.addInputGrad(k, i, g);
        }
      }
    }
  }
}
