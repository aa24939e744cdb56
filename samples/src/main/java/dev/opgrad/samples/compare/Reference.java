package dev.opgrad.samples.compare;

import static java.util.Objects.requireNonNull;

import java.util.function.DoubleUnaryOperator;

/**
 * What a comparison measures errors against: a function's value and derivative at a point, each a
 * {@code double}. {@link HighPrecision}'s references are computed to 32 digits and rounded to the
 * nearest double, so that a correctly rounded formulation has an error of 0; {@link
 * #of(Formulation)} takes a formulation as the truth, as the command line does for two expressions
 * neither of which is an op with a high-precision reference.
 *
 * @param name what the reference is, for the report: {@code tanh to 32 digits (Hipparchus Dfp),
 *     rounded to the nearest double}
 * @param value the function's value at x
 * @param derivative the function's derivative at x
 */
public record Reference(String name, DoubleUnaryOperator value, DoubleUnaryOperator derivative) {

  /** Checks that every component is given. */
  public Reference {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    requireNonNull(derivative, "derivative");
  }

  /** The formulation's own value and derivative, computed by opgrad as the comparison does. */
  public static Reference of(Formulation formulation) {
    return new Reference(
        formulation.name() + " itself: " + formulation.formula(),
        x -> Evaluation.of(formulation, x).value(),
        x -> Evaluation.of(formulation, x).derivative());
  }
}
