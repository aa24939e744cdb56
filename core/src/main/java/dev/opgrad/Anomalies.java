package dev.opgrad;

/**
 * Anomaly detection, like PyTorch's {@code torch.autograd.detect_anomaly}: while it is on, a
 * forward value or a local gradient that is NaN or infinite throws an {@link AnomalyException} at
 * once, naming the op, its input values and labels, and, in backward, the path from the root to the
 * node.
 *
 * <pre>{@code
 * try (Scope scope = Anomalies.detect()) {
 *   Value loss = model.loss(batch);
 *   loss.backward();
 * }
 * }</pre>
 *
 * <p>Detection is per thread: it covers what the thread that opened the scope computes until it
 * closes it; scopes nest, and other threads are unaffected ({@link BatchGradients} carries it into
 * the threads it runs samples on). It is off by default. When no scope is open anywhere, the engine
 * pays one read of a field per op applied and one per {@link Value#backward()} call; when a scope
 * is open on another thread, one thread-local read more (so close every scope: one left open keeps
 * that second read on every thread).
 */
public final class Anomalies {

  private static final ThreadSwitch DETECTING = new ThreadSwitch("an anomaly scope");

  private Anomalies() {}

  /** Turns detection on for the current thread until the returned scope is closed. */
  public static Scope detect() {
    return new Scope(DETECTING);
  }

  /** Whether detection is on for the current thread. */
  public static boolean isDetecting() {
    return DETECTING.isOn();
  }
}
