package dev.opgrad.samples.compare;

import static java.util.Objects.requireNonNull;

import dev.opgrad.Value;
import java.util.function.Function;

/**
 * One way of computing a function of one variable with opgrad's ops: {@code tanh(x)} as one op, or
 * {@code (exp(2x) − 1)/(exp(2x) + 1)} built from five. {@link Comparison} calls {@code function} on
 * a fresh leaf for every point, so the function may build any graph over it, holding any other
 * variable at a fixed value.
 *
 * @param name a short name for tables and legends, such as {@code exp}
 * @param formula the formula it computes, as a reader would write it
 * @param function builds the formulation's graph over the leaf it is given and returns its root
 */
public record Formulation(String name, String formula, Function<Value, Value> function) {

  /** Checks that every component is given. */
  public Formulation {
    requireNonNull(name, "name");
    requireNonNull(formula, "formula");
    requireNonNull(function, "function");
  }
}
