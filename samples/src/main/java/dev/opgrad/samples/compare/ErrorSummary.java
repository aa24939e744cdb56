package dev.opgrad.samples.compare;

/**
 * A formulation's error in its value or its derivative over a comparison's points, taken where both
 * the result and the reference are finite (where one is not, {@link Breakdown}s say so). The maxima
 * are over every point evaluated; the medians over the evenly spaced points only, the typical x of
 * the range, which the log-spaced points near 0 would otherwise outnumber. A median of no point is
 * NaN.
 *
 * @param maxUlps the largest error in ulps of the reference
 * @param maxUlpsAt the smallest x where it occurs; NaN where the error is 0 at every point
 * @param medianUlps the median error in ulps over the evenly spaced points
 * @param maxRelative the largest relative error, |a − r| / |r|
 * @param medianRelative the median relative error over the evenly spaced points
 */
public record ErrorSummary(
    double maxUlps,
    double maxUlpsAt,
    double medianUlps,
    double maxRelative,
    double medianRelative) {}
