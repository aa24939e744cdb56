package dev.opgrad.samples.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps opgrad's loggers quiet while a command runs. Core logs each registry problem as a warning
 * (through {@link System.Logger}, which writes to the error stream through {@code
 * java.util.logging}, with a timestamp); the commands print the problems themselves, once each, so
 * a log would say each a second time, in another format.
 */
final class QuietCoreLogging {

  private static final String CORE = "dev.opgrad";

  private final Logger logger; // held, so that the level set is not lost with a collected logger
  private final Level previous;

  private QuietCoreLogging(Logger logger) {
    this.logger = logger;
    this.previous = logger.getLevel();
  }

  /** Silences the {@code dev.opgrad} loggers until {@link #restore()}. */
  static QuietCoreLogging start() {
    QuietCoreLogging quiet = new QuietCoreLogging(Logger.getLogger(CORE));
    quiet.logger.setLevel(Level.OFF);
    return quiet;
  }

  /** Gives the {@code dev.opgrad} loggers back the level they had. */
  void restore() {
    logger.setLevel(previous);
  }
}
