package dev.opgrad.samples.cli;

/**
 * The {@code --range A:B} of {@code compare}: two finite numbers, A below B.
 *
 * @param lo A
 * @param hi B
 */
record Range(double lo, double hi) {

  /**
   * Reads {@code A:B}.
   *
   * @throws UsageException if it is not two numbers around a colon, or they are not finite, or the
   *     range is empty or inverted: the option is malformed, as picocli's own are usage errors
   */
  static Range parse(String text) {
    int colon = text.indexOf(':', 1); // from 1: "-1:1" has its colon after the sign
    if (colon < 0) {
      throw new UsageException("--range '" + text + "' is not of the form A:B, such as -400:400");
    }
    String loText = text.substring(0, colon).strip();
    String hiText = text.substring(colon + 1).strip();
    double lo = end(text, loText);
    double hi = end(text, hiText);
    if (lo == hi) {
      throw new UsageException("--range " + text + " is empty: give A:B with A < B");
    }
    if (lo > hi) {
      throw new UsageException(
          "--range "
              + text
              + " is inverted: give A:B with A < B, such as "
              + hiText
              + ":"
              + loText);
    }
    return new Range(lo, hi);
  }

  private static double end(String range, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--range '" + range + "' is not of the form A:B: '" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new UsageException(
          "--range " + range + " has an end that is not a finite number: " + text);
    }
    return value;
  }
}
