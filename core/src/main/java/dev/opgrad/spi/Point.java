package dev.opgrad.spi;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A point of an op's domain, inputs and constants, at which the op is differentiable: where {@link
 * dev.opgrad.check.GradCheck} compares its local gradient with finite differences. Immutable: the
 * arrays go in and come out as copies.
 */
public final class Point {

  private static final double[] NONE = {};

  private final double[] inputs;
  private final double[] constants;

  private Point(double[] inputs, double[] constants) {
    this.inputs = inputs;
    this.constants = constants;
  }

  /** A point of an op without constants. */
  public static Point of(double... inputs) {
    return new Point(requireNonNull(inputs, "inputs").clone(), NONE);
  }

  /**
   * A point of an op with constants, such as {@code Point.withConstants(new double[] {3}, 1.5)}.
   */
  public static Point withConstants(double[] constants, double... inputs) {
    return new Point(
        requireNonNull(inputs, "inputs").clone(), requireNonNull(constants, "constants").clone());
  }

  /** The input values, in a new array. */
  public double[] inputs() {
    return inputs.clone();
  }

  /** The constant parameters, in a new array. */
  public double[] constants() {
    return constants.clone();
  }

  /** The number of inputs. */
  public int inputCount() {
    return inputs.length;
  }

  /** The number of constants. */
  public int constantCount() {
    return constants.length;
  }

  /** Whether {@code other} is a point of the same inputs and constants, bit for bit. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Point that
        && Arrays.equals(inputs, that.inputs)
        && Arrays.equals(constants, that.constants);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(inputs) * 31 + Arrays.hashCode(constants);
  }

  /** Returns {@code inputs [1.5]} or {@code inputs [1.5] constants [3.0]}. */
  @Override
  public String toString() {
    return "inputs "
        + Arrays.toString(inputs)
        + (constants.length == 0 ? "" : " constants " + Arrays.toString(constants));
  }
}
