package dev.opgrad.samples.compare;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The points a comparison starts from, on [lo, hi]:
 *
 * <ul>
 *   <li>{@code n} evenly spaced points, lo and hi included: the range as a reader sees it, where
 *       the typical error is read (the medians are taken over these);
 *   <li>{@value #PER_DECADE} points a decade in |x|, 10<sup>k/4</sup>, on each side of 0 that the
 *       range reaches, from the smallest normal double, 2.2e-308, (or the range's smallest |x|) up
 *       to its largest |x|: near 0, where cancellation shows, evenly spaced points are far too
 *       coarse, and in the far tails of a range such as [1, 1e300] too;
 *   <li>0 itself, where the range holds it.
 * </ul>
 *
 * <p>Subnormal points are left out of the grid (bisection may still land on them). The points are
 * computed with {@link StrictMath}, so they are the same doubles on every JVM.
 */
final class Grid {

  /** Points a decade in |x|. */
  static final int PER_DECADE = 4;

  private final double[] points;
  private final double[] evenlySpaced;
  private final int logSpaced;

  private Grid(double[] points, double[] evenlySpaced, int logSpaced) {
    this.points = points;
    this.evenlySpaced = evenlySpaced;
    this.logSpaced = logSpaced;
  }

  /** The grid of {@code n ≥ 2} evenly spaced points on [lo, hi], lo < hi, with the others. */
  static Grid of(double lo, double hi, int n) {
    double[] even = new double[n];
    double span = hi - lo;
    // A span beyond the largest double ([-1e308, 1e308]) is stepped through without forming it.
    double step = hi / (n - 1) - lo / (n - 1);
    for (int i = 0; i < n; i++) {
      double x;
      if (Double.isFinite(span)) {
        x = lo + span * i / (n - 1);
      } else { // from the nearer end, so that no partial sum overflows
        x = 2 * i <= n - 1 ? lo + step * i : hi - step * (n - 1 - i);
      }
      even[i] = x + 0.0; // -0.0 and 0.0 are one point
    }
    even[0] = lo + 0.0;
    even[n - 1] = hi + 0.0;
    TreeSet<Double> all = new TreeSet<>();
    for (double x : even) {
      all.add(x);
    }
    TreeSet<Double> log = new TreeSet<>();
    if (hi > 0) {
      addMagnitudes(log, lo > 0 ? lo : Double.MIN_NORMAL, hi, 1);
    }
    if (lo < 0) {
      addMagnitudes(log, hi < 0 ? -hi : Double.MIN_NORMAL, -lo, -1);
    }
    if (lo <= 0 && hi >= 0) {
      all.add(0.0);
    }
    log.removeAll(all);
    all.addAll(log);
    return new Grid(all.stream().mapToDouble(Double::doubleValue).toArray(), even, log.size());
  }

  /** Adds sign·10<sup>k/4</sup> for every k with 10<sup>k/4</sup> in [from, to]. */
  private static void addMagnitudes(TreeSet<Double> points, double from, double to, int sign) {
    if (from > to) {
      return;
    }
    long first = (long) Math.floor(PER_DECADE * StrictMath.log10(from));
    long last = (long) Math.ceil(PER_DECADE * StrictMath.log10(to));
    for (long k = first; k <= last; k++) {
      double magnitude = StrictMath.pow(10, (double) k / PER_DECADE);
      if (magnitude >= from && magnitude <= to) {
        points.add(sign * magnitude);
      }
    }
  }

  /** Every point, in increasing order, each once. */
  double[] points() {
    return points.clone();
  }

  /** The evenly spaced points, in increasing order. */
  double[] evenlySpaced() {
    return evenlySpaced.clone();
  }

  /** How many points are log-spaced and not also evenly spaced. */
  int logSpacedCount() {
    return logSpaced;
  }

  /** Whether {@code x} is one of the evenly spaced points. */
  boolean isEvenlySpaced(double x) {
    return Arrays.binarySearch(evenlySpaced, x) >= 0;
  }
}
