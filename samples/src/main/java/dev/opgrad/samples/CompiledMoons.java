package dev.opgrad.samples;

import dev.opgrad.CompiledGraph;
import dev.opgrad.Value;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * micrograd's moons training, 100 full-batch steps from micrograd's initial parameters, run twice:
 * eagerly, building the graph of {@link Value}s again at every step as micrograd does, and
 * compiled, capturing that graph once with {@link CompiledGraph} and replaying it. It prints both
 * losses side by side; they are the same numbers, bit for bit.
 */
public final class CompiledMoons {

  private static final int STEPS = 100;

  private CompiledMoons() {}

  /** Trains both ways and prints the losses. */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Trains both ways, printing every tenth step's losses and the final accuracy to {@code out}.
   *
   * @return the losses, eager in row 0 and compiled in row 1
   */
  public static double[][] run(PrintStream out) {
    MoonsData data = MoonsData.load();
    double[] initial = MoonsData.initialParameters();
    double[] eager = trainEagerly(data, initial, STEPS);
    List<Value> parameters = leaves(initial);
    double[] compiled = trainCompiled(data, parameters, STEPS);
    out.println("micrograd's moons, 100 steps: eager graph vs compiled replay");
    out.printf("%4s  %-22s  %-22s  %s%n", "step", "eager loss", "compiled loss", "identical");
    int identical = 0;
    for (int k = 0; k < STEPS; k++) {
      boolean same = Double.doubleToLongBits(eager[k]) == Double.doubleToLongBits(compiled[k]);
      identical += same ? 1 : 0;
      if (k % 10 == 0 || k == STEPS - 1) {
        out.printf("%4d  %-22s  %-22s  %s%n", k, eager[k], compiled[k], same ? "yes" : "NO");
      }
    }
    out.printf("%d of %d steps identical; final accuracy %.0f%%%n",
        identical, STEPS, 100 * MoonsNet.accuracy(parameters, data));
    return new double[][] {eager, compiled};
  }

  /** Fresh leaves holding {@code data}. */
  public static List<Value> leaves(double[] data) {
    List<Value> leaves = new ArrayList<>(data.length);
    for (double d : data) {
      leaves.add(Value.of(d));
    }
    return leaves;
  }

  /**
   * micrograd's loop from the parameters {@code initial}: build the loss, zero the gradients,
   * backpropagate, descend.
   *
   * @return the loss at each step
   */
  public static double[] trainEagerly(MoonsData data, double[] initial, int steps) {
    List<Value> parameters = leaves(initial);
    double[] losses = new double[steps];
    for (int k = 0; k < steps; k++) {
      Value loss = MoonsNet.loss(parameters, data);
      parameters.forEach(Value::zeroGrad);
      loss.backward();
      double learningRate = MoonsNet.learningRate(k);
      for (Value p : parameters) {
        p.setData(p.data() - learningRate * p.grad());
      }
      losses[k] = loss.data();
    }
    return losses;
  }

  /**
   * The same loop replayed from one graph captured at the start; leaves {@code parameters} holding
   * the trained parameters.
   *
   * @return the loss at each step
   */
  public static double[] trainCompiled(MoonsData data, List<Value> parameters, int steps) {
    CompiledGraph step = CompiledGraph.capture(MoonsNet.loss(parameters, data), parameters);
    double[] losses = new double[steps];
    for (int k = 0; k < steps; k++) {
      losses[k] = step.forward();
      step.backward();
      step.step(MoonsNet.learningRate(k));
    }
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).setData(step.parameter(i));
    }
    return losses;
  }
}
