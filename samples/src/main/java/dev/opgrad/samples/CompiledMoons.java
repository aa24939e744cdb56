package dev.opgrad.samples;

import dev.opgrad.CompiledGraph;
import dev.opgrad.nn.MLP;
import java.io.PrintStream;

/**
 * micrograd's moons training ({@link Moons}), 100 full-batch steps from micrograd's initial
 * parameters, run twice: eagerly, building the graph of the {@link MLP} and its loss again at every
 * step as micrograd does, and compiled, capturing that graph once with {@link CompiledGraph} and
 * replaying it. It prints both losses side by side; they are the same numbers, bit for bit.
 */
public final class CompiledMoons {

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
    double[] initial = MoonsData.initialParameters();
    double[] eager = trainEagerly(Moons.newModel(initial));
    MLP model = Moons.newModel(initial);
    double[] compiled = trainCompiled(model);
    out.println("micrograd's moons, 100 steps: eager graph vs compiled replay");
    out.printf("%4s  %-22s  %-22s  %s%n", "step", "eager loss", "compiled loss", "identical");
    int identical = 0;
    for (int k = 0; k < Moons.STEPS; k++) {
      boolean same = Double.doubleToLongBits(eager[k]) == Double.doubleToLongBits(compiled[k]);
      identical += same ? 1 : 0;
      if (k % 10 == 0 || k == Moons.STEPS - 1) {
        out.printf("%4d  %-22s  %-22s  %s%n", k, eager[k], compiled[k], same ? "yes" : "NO");
      }
    }
    out.printf(
        "%d of %d steps identical; final accuracy %.0f%%%n",
        identical, Moons.STEPS, 100 * Moons.loss(model).accuracy());
    return new double[][] {eager, compiled};
  }

  /**
   * Trains {@code model} with micrograd's loop, {@link Moons#train}: build the loss, zero the
   * gradients, backpropagate, descend.
   *
   * @return the loss at each step
   */
  public static double[] trainEagerly(MLP model) {
    double[] losses = new double[Moons.STEPS];
    Moons.train(model, (loss, step) -> losses[step] = loss.total().data());
    return losses;
  }

  /**
   * The same loop replayed from one graph captured at the start; leaves {@code model} holding the
   * trained parameters.
   *
   * @return the loss at each step
   */
  public static double[] trainCompiled(MLP model) {
    CompiledGraph step = CompiledGraph.capture(Moons.loss(model).total(), model.parameters());
    double[] losses = new double[Moons.STEPS];
    for (int k = 0; k < Moons.STEPS; k++) {
      losses[k] = step.forward();
      step.zeroGrad();
      step.backward();
      step.step(Moons.learningRate(k));
    }
    model.loadParameters(step.parameters());
    return losses;
  }
}
