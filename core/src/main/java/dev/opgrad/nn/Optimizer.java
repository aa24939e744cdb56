package dev.opgrad.nn;

import dev.opgrad.Value;
import java.util.List;

/**
 * Updates parameters from their gradients, as PyTorch's {@code torch.optim.Optimizer}. A training
 * step: {@link #zeroGrad()}, build the loss, {@code loss.backward()}, {@link #step()}.
 */
public interface Optimizer {

  /** The parameters this optimizer updates, each a leaf {@link Value}. */
  List<Value> parameters();

  /** Updates every parameter from its current gradient, then counts the step. */
  void step();

  /** The number of {@link #step()}s taken so far: the index of the next step, from 0. */
  int steps();

  /** Sets the gradient of every parameter to 0. */
  default void zeroGrad() {
    for (Value p : parameters()) {
      p.zeroGrad();
    }
  }
}
