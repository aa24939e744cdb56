package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.Value;
import java.io.IOException;
import java.nio.file.Path;
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

  /**
   * Writes every parameter's data to {@code file}, in {@link #parameters()} order, as UTF-8 text
   * that a person can read and {@link #loadParameters(Path)} reads back bit for bit: a line naming
   * the format, one describing this module, one counting the parameters, then one number per line
   * as {@link Double#toString(double)} writes it.
   *
   * <pre>
   * # opgrad parameters v1
   * model MLP(2, [16, 16, 1], RELU)
   * count 337
   * 0.23550571390294128
   * …
   * </pre>
   *
   * <p>Every double comes back with the same bits, −0.0 and ±Infinity included, except that a NaN
   * comes back as {@link Double#NaN}, whatever its payload. The file is written next to {@code
   * file} under another name, then moved over it in one atomic step, so that {@code file} is never
   * half written: after a failure, or a crash, it is as it was.
   *
   * @throws IOException if the file cannot be written, or the file system cannot replace it
   *     atomically ({@link java.nio.file.AtomicMoveNotSupportedException})
   */
  default void saveParameters(Path file) throws IOException {
    ParameterFile.save(this, file);
  }

  /**
   * Replaces every parameter's data with the numbers of a file that {@link #saveParameters(Path)}
   * wrote, in {@link #parameters()} order. It reads and checks the whole file before it sets
   * anything: when it throws, no parameter has changed.
   *
   * <p>Like {@link #loadParameters(double[])}, it checks the number of parameters, not the model
   * line, which is there for a person: a module's {@code toString()} need not stay the same from
   * run to run ({@code Object}'s holds a hash code). Parameters move between models of the same
   * size, as an array of them would.
   *
   * @throws IOException if the file cannot be read or is not a parameter file: the message names
   *     the file and the line at fault (a wrong first line, a bad number, lines missing or extra)
   * @throws IllegalArgumentException if the file holds another number of parameters than this
   *     module has; the message names both numbers and both models
   * @throws IllegalStateException if a parameter is not a leaf, whose data could not be set
   */
  default void loadParameters(Path file) throws IOException {
    ParameterFile.load(this, file);
  }
}
