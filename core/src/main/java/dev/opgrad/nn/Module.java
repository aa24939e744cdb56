package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.Value;
import java.util.List;

/**
 * Something with trainable parameters, as micrograd's and PyTorch's {@code Module}: a {@link
 * Neuron}, a {@link Layer}, an {@link MLP}.
 *
 * <p>{@code java.lang.Module} has the same simple name: code that imports {@code dev.opgrad.nn.*}
 * on demand and names this type imports it explicitly, {@code import dev.opgrad.nn.Module;}.
 */
public interface Module {

  /**
   * The parameters, each a leaf {@link Value}, in a fixed order: for the modules of this package,
   * layer by layer, neuron by neuron, each neuron's weights and then its bias, as in micrograd.
   */
  List<Value> parameters();

  /** Sets the gradient of every parameter to 0, before a backward pass whose gradients to keep. */
  default void zeroGrad() {
    for (Value p : parameters()) {
      p.zeroGrad();
    }
  }

  /**
   * Replaces every parameter's data with {@code values}, in {@link #parameters()} order, so that a
   * run starts exactly where another one (micrograd's, say) started. It checks everything before
   * it sets anything: when it throws, no parameter has changed.
   *
   * @throws IllegalArgumentException if {@code values} does not hold exactly one number per
   *     parameter
   * @throws IllegalStateException if a parameter is not a leaf, whose data could not be set
   */
  default void loadParameters(double[] values) {
    checkNotNull(values, "values");
    List<Value> parameters = parameters();
    if (values.length != parameters.size()) {
      throw new IllegalArgumentException(
          String.format(
              "%s has %d parameters, got %d values", this, parameters.size(), values.length));
    }
    for (int i = 0; i < parameters.size(); i++) {
      Value parameter = parameters.get(i);
      if (!parameter.isLeaf()) {
        throw new IllegalStateException(
            String.format(
                "%s cannot load its parameters: parameter %d is computed by op '%s', not a leaf",
                this, i, parameter.op().name()));
      }
    }
    for (int i = 0; i < values.length; i++) {
      parameters.get(i).setData(values[i]);
    }
  }
}
