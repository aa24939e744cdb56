package dev.opgrad.check;

import dev.opgrad.spi.Point;
import java.util.Optional;

/**
 * What a {@link GradCheck} found: whether every local gradient matched its finite difference, and
 * the worst comparison, the one furthest outside (or least inside) its tolerance; for a {@link
 * dev.opgrad.spi.BatchOp}, also where its batch methods differ from its per-node methods.
 */
public final class GradCheckResult {

  private final String opName;
  private final int pointCount;
  private final boolean passed;
  private final Point worstPoint; // null when no point was checked
  private final int worstInput;
  private final double analytic;
  private final double numeric;
  private final String batchMismatch; // null when none
  private final String secondOrderMismatch; // null when none

  private GradCheckResult(Builder builder) {
    this.opName = builder.opName;
    this.pointCount = builder.pointCount;
    this.passed =
        builder.pointCount > 0
            && builder.failures == 0
            && builder.batchMismatch == null
            && builder.secondOrderMismatch == null;
    this.worstPoint = builder.worstPoint;
    this.worstInput = builder.worstInput;
    this.analytic = builder.analytic;
    this.numeric = builder.numeric;
    this.batchMismatch = builder.batchMismatch;
    this.secondOrderMismatch = builder.secondOrderMismatch;
  }

  /** The name of the op checked. */
  public String opName() {
    return opName;
  }

  /** How many points were checked. */
  public int pointCount() {
    return pointCount;
  }

  /**
   * Whether at least one point was checked, every gradient matched, for a batch op, the batch
   * methods matched the per-node methods, and for a higher-order op, the second order matched.
   */
  public boolean passed() {
    return passed;
  }

  /** The point of the worst comparison; empty if no point was checked. */
  public Optional<Point> worstPoint() {
    return Optional.ofNullable(worstPoint);
  }

  /** The index of the input whose gradient compared worst. */
  public int worstInput() {
    return worstInput;
  }

  /** The op's local gradient in the worst comparison. */
  public double analytic() {
    return analytic;
  }

  /** The central finite difference in the worst comparison. */
  public double numeric() {
    return numeric;
  }

  /**
   * For a {@link dev.opgrad.spi.BatchOp}, the first place where its batch methods differ from its
   * per-node methods; empty if nowhere, or if the op is not a batch op.
   */
  public Optional<String> batchMismatch() {
    return Optional.ofNullable(batchMismatch);
  }

  /**
   * For a {@link dev.opgrad.spi.HigherOrderOp}, the first place where its local gradients as values
   * differ from its {@code localGrad}'s numbers, or their derivatives from central differences of
   * {@code localGrad}; empty if nowhere, or if the op is not a higher-order op.
   */
  public Optional<String> secondOrderMismatch() {
    return Optional.ofNullable(secondOrderMismatch);
  }

  /**
   * Returns, for example, {@code gradcheck of 'tanh' passed on 4 points; worst: input 0 at inputs
   * [0.4]: analytic 0.8556…, numeric 0.8556…}.
   */
  @Override
  public String toString() {
    if (pointCount == 0) {
      return "gradcheck of '"
          + opName
          + "' failed: no points to check; the op declares none in"
          + " gradCheckPoints() and none were given";
    }
    return "gradcheck of '"
        + opName
        + "' "
        + (passed ? "passed" : "failed")
        + " on "
        + pointCount
        + (pointCount == 1 ? " point" : " points")
        + "; worst: input "
        + worstInput
        + " at "
        + worstPoint
        + ": analytic "
        + analytic
        + ", numeric "
        + numeric
        + (batchMismatch == null ? "" : "; batch methods differ: " + batchMismatch)
        + (secondOrderMismatch == null ? "" : "; second order differs: " + secondOrderMismatch);
  }

  /** Collects comparisons, keeping the worst. */
  static final class Builder {
    private final String opName;
    private final double atol;
    private final double rtol;
    private int pointCount;
    private int failures;
    private double worstScore = Double.NEGATIVE_INFINITY;
    private Point worstPoint;
    private int worstInput;
    private double analytic;
    private double numeric;
    private String batchMismatch;
    private String secondOrderMismatch;

    Builder(String opName, double atol, double rtol) {
      this.opName = opName;
      this.atol = atol;
      this.rtol = rtol;
    }

    void countPoint() {
      pointCount++;
    }

    void compare(Point point, int input, double analytic, double numeric) {
      double tolerance = atol + rtol * Math.abs(numeric);
      double error = Math.abs(analytic - numeric);
      // How far outside its tolerance the comparison is; NaN and infinities are worst of all.
      double score =
          !Double.isFinite(error) ? Double.POSITIVE_INFINITY : error == 0 ? 0 : error / tolerance;
      if (!(error <= tolerance)) {
        failures++;
      }
      if (score > worstScore || worstPoint == null) {
        worstScore = score;
        worstPoint = point;
        worstInput = input;
        this.analytic = analytic;
        this.numeric = numeric;
      }
    }

    void batchMismatch(String mismatch) {
      batchMismatch = mismatch;
    }

    void secondOrderMismatch(String mismatch) {
      secondOrderMismatch = mismatch;
    }

    GradCheckResult build() {
      return new GradCheckResult(this);
    }
  }
}
