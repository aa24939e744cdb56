package dev.opgrad.samples.compare;

/**
 * Every formulation's value and derivative at one point, and the reference's.
 *
 * @param x the point
 * @param results each formulation's evaluation, in the comparison's order
 * @param referenceValue the reference's value at x
 * @param referenceDerivative the reference's derivative at x
 */
record Sample(double x, Evaluation[] results, double referenceValue, double referenceDerivative) {

  /** Formulation {@code f}'s value or derivative. */
  double result(int f, Quantity quantity) {
    return quantity == Quantity.VALUE ? results[f].value() : results[f].derivative();
  }

  /** The reference's value or derivative. */
  double reference(Quantity quantity) {
    return quantity == Quantity.VALUE ? referenceValue : referenceDerivative;
  }

  /** How formulation {@code f}'s value or derivative breaks down here, or null if it does not. */
  Breakdown.Kind kind(int f, Quantity quantity) {
    return Breakdown.Kind.of(result(f, quantity), reference(quantity));
  }

  /** Whether both formulation {@code f}'s result and the reference are finite: an error exists. */
  boolean comparable(int f, Quantity quantity) {
    return Double.isFinite(result(f, quantity)) && Double.isFinite(reference(quantity));
  }
}
