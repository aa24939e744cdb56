package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.opgrad.Value;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Plain gradient descent, {@code p ← p − lr(k)·∂loss/∂p} at step {@code k} (from 0), with a
 * learning rate that may follow a schedule: micrograd's moons demo uses {@code k -> 1.0 - 0.9 * k /
 * 100}.
 */
public final class Sgd implements Optimizer {

  private final ImmutableList<Value> parameters;
  private final IntToDoubleFunction learningRate;
  private int steps;

  /** Creates an optimizer of {@code parameters} whose learning rate at step k is {@code lr(k)}. */
  public Sgd(List<Value> parameters, IntToDoubleFunction learningRate) {
    this.parameters = ImmutableList.copyOf(parameters);
    this.learningRate = checkNotNull(learningRate, "learningRate");
  }

  /** Creates an optimizer of {@code parameters} with a constant learning rate. */
  public Sgd(List<Value> parameters, double learningRate) {
    this(parameters, k -> learningRate);
  }

  @Override
  public List<Value> parameters() {
    return parameters;
  }

  @Override
  public void step() {
    double lr = learningRate.applyAsDouble(steps);
    for (Value p : parameters) {
      p.setData(p.data() - lr * p.grad());
    }
    steps++;
  }

  @Override
  public int steps() {
    return steps;
  }

  /** The learning rate of the next step. */
  public double learningRate() {
    return learningRate.applyAsDouble(steps);
  }
}
