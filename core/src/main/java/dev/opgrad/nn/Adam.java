package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.opgrad.Value;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Adam, and AdamW with decoupled weight decay, as PyTorch's {@code torch.optim.Adam} and {@code
 * AdamW} compute them. At step {@code t} (from 1), with {@code g} the gradient:
 *
 * <pre>
 * g ← g + λ·p                         (weightDecay λ: Adam's L2 penalty)
 * p ← p − lr·λ·p                      (decoupledWeightDecay λ: AdamW)
 * m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * p ← p − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * <pre>{@code
 * Optimizer adamW = Adam.builder(model.parameters()).learningRate(1e-2)
 *     .decoupledWeightDecay(0.01).build();
 * }</pre>
 */
public final class Adam implements Optimizer {

  private final ImmutableList<Value> parameters;
  private final IntToDoubleFunction learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private final boolean decoupled;
  private final double[] m;
  private final double[] v;
  private int steps;

  private Adam(Builder b) {
    this.parameters = b.parameters;
    this.learningRate = b.learningRate;
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.epsilon = b.epsilon;
    this.weightDecay = b.weightDecay;
    this.decoupled = b.decoupled;
    this.m = new double[parameters.size()];
    this.v = new double[parameters.size()];
  }

  /**
   * Returns a builder of an optimizer of {@code parameters} with PyTorch's defaults: learning rate
   * 1e-3, betas (0.9, 0.999), epsilon 1e-8, no weight decay.
   */
  public static Builder builder(List<Value> parameters) {
    return new Builder(parameters);
  }

  @Override
  public List<Value> parameters() {
    return parameters;
  }

  @Override
  public void step() {
    int t = steps + 1;
    double lr = learningRate.applyAsDouble(steps);
    double correction1 = 1 - Math.pow(beta1, t);
    double correction2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < m.length; i++) {
      Value p = parameters.get(i);
      double data = p.data();
      double g = p.grad();
      if (decoupled) {
        data -= lr * weightDecay * data;
      } else {
        g += weightDecay * data;
      }
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      double mHat = m[i] / correction1;
      double vHat = v[i] / correction2;
      p.setData(data - lr * mHat / (Math.sqrt(vHat) + epsilon));
    }
    steps = t;
  }

  @Override
  public int steps() {
    return steps;
  }

  /** Configures an {@link Adam}; every setting has PyTorch's default until set. */
  public static final class Builder {

    private final ImmutableList<Value> parameters;
    private IntToDoubleFunction learningRate = k -> 1e-3;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;
    private double weightDecay;
    private boolean decoupled;

    private Builder(List<Value> parameters) {
      this.parameters = ImmutableList.copyOf(parameters);
    }

    /** Sets a constant learning rate. */
    public Builder learningRate(double learningRate) {
      return learningRate(k -> learningRate);
    }

    /** Sets the learning rate at step k (from 0) to {@code schedule(k)}. */
    public Builder learningRate(IntToDoubleFunction schedule) {
      this.learningRate = checkNotNull(schedule, "schedule");
      return this;
    }

    /** Sets the decay rates of the first and second moment estimates, each in [0, 1). */
    public Builder betas(double beta1, double beta2) {
      checkArgument(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got %s", beta1);
      checkArgument(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got %s", beta2);
      this.beta1 = beta1;
      this.beta2 = beta2;
      return this;
    }

    /** Sets the term added to the denominator for numerical stability. */
    public Builder epsilon(double epsilon) {
      checkArgument(epsilon >= 0, "epsilon must not be negative, got %s", epsilon);
      this.epsilon = epsilon;
      return this;
    }

    /**
     * Adds {@code lambda·p} to each gradient, PyTorch's {@code Adam(weight_decay=lambda)}: an L2
     * penalty that the moment estimates rescale. Replaces any decoupled weight decay.
     */
    public Builder weightDecay(double lambda) {
      return decay(lambda, false);
    }

    /**
     * Shrinks each parameter by {@code lr·lambda·p} before the Adam update, PyTorch's {@code
     * AdamW(weight_decay=lambda)}. Replaces any L2 weight decay.
     */
    public Builder decoupledWeightDecay(double lambda) {
      return decay(lambda, true);
    }

    private Builder decay(double lambda, boolean decoupled) {
      checkArgument(lambda >= 0, "weight decay must not be negative, got %s", lambda);
      this.weightDecay = lambda;
      this.decoupled = decoupled;
      return this;
    }

    /** Returns the optimizer. */
    public Adam build() {
      return new Adam(this);
    }
  }
}
