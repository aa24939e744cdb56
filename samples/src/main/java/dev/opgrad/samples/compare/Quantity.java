package dev.opgrad.samples.compare;

/** What a comparison measures of each formulation at a point. */
public enum Quantity {
  /** The value the forward pass computes. */
  VALUE,
  /** The derivative that {@code backward()} computes. */
  DERIVATIVE
}
