package dev.opgrad.samples.cli;

import java.util.List;

/**
 * Input the command line cannot use: a parse error, an unknown op, a bad value, a file it cannot
 * write. Exit code 1. The message is printed as one line; the details, if any, are printed below it
 * as they are, such as the expression with a caret under the column at fault.
 */
final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> details;

  BadInputException(String message) {
    this(message, List.of(), null);
  }

  BadInputException(String message, Throwable cause) {
    this(message, List.of(), cause);
  }

  BadInputException(String message, List<String> details, Throwable cause) {
    super(message, cause);
    this.details = List.copyOf(details);
  }

  /** The lines printed below the message. */
  List<String> details() {
    return details;
  }
}
