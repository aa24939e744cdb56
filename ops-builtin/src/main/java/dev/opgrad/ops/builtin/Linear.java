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

  /**
   * The inputs from which a run's places are worth asking for, once per run: two products and the
   * bias, a first layer's neuron of two inputs.
   */
  private static final int SIDE_BY_SIDE_INPUTS = 5;

  /** The inputs of a neuron of two products: {@code b, w0, x0, w1, x1}. */
  private static final int TWO_PRODUCTS = 5;

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
    int size = nodes.size();
    int[] biases = null;
    int[] weights = null;
    int[] xs = null;
    if (size >= 4 && nodes.inputCount(0) >= SIDE_BY_SIDE_INPUTS) {
      biases = nodes.consecutiveInputsOfAll(0, nodes.inputCount(0));
      weights = nodes.consecutiveInputsOfAll(1, 2);
      xs = nodes.consecutiveInputsOfAll(2, 2);
    }
    int k = 0;
    while (k < size) {
      if (weights != null) {
        if (nodes.inputCount(k) == TWO_PRODUCTS) {
          k = forwardTwoProducts(nodes, k, biases, weights, xs);
        }
        k = forwardSideBySide(nodes, k, biases, weights, xs);
        if (k == size) {
          return;
        }
      }
      int count = nodes.inputCount(k);
      checkOdd(count);
      if (k + 1 < size && nodes.inputCount(k + 1) == count) {
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
   * Computes nodes {@code from}, {@code from + 1}, … four at a time, as long as each four have one
   * odd number of inputs, their weights side by side and their inputs {@code x_i} too, as a replay
   * lays out a layer's neurons; returns the first node it did not compute. Four sums at once, their
   * terms read from {@link Nodes#data()} at the run's places: the four chains of additions fill
   * each other's waits, and each keeps its order. One loop over the run, not a call per four: that
   * call, too large for the JIT to inline, cost a first layer's two-product neurons a fifth of
   * their time.
   */
  private static int forwardSideBySide(
      Nodes nodes, int from, int[] biases, int[] weights, int[] xs) {
    double[] data = nodes.data();
    int k = from;
    for (; k + 3 < nodes.size(); k += 4) {
      int count = nodes.inputCount(k);
      int b0 = biases[k];
      int b1 = biases[k + 1];
      int b2 = biases[k + 2];
      int b3 = biases[k + 3];
      int w0 = weights[k];
      int w1 = weights[k + 1];
      int w2 = weights[k + 2];
      int w3 = weights[k + 3];
      int x0 = xs[k];
      int x1 = xs[k + 1];
      int x2 = xs[k + 2];
      int x3 = xs[k + 3];
      if ((b0 | w0 | x0 | b1 | w1 | x1 | b2 | w2 | x2 | b3 | w3 | x3) < 0
          || count % 2 == 0
          || nodes.inputCount(k + 1) != count
          || nodes.inputCount(k + 2) != count
          || nodes.inputCount(k + 3) != count) {
        return k;
      }
      double sum0 = data[b0];
      double sum1 = data[b1];
      double sum2 = data[b2];
      double sum3 = data[b3];
      int products = count / 2;
      if (x0 == x1 && x0 == x2 && x0 == x3) { // four neurons of one layer at one point
        for (int j = 0; j < products; j++) {
          double x = data[x0 + j];
          sum0 += data[w0 + j] * x;
          sum1 += data[w1 + j] * x;
          sum2 += data[w2 + j] * x;
          sum3 += data[w3 + j] * x;
        }
      } else {
        for (int j = 0; j < products; j++) {
          sum0 += data[w0 + j] * data[x0 + j];
          sum1 += data[w1 + j] * data[x1 + j];
          sum2 += data[w2 + j] * data[x2 + j];
          sum3 += data[w3 + j] * data[x3 + j];
        }
      }
      nodes.setOutput(k, sum0);
      nodes.setOutput(k + 1, sum1);
      nodes.setOutput(k + 2, sum2);
      nodes.setOutput(k + 3, sum3);
    }
    return k;
  }

  /**
   * {@link #forwardSideBySide} for nodes of two products, {@code b + w0·x0 + w1·x1} (a first layer
   * in the plane), four of one point at a time: as long as each four have five inputs, their places
   * given and their inputs x_i the same. For two products a loop, and the checks of the general
   * case, cost more than the products: this takes a quarter less time than that case (1,600
   * neurons, 4.4 against 5.8 µs).
   */
  private static int forwardTwoProducts(
      Nodes nodes, int from, int[] biases, int[] weights, int[] xs) {
    double[] data = nodes.data();
    int k = from;
    for (; k + 3 < nodes.size(); k += 4) {
      int x = xs[k];
      int b0 = biases[k];
      int b1 = biases[k + 1];
      int b2 = biases[k + 2];
      int b3 = biases[k + 3];
      int w0 = weights[k];
      int w1 = weights[k + 1];
      int w2 = weights[k + 2];
      int w3 = weights[k + 3];
      if ((b0 | w0 | b1 | w1 | b2 | w2 | b3 | w3 | x) < 0
          || xs[k + 1] != x
          || xs[k + 2] != x
          || xs[k + 3] != x
          || nodes.inputCount(k) != TWO_PRODUCTS
          || nodes.inputCount(k + 1) != TWO_PRODUCTS
          || nodes.inputCount(k + 2) != TWO_PRODUCTS
          || nodes.inputCount(k + 3) != TWO_PRODUCTS) {
        return k;
      }
      double x0 = data[x];
      double x1 = data[x + 1];
      // b + w0·x0 + w1·x1, left to right, as forward() adds
      nodes.setOutput(k, data[b0] + data[w0] * x0 + data[w0 + 1] * x1);
      nodes.setOutput(k + 1, data[b1] + data[w1] * x0 + data[w1 + 1] * x1);
      nodes.setOutput(k + 2, data[b2] + data[w2] * x0 + data[w2 + 1] * x1);
      nodes.setOutput(k + 3, data[b3] + data[w3] * x0 + data[w3 + 1] * x1);
    }
    return k;
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
    int size = nodes.size();
    int[] biases = null;
    int[] weights = null;
    int[] xs = null;
    if (nodes.inputCount(0) >= SIDE_BY_SIDE_INPUTS) {
      biases = nodes.consecutiveInputsOfAll(0, nodes.inputCount(0));
      weights = nodes.consecutiveInputsOfAll(1, 2);
      xs = nodes.consecutiveInputsOfAll(2, 2);
    }
    for (int k = 0; k < size; k++) {
      double g = nodes.grad(k);
      if (g == 0 && Double.isFinite(nodes.output(k))) {
        continue;
      }
      int count = nodes.inputCount(k);
      if (weights != null && (biases[k] | weights[k] | xs[k]) >= 0) {
        // The same additions in the same order, into the places the run gives.
        int w = weights[k];
        int x = xs[k];
        double[] data = nodes.data();
        double[] grads = nodes.grads();
        grads[biases[k]] += g;
        for (int j = 0; j < count / 2; j++) {
          grads[w + j] += g * data[x + j];
          grads[x + j] += g * data[w + j];
        }
        continue;
      }
      if (weights != null && (biases[k] | weights[k]) >= 0) {
        // Weights side by side, inputs x_i not, or wanting no gradient: a first layer's points.
        int w = weights[k];
        double[] data = nodes.data();
        double[] grads = nodes.grads();
        grads[biases[k]] += g;
        for (int j = 0; j < count / 2; j++) {
          grads[w + j] += g * nodes.input(k, 2 * j + 2);
          nodes.addInputGrad(k, 2 * j + 2, g * data[w + j]);
        }
        continue;
      }
      nodes.addInputGrad(k, 0, g);
      for (int i = 1; i < count; i += 2) {
        double wi = nodes.input(k, i);
        double xi = nodes.input(k, i + 1);
        nodes.addInputGrad(k, i, g * xi);
        nodes.addInputGrad(k, i + 1, g * wi);
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
