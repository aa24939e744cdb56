package dev.opgrad.samples.compare;

import dev.opgrad.Value;

/**
 * A formulation's value and derivative at one point, as opgrad computes them: the forward pass on a
 * fresh leaf, then {@code backward()}.
 */
record Evaluation(double value, double derivative) {

  /**
   * Builds {@code formulation}'s graph over a new leaf holding {@code x} and backpropagates from
   * its root. A root that does not depend on the leaf has the derivative 0.
   */
  static Evaluation of(Formulation formulation, double x) {
    Value leaf = Value.of(x);
    Value root = formulation.function().apply(leaf);
    if (!root.requiresGrad()) { // a constant: backward() would refuse it, and nothing depends on x
      return new Evaluation(root.data(), 0);
    }
    root.backward();
    return new Evaluation(root.data(), leaf.grad());
  }
}
