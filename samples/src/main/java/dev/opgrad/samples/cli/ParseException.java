package dev.opgrad.samples.cli;

/** An expression that cannot be parsed, with the 1-based column where it went wrong. */
final class ParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int column;

  ParseException(int column, String message) {
    super("column " + column + ": " + message);
    this.column = column;
  }

  int column() {
    return column;
  }
}
