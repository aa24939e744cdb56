package dev.opgrad.samples.compare;

import java.util.Locale;

/**
 * How a {@link ComparisonReport} writes numbers, for text that quotes it: a few significant digits,
 * without trailing zeros.
 */
public final class Digits {

  private Digits() {}

  /**
   * {@code x} to {@code digits} significant digits, as {@code %g} writes it but without trailing
   * zeros: 354.89, 3.3157e-316, 4.5e+15, 0.5, 0, -400. NaN and the infinities as Java writes them.
   */
  public static String of(double x, int digits) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    if (x == 0) {
      return "0";
    }
    String text = String.format(Locale.ROOT, "%." + digits + "g", x);
    int exponent = text.indexOf('e');
    String mantissa = exponent < 0 ? text : text.substring(0, exponent);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return exponent < 0 ? mantissa : mantissa + text.substring(exponent);
  }
}
