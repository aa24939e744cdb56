/**
 * Atomic against composite: compares formulations of one function of one variable over a range, in
 * value and in derivative, against a reference (the first formulation, or a 32-digit {@link
 * dev.opgrad.samples.compare.HighPrecision} one), and reports where each is NaN, infinite or wrong
 * and by how many ulps it is off elsewhere. {@link dev.opgrad.samples.compare.Comparison} is the
 * entry point; {@code opgrad compare} and the {@code tanh} and {@code pitfalls} samples use it.
 */
package dev.opgrad.samples.compare;
