package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import dev.opgrad.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Loss functions, each returning a {@link Value} to call {@link Value#backward()} on, built from
 * {@code Value}'s ops in the order micrograd builds them.
 */
public final class Losses {

  private Losses() {}

  /**
   * Returns the mean squared error {@code Σ (prediction_i − target_i)² / n}.
   *
   * @throws IllegalArgumentException if the lists are empty or of different sizes
   */
  public static Value meanSquaredError(List<Value> predictions, double[] targets) {
    checkSizes(predictions.size(), targets.length, "targets");
    List<Value> squares = new ArrayList<>(targets.length);
    for (int i = 0; i < targets.length; i++) {
      squares.add(predictions.get(i).sub(targets[i]).pow(2));
    }
    return Value.mean(squares);
  }

  /**
   * Returns micrograd's SVM max-margin (hinge) loss {@code Σ relu(1 − y_i·score_i) / n}, built as
   * micrograd builds it: {@code (1 + score·(−y)).relu()}, summed, times {@code 1/n}.
   *
   * @param labels −1 or +1 per score
   * @throws IllegalArgumentException if the lists are empty or of different sizes
   */
  public static Value maxMargin(List<Value> scores, double[] labels) {
    checkSizes(scores.size(), labels.length, "labels");
    List<Value> margins = new ArrayList<>(labels.length);
    for (int i = 0; i < labels.length; i++) {
      margins.add(scores.get(i).mul(-labels[i]).add(1).relu());
    }
    // micrograd's sum(losses) * (1.0 / len(losses)), not PyTorch's mean: its numbers, bit for bit.
    return Value.sum(margins).mul(1.0 / labels.length);
  }

  /**
   * Returns the L2 regularization {@code Σ p²·alpha} over {@code parameters}, micrograd's {@code
   * alpha * sum(p*p for p in parameters)}.
   *
   * @throws IllegalArgumentException if there are no parameters
   */
  public static Value l2(List<Value> parameters, double alpha) {
    checkArgument(!parameters.isEmpty(), "l2 of no parameters");
    List<Value> squares = new ArrayList<>(parameters.size());
    for (Value p : parameters) {
      squares.add(p.mul(p));
    }
    return Value.sum(squares).mul(alpha);
  }

  /**
   * Returns the fraction of scores whose sign matches their label: a score above 0 predicts +1, any
   * other −1, as in micrograd's demo.
   *
   * @throws IllegalArgumentException if the lists are empty or of different sizes
   */
  public static double accuracy(List<Value> scores, double[] labels) {
    checkSizes(scores.size(), labels.length, "labels");
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if ((labels[i] > 0) == (scores.get(i).data() > 0)) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }

  /**
   * Returns the softmax cross-entropy {@code Σ_k (log Σ_j exp(z_kj) − z_k,c_k) / n} of {@code n}
   * samples, where {@code z_k} are sample k's logits and {@code c_k} its class, as PyTorch's {@code
   * cross_entropy} with mean reduction.
   *
   * <p>It is numerically stable and exact: each sample's log-sum-exp is {@code log Σ_j exp(z_j −
   * m)} with {@code m} the largest logit as a {@linkplain Value#constant constant} (PyTorch's
   * {@code logsumexp} detaches it too), so no {@code exp} overflows and the sum is at least 1; and
   * {@code m} cancels from the loss, {@code log Σ_j exp(z_j − m) − (z_c − m)}, so the loss and its
   * gradient are right at any logits, also when a {@link dev.opgrad.CompiledGraph} replays the
   * graph with new data, as long as the new logits do not exceed {@code m} by some 700.
   *
   * @param logits one list of logits per sample, all of the same size (the number of classes)
   * @param classes the correct class of each sample, an index into its logits
   * @throws IllegalArgumentException if there are no samples, sizes differ, or a class index is out
   *     of range
   */
  public static Value softmaxCrossEntropy(List<List<Value>> logits, int[] classes) {
    checkSizes(logits.size(), classes.length, "classes");
    int classCount = logits.get(0).size();
    List<Value> losses = new ArrayList<>(classes.length);
    for (int k = 0; k < classes.length; k++) {
      List<Value> z = logits.get(k);
      checkArgument(
          z.size() == classCount,
          "sample %s has %s logits, sample 0 has %s",
          k,
          z.size(),
          classCount);
      checkElementIndex(classes[k], classCount, "class of sample " + k);
      double max = Double.NEGATIVE_INFINITY;
      for (Value zj : z) {
        max = Math.max(max, zj.data());
      }
      List<Value> exps = new ArrayList<>(classCount);
      Value target = null;
      for (int j = 0; j < classCount; j++) {
        Value shifted = z.get(j).sub(max);
        exps.add(shifted.exp());
        if (j == classes[k]) {
          target = shifted;
        }
      }
      losses.add(Value.sum(exps).log().sub(target));
    }
    return Value.mean(losses);
  }

  private static void checkSizes(int values, int expected, String what) {
    checkArgument(values > 0, "no samples");
    checkArgument(
        values == expected, "%s values but %s %s: one per value is needed", values, expected, what);
  }
}
