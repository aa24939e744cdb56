package dev.opgrad.samples;

import dev.opgrad.Value;
import dev.opgrad.nn.Activation;
import dev.opgrad.nn.Losses;
import dev.opgrad.nn.MLP;
import dev.opgrad.nn.Sgd;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The lecture's tiny dataset: four examples of three inputs, targets ±1, fitted by an MLP(3, [4, 4,
 * 1]) with tanh through plain gradient descent on the mean squared error.
 */
public final class FourExamples {

  /** The inputs, as in the lecture. */
  private static final double[][] XS = {{2, 3, -1}, {3, -1, 0.5}, {0.5, 1, 1}, {1, 1, -1}};

  /** The targets, as in the lecture. */
  private static final double[] YS = {1, -1, -1, 1};

  /** The seed of the weights: any seed works; this one makes the run repeat exactly. */
  private static final long SEED = 42;

  private static final int STEPS = 100;
  private static final double LEARNING_RATE = 0.1;

  private FourExamples() {}

  /** Trains and prints the loss and the final predictions. */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Trains the MLP for 100 steps, printing the loss every 10 steps and the final predictions to
   * {@code out}.
   *
   * @return the final predictions, one per example
   */
  public static double[] run(PrintStream out) {
    MLP model = new MLP(3, List.of(4, 4, 1), Activation.TANH, new Random(SEED));
    Sgd sgd = new Sgd(model.parameters(), LEARNING_RATE);
    out.printf(
        "The lecture's four examples: %s, %d parameters, mean squared error, lr %s%n",
        model, model.parameters().size(), LEARNING_RATE);
    for (int step = 0; step < STEPS; step++) {
      Value loss = Losses.meanSquaredError(predict(model), YS);
      sgd.zeroGrad();
      loss.backward();
      sgd.step();
      if (step % 10 == 0 || step == STEPS - 1) {
        out.printf("  step %3d  loss %.6f%n", step, loss.data());
      }
    }
    List<Value> predictions = predict(model);
    double[] result = new double[YS.length];
    out.printf("  final loss %.6f%n", Losses.meanSquaredError(predictions, YS).data());
    for (int i = 0; i < YS.length; i++) {
      result[i] = predictions.get(i).data();
      out.printf("  target %+.0f  prediction %+.4f%n", YS[i], result[i]);
    }
    return result;
  }

  private static List<Value> predict(MLP model) {
    List<Value> predictions = new ArrayList<>(XS.length);
    for (double[] x : XS) {
      predictions.add(model.scalar(x));
    }
    return predictions;
  }
}
