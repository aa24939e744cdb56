package dev.opgrad.samples.cli;

/** How the command line words what it prints: one line per message. */
final class Messages {

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
}
