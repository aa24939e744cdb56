package dev.opgrad.samples.cli;

/** Input the command line cannot use: a parse error, an unknown op, a bad value. Exit code 1. */
final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
