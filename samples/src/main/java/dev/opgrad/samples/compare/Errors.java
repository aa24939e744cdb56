package dev.opgrad.samples.compare;

/**
 * How far a computed double is from the reference, in the two measures a numerical analyst reads:
 * units in the last place of the reference, and relative error.
 *
 * <p>An ulp of r is {@link Math#ulp(double) Math.ulp(r)}, the gap between |r| and the next double
 * away from 0: 2<sup>−52</sup>|r| to 2<sup>−53</sup>|r| for a normal r, and the smallest subnormal,
 * 4.9e-324, for r = 0 and the subnormals, where the format itself keeps no more than that absolute
 * precision. A result equal to the reference, infinities and NaN included, is 0 ulps off; one that
 * is not finite where the reference is, or finite where it is not, is infinitely far.
 */
final class Errors {

  /**
   * More than 2<sup>26</sup> ulps off, half of the 53 bits of a double's significand lost (a
   * relative error of 0.75e-8 to 1.5e-8): the result is wrong, not merely rounded.
   */
  static final double WRONG_ULPS = 0x1p26;

  private Errors() {}

  /** |a − r| / ulp(r), as the class comment defines it. */
  static double ulps(double a, double r) {
    if (a == r || (Double.isNaN(a) && Double.isNaN(r))) {
      return 0;
    }
    if (!Double.isFinite(a) || !Double.isFinite(r)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(a - r) / Math.ulp(r);
  }

  /** |a − r| / |r|: infinite where r = 0 and a is not. */
  static double relative(double a, double r) {
    if (a == r || (Double.isNaN(a) && Double.isNaN(r))) {
      return 0;
    }
    if (!Double.isFinite(a) || !Double.isFinite(r)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(a - r) / Math.abs(r);
  }
}
