package dev.opgrad.registry;

/**
 * The one failure discovery lets through, as JUnit 5 does for the code it runs: anything else a
 * plugin throws, even an {@code Error}, is that plugin's problem and must not stop the others.
 */
final class Unrecoverable {

  private Unrecoverable() {}

  /**
   * Rethrows {@code failure} if it is an {@link OutOfMemoryError}, after which the JVM may not be
   * able to record anything. A {@link StackOverflowError} is not among them: by the time discovery
   * catches it, the plugin's frames are gone and the stack is usable again.
   */
  static void rethrowIfOutOfMemory(Throwable failure) {
    if (failure instanceof OutOfMemoryError outOfMemory) {
      throw outOfMemory;
    }
  }
}
