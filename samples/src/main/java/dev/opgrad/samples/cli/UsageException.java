package dev.opgrad.samples.cli;

/**
 * A command line that asks for something contradictory or empty, such as a variable given twice or
 * an empty plugin path, found after picocli has parsed it. Exit code 2, as for picocli's own usage
 * errors.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
