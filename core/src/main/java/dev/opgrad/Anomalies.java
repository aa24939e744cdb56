package dev.opgrad;

/**
 * Anomaly detection, like PyTorch's {@code torch.autograd.detect_anomaly}: while it is on, a
 * forward value or a local gradient that is NaN or infinite throws an {@link AnomalyException} at
 * once, naming the op, its input values and labels, and, in backward, the path from the root to the
 * node.
 *
 * <pre>{@code
 * try (Anomalies.Scope scope = Anomalies.detect()) {
 *   Value loss = model.loss(batch);
 *   loss.backward();
 * }
 * }</pre>
 *
 * <p>Detection is per thread: it covers what the thread that opened the scope computes until it
 * closes it; scopes nest, and other threads are unaffected. It is off by default. When no scope is
 * open anywhere, the engine pays one read of a static field per op applied and one per {@link
 * Value#backward()} call; when a scope is open on another thread, one thread-local read more (so
 * close every scope: one left open keeps that second read on every thread).
 */
public final class Anomalies {

  /**
   * How many scopes are open on all threads: the one field the engine reads when detection is off.
   */
  private static volatile int openScopes;

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private Anomalies() {}

  /** Turns detection on for the current thread until the returned scope is closed. */
  public static Scope detect() {
    DEPTH.get()[0]++;
    synchronized (Anomalies.class) {
      openScopes++;
    }
    return new Scope(Thread.currentThread());
  }

  /** Whether detection is on for the current thread. */
  public static boolean isDetecting() {
    return openScopes != 0 && DEPTH.get()[0] > 0;
  }

  /**
   * An open anomaly-detection scope of one thread. Close it on the thread that opened it, with
   * try-with-resources; closing it a second time does nothing.
   */
  public static final class Scope implements AutoCloseable {

    private final Thread owner;
    private boolean closed;

    private Scope(Thread owner) {
      this.owner = owner;
    }

    /**
     * Ends this scope: detection stays on for the thread only if it has other scopes open.
     *
     * @throws IllegalStateException if called on a thread other than the one that opened it
     */
    @Override
    public void close() {
      if (Thread.currentThread() != owner) {
        throw new IllegalStateException(
            "an anomaly scope must be closed on the thread that opened it ("
                + owner.getName()
                + "), not on "
                + Thread.currentThread().getName());
      }
      if (closed) {
        return;
      }
      closed = true;
      DEPTH.get()[0]--;
      synchronized (Anomalies.class) {
        openScopes--;
      }
    }
  }
}
