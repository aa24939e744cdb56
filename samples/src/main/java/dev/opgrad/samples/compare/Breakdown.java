package dev.opgrad.samples.compare;

/**
 * An interval where a formulation's value or derivative breaks down: it is NaN, infinite, or wrong.
 * Its ends are found on the grid and then by bisection down to adjacent doubles: {@code from} is
 * the first double of the interval and {@code to} the last, or the range's end where the interval
 * reaches it. Between two grid points, a breakdown the grid does not touch is not seen. Wrong
 * results may have holes, narrow stretches of right ones, where the roundings of a cancellation
 * happen to fall well; see {@link Comparison}.
 *
 * @param formulation the formulation's name
 * @param quantity its value or its derivative
 * @param kind what goes wrong
 * @param from the interval's smallest x
 * @param to the interval's largest x
 * @param holes how many stretches of right results the interval holds
 */
public record Breakdown(
    String formulation, Quantity quantity, Kind kind, double from, double to, int holes) {

  /** What goes wrong in a breakdown. */
  public enum Kind {
    /** The result is NaN. */
    NAN("NaN"),
    /** The result is +∞. */
    POSITIVE_INFINITY("+Infinity"),
    /** The result is −∞. */
    NEGATIVE_INFINITY("-Infinity"),
    /**
     * The result is finite and so is the reference, but they differ by more than 2<sup>26</sup>
     * ulps of the reference: half of the significand's 53 bits are lost.
     */
    WRONG("wrong");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How the report writes it: NaN, +Infinity, -Infinity, wrong. */
    public String label() {
      return label;
    }

    /**
     * The kind of breakdown of result {@code a} against the reference {@code r}, or {@code null} if
     * {@code a} does not break down there. A result that is not finite is a breakdown even where
     * the reference is the same infinity: the caller sees an infinity either way. Where the
     * reference is not finite, a finite result cannot be judged, and is not a breakdown.
     */
    static Kind of(double a, double r) {
      if (Double.isNaN(a)) {
        return NAN;
      }
      if (Double.isInfinite(a)) {
        return a > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
      }
      return Double.isFinite(r) && Errors.ulps(a, r) > Errors.WRONG_ULPS ? WRONG : null;
    }

    /** Whether the result is NaN or infinite. */
    public boolean isNonFinite() {
      return this != WRONG;
    }
  }
}
