package dev.opgrad;

/**
 * A switch that is on for a thread while the thread has a scope of it open, such as anomaly
 * detection or no-grad: scopes nest, are per thread, and must be closed on the thread that opened
 * them. When no scope is open on any thread, asking whether it is on costs one volatile read.
 */
final class ThreadSwitch {

  private final String name; // for messages: "an anomaly scope"

  /** How many scopes are open on all threads: the one field read when the switch is off. */
  private volatile int openScopes;

  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  ThreadSwitch(String name) {
    this.name = name;
  }

  /** Whether the switch is on for the current thread. */
  boolean isOn() {
    return openScopes != 0 && depth.get()[0] > 0;
  }

  /** Opens a scope on the current thread; close it with {@link #close}. */
  Thread open() {
    depth.get()[0]++;
    synchronized (this) {
      openScopes++;
    }
    return Thread.currentThread();
  }

  /**
   * Closes a scope that {@code owner} opened.
   *
   * @throws IllegalStateException if called on another thread
   */
  void close(Thread owner) {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException(
          name
              + " must be closed on the thread that opened it ("
              + owner.getName()
              + "), not on "
              + Thread.currentThread().getName());
    }
    depth.get()[0]--;
    synchronized (this) {
      openScopes--;
    }
  }

  /**
   * Turns the switch off for the current thread, its scopes still open, until {@link #resume}.
   *
   * @return how many scopes the thread has open, for {@link #resume}
   */
  int suspend() {
    int[] scopes = depth.get();
    int suspended = scopes[0];
    scopes[0] = 0;
    return suspended;
  }

  /** Gives the current thread back the scopes that {@link #suspend} returned. */
  void resume(int suspended) {
    depth.get()[0] = suspended;
  }
}
