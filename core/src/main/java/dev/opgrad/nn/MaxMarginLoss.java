package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.Value;
import java.util.List;
import java.util.Locale;

/**
 * micrograd's demo loss, computed for one step: the {@link Losses#maxMargin max-margin} data loss
 * plus {@link Losses#l2 L2 regularization}, with the accuracy of the scores it was computed from.
 *
 * @see #of(List, double[], List, double)
 */
public final class MaxMarginLoss {

  private final Value total;
  private final double dataLoss;
  private final double regLoss;
  private final double accuracy;

  private MaxMarginLoss(Value total, double dataLoss, double regLoss, double accuracy) {
    this.total = total;
    this.dataLoss = dataLoss;
    this.regLoss = regLoss;
    this.accuracy = accuracy;
  }

  /**
   * Computes {@code maxMargin(scores, labels) + l2(parameters, alpha)} (micrograd's demo uses
   * {@code alpha = 1e-4}) and the accuracy of {@code scores}.
   *
   * @param labels −1 or +1 per score
   */
  public static MaxMarginLoss of(
      List<Value> scores, double[] labels, List<Value> parameters, double alpha) {
    checkNotNull(parameters, "parameters");
    Value data = Losses.maxMargin(scores, labels);
    Value reg = Losses.l2(parameters, alpha);
    return new MaxMarginLoss(
        data.add(reg), data.data(), reg.data(), Losses.accuracy(scores, labels));
  }

  /** The total loss, data plus regularization, to call {@link Value#backward()} on. */
  public Value total() {
    return total;
  }

  /** The max-margin data loss. */
  public double dataLoss() {
    return dataLoss;
  }

  /** The L2 regularization loss. */
  public double regLoss() {
    return regLoss;
  }

  /** The fraction of scores on the right side of 0, from 0 to 1. */
  public double accuracy() {
    return accuracy;
  }

  /** Returns {@code loss 0.8958 (data 0.8765 + reg 0.0193), accuracy 50%}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "loss %.4f (data %.4f + reg %.4f), accuracy %.0f%%",
        total.data(),
        dataLoss,
        regLoss,
        accuracy * 100);
  }
}
