package dev.opgrad.samples.cli;

/**
 * An expression the command line cannot use, with the 1-based column where it goes wrong: it does
 * not parse, or an op rejects what it is given there.
 */
final class ExpressionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int column;

  ExpressionException(int column, String message) {
    super("column " + column + ": " + message);
    this.column = column;
  }

  int column() {
    return column;
  }
}
