package dev.opgrad.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableDoubleArray;

/**
 * A point of an op's domain, inputs and constants, at which the op is differentiable: where {@link
 * dev.opgrad.GradCheck} compares its local gradient with finite differences.
 */
public final class Point {

  private final ImmutableDoubleArray inputs;
  private final ImmutableDoubleArray constants;

  private Point(ImmutableDoubleArray inputs, ImmutableDoubleArray constants) {
    this.inputs = inputs;
    this.constants = constants;
  }

  /** A point of an op without constants. */
  public static Point of(double... inputs) {
    return new Point(
        ImmutableDoubleArray.copyOf(checkNotNull(inputs, "inputs")), ImmutableDoubleArray.of());
  }

  /**
   * A point of an op with constants, such as {@code Point.withConstants(new double[] {3}, 1.5)}.
   */
  public static Point withConstants(double[] constants, double... inputs) {
    return new Point(
        ImmutableDoubleArray.copyOf(checkNotNull(inputs, "inputs")),
        ImmutableDoubleArray.copyOf(checkNotNull(constants, "constants")));
  }

  /** The input values. */
  public ImmutableDoubleArray inputs() {
    return inputs;
  }

  /** The constant parameters. */
  public ImmutableDoubleArray constants() {
    return constants;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Point that
        && inputs.equals(that.inputs)
        && constants.equals(that.constants);
  }

  @Override
  public int hashCode() {
    return inputs.hashCode() * 31 + constants.hashCode();
  }

  /** Returns {@code inputs [1.5]} or {@code inputs [1.5] constants [3.0]}. */
  @Override
  public String toString() {
    return "inputs " + inputs + (constants.isEmpty() ? "" : " constants " + constants);
  }
}
