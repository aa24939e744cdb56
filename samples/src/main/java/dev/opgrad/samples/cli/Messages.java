package dev.opgrad.samples.cli;

import java.util.Collection;
import java.util.stream.Collectors;

/** How the command line words what it prints: one line per message, long lists cut short. */
final class Messages {

  /** The most items a message lists before it says how many more there are. */
  static final int MAX_LISTED = 30;

  private Messages() {}

  /**
   * {@code text} on one line: line breaks, tabs and other control characters written as escapes
   * ({@code \n}, {@code \t}, {@code \u0007}), so that neither the user's input nor a plugin's
   * exception message can add lines to what is printed.
   */
  static String oneLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    return line.toString();
  }

  /**
   * The items joined by {@code ", "}: all of them, or the first {@link #MAX_LISTED} and {@code …
   * and N more}.
   */
  static String listed(Collection<String> items) {
    String shown = items.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
    return items.size() <= MAX_LISTED
        ? shown
        : shown + ", … and " + (items.size() - MAX_LISTED) + " more";
  }
}
