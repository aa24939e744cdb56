package dev.opgrad.samples.compare;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;

/**
 * The few functions {@link HighPrecision} needs, in Hipparchus's decimal floating point at {@value
 * #DIGITS} significant digits, written to be fast and to cancel nowhere. Dfp's own conversion from
 * a double and its {@code exp} of a large argument take tens of microseconds each; here a double is
 * its integer significand times a power of two, and {@code exp} reduces its argument by multiples
 * of ln 2, so that a reference costs about as much as a few dozen Dfp multiplications. Every result
 * is exact to about 30 digits, far beyond the 17 that rounding to a double needs.
 */
final class DfpFunctions {

  /** Significant decimal digits: Dfp keeps them in groups of four. */
  static final int DIGITS = 32;

  static final DfpField FIELD = new DfpField(DIGITS);
  static final Dfp ZERO = FIELD.getZero();
  static final Dfp ONE = FIELD.getOne();

  private static final Dfp LN2 = FIELD.getLn2();
  private static final Dfp INFINITY = FIELD.newDfp(Double.POSITIVE_INFINITY);

  /** A term below this fraction of the sum changes none of its digits. */
  private static final Dfp NEGLIGIBLE = FIELD.newDfp("1e-" + (DIGITS + 2));

  /** Beyond this |x|, e^x is 0 or ∞ for any double computed from it (and near Dfp's range). */
  private static final double EXP_LIMIT = 90_000;

  /** exp's argument is divided by 2^REDUCTION for its series, whose sum is squared back. */
  private static final int REDUCTION = 6;

  /**
   * The largest |n| of the table of 2^n: a double's exponent (−1074 to 971) and the k of e^x = 2^k
   * · e^r for |x| up to about 2000.
   */
  private static final int MAX_TABLED_POWER = 3000;

  /**
   * 2^n for |n| ≤ {@link #MAX_TABLED_POWER}, at index n + MAX_TABLED_POWER, each a product of at
   * most 12 of the 2^(±2^j) and so within 12 roundings of exact.
   */
  private static final Dfp[] POWERS_OF_TWO = new Dfp[2 * MAX_TABLED_POWER + 1];

  static {
    Dfp[] up = new Dfp[12]; // 2^(2^j)
    Dfp[] down = new Dfp[12]; // 2^(−2^j)
    up[0] = FIELD.newDfp(2);
    down[0] = FIELD.newDfp(0.5);
    for (int j = 1; j < up.length; j++) {
      up[j] = up[j - 1].multiply(up[j - 1]);
      down[j] = ONE.divide(up[j]);
    }
    for (int n = -MAX_TABLED_POWER; n <= MAX_TABLED_POWER; n++) {
      Dfp[] factors = n >= 0 ? up : down;
      Dfp power = ONE;
      for (int j = 0, rest = Math.abs(n); rest != 0; j++, rest >>>= 1) {
        if ((rest & 1) != 0) {
          power = power.multiply(factors[j]);
        }
      }
      POWERS_OF_TWO[n + MAX_TABLED_POWER] = power;
    }
  }

  private DfpFunctions() {}

  /** The double {@code x}, to {@value #DIGITS} digits. */
  static Dfp of(double x) {
    if (x == 0) {
      return ZERO;
    }
    if (!Double.isFinite(x)) {
      return FIELD.newDfp(x);
    }
    long bits = Double.doubleToLongBits(x);
    int biased = (int) ((bits >>> 52) & 0x7ff);
    long fraction = bits & 0xfffffffffffffL;
    long significand = biased == 0 ? fraction : fraction | (1L << 52);
    int exponent = (biased == 0 ? 1 : biased) - 1075;
    Dfp magnitude = FIELD.newDfp(significand).multiply(powerOfTwo(exponent));
    return x < 0 ? magnitude.negate() : magnitude;
  }

  /** {@code d} rounded to the nearest double: subnormals, 0 and ±∞ included. */
  static double toDouble(Dfp d) {
    // Dfp.toDouble() flushes subnormals to 0; its exact decimal string, parsed, is rounded right.
    return Double.parseDouble(d.toString());
  }

  /** 2^n, by halves from the table beyond it. */
  static Dfp powerOfTwo(int n) {
    if (Math.abs(n) <= MAX_TABLED_POWER) {
      return POWERS_OF_TWO[n + MAX_TABLED_POWER];
    }
    int half = n / 2;
    return powerOfTwo(half).multiply(powerOfTwo(n - half));
  }

  /**
   * e^x, where {@code approximately} is x as a double (it only chooses the reduction): x = k·ln 2 +
   * r with |r| ≤ ln 2 / 2, e^x = 2^k · (e^(r/64))^64, the inner exponential by its series.
   */
  static Dfp exp(Dfp x, double approximately) {
    if (approximately < -EXP_LIMIT) {
      return ZERO;
    }
    if (approximately > EXP_LIMIT) {
      return INFINITY;
    }
    int k = (int) Math.round(approximately / Math.log(2));
    Dfp r = x.subtract(LN2.multiply(k)).divide(1 << REDUCTION);
    Dfp sum = ONE.add(expm1(r));
    for (int i = 0; i < REDUCTION; i++) {
      sum = sum.multiply(sum);
    }
    return sum.multiply(powerOfTwo(k));
  }

  /** e^x − 1 = x + x²/2! + x³/3! + …, for |x| ≤ 1/2, where e^x − 1 would cancel. */
  static Dfp expm1(Dfp x) {
    Dfp sum = ZERO;
    Dfp term = x;
    for (int k = 2; !term.isZero() && !negligible(term, sum); k++) {
      sum = sum.add(term);
      term = term.multiply(x).divide(k);
    }
    return sum;
  }

  /**
   * log(1 + u) for 0 ≤ u ≤ 1: 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …) with s = u/(2 + u) ≤ 1/3, which
   * converges fast and cancels nowhere, however small u is.
   */
  static Dfp log1p(Dfp u) {
    return atanhTimesTwo(u.divide(u.add(2)));
  }

  /**
   * log(x) for a finite double x > 0: x = m·2^e with m in [0.75, 1.5), e·ln 2 + 2·atanh((m − 1)/(m
   * + 1)). m − 1 is exact in doubles (Sterbenz), while in Dfp it would lose the digits that 1 +
   * tiny keeps beyond 32.
   */
  static Dfp log(double x) {
    int e = Math.getExponent(x);
    if (e < Double.MIN_EXPONENT) { // subnormal: scale it into the normal range first
      return log(x * 0x1p64).subtract(LN2.multiply(64));
    }
    double m = Math.scalb(x, -e); // in [1, 2), exactly
    if (m >= 1.5) {
      m /= 2;
      e++;
    }
    Dfp mMinusOne = of(m - 1);
    return LN2.multiply(e).add(atanhTimesTwo(mMinusOne.divide(mMinusOne.add(2))));
  }

  /** 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …), for |s| ≤ 1/3. */
  private static Dfp atanhTimesTwo(Dfp s) {
    Dfp s2 = s.multiply(s);
    Dfp sum = ZERO;
    Dfp power = s;
    for (int k = 1; !power.isZero(); k += 2) {
      Dfp term = power.divide(k);
      if (negligible(term, sum)) {
        break;
      }
      sum = sum.add(term);
      power = power.multiply(s2);
    }
    return sum.multiply(2);
  }

  private static boolean negligible(Dfp term, Dfp sum) {
    return !sum.isZero() && term.abs().lessThan(sum.abs().multiply(NEGLIGIBLE));
  }
}
