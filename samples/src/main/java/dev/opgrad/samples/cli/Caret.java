package dev.opgrad.samples.cli;

import java.util.List;

/**
 * The two lines printed under a message about an expression: the expression, and a caret under the
 * column at fault. A long expression is shown as a window around that column, so that an error in
 * a sum of 10<sup>5</sup> terms takes two short lines, not two of half a megabyte.
 */
final class Caret {

  /** The most characters of the expression shown. */
  static final int WIDTH = 72;

  private static final String ELLIPSIS = "…";

  private Caret() {}

  /** The expression, or a window of it, and a caret under {@code column} (1-based). */
  static List<String> under(String expression, int column) {
    int index = column - 1; // the end of the expression is a column too
    int start = 0;
    int end = expression.length();
    if (expression.length() > WIDTH) {
      start = Math.max(0, Math.min(index - WIDTH / 2, expression.length() - WIDTH));
      end = start + WIDTH;
    }
    String before = start > 0 ? ELLIPSIS : "";
    String after = end < expression.length() ? ELLIPSIS : "";
    return List.of(
        "  " + before + printable(expression.substring(start, end)) + after,
        "  " + " ".repeat(before.length() + index - start) + "^");
  }

  /**
   * {@code text} with each control character replaced by one printable character, so that the
   * caret stays under its column: a space for whitespace such as a tab, which the parser skips as
   * it skips spaces, a question mark otherwise.
   */
  private static String printable(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        shown.append(Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : '?');
      } else {
        shown.append(c);
      }
    }
    return shown.toString();
  }
}
