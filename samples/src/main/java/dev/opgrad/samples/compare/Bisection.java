package dev.opgrad.samples.compare;

import java.util.function.DoublePredicate;

/**
 * Locates where a property changes between two doubles, down to two adjacent doubles. It bisects
 * the doubles' order rather than the real line: the midpoint of two doubles is the one halfway
 * between them in the sorted list of all doubles, so a bracket [1e-300, 1] takes as few steps as
 * [1, 2], and at most 64 steps find any change.
 */
final class Bisection {

  private Bisection() {}

  /**
   * Returns the double nearest {@code outside} for which {@code inside} still holds, starting from
   * {@code in}, where it holds, and {@code out}, where it does not; either may be the larger. Where
   * the property changes more than once between them, this finds one of its changes.
   */
  static double lastInside(double in, double out, DoublePredicate inside) {
    long a = key(in);
    long b = key(out);
    while (Math.abs(a - b) > 1) {
      long middle = (a >> 1) + (b >> 1) + (a & b & 1); // the floor of (a + b) / 2, no overflow
      if (inside.test(fromKey(middle))) {
        a = middle;
      } else {
        b = middle;
      }
    }
    return fromKey(a);
  }

  /**
   * The position of {@code x} in the sorted list of all doubles, 0.0 and -0.0 both at 0: adjacent
   * doubles have adjacent keys.
   */
  static long key(double x) {
    long bits = Double.doubleToLongBits(x);
    return bits >= 0 ? bits : -(bits & Long.MAX_VALUE);
  }

  /** The double at {@code key}; 0.0, not -0.0, at 0. */
  static double fromKey(long key) {
    return key >= 0 ? Double.longBitsToDouble(key) : -Double.longBitsToDouble(-key);
  }
}
