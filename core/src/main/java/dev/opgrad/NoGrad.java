package dev.opgrad;

/**
 * No-grad scopes, like PyTorch's {@code torch.no_grad()}: for inference, where no gradient will be
 * asked for. While a scope is open on a thread, every op that thread applies computes its data
 * only and returns a {@linkplain Value#constant constant}, a leaf that keeps no inputs, so nothing
 * of the graph is retained and memory stays flat however long the computation.
 *
 * <pre>{@code
 * try (Scope scope = NoGrad.enter()) {
 *   double score = model.scalar(x).data();
 * }
 * }</pre>
 *
 * <p>Scopes nest and are per thread, like {@link Anomalies}' scopes. A value computed in a scope is
 * a constant: {@code backward()} on it throws, and using it outside the scope gives it no gradient,
 * as with {@link Value#detach()}. When no scope is open anywhere, the engine pays one read of a
 * field per op applied.
 */
public final class NoGrad {

  private static final ThreadSwitch ON = new ThreadSwitch("a no-grad scope");

  private NoGrad() {}

  /** Turns gradient tracking off for the current thread until the returned scope is closed. */
  public static Scope enter() {
    return new Scope(ON);
  }

  /** Whether a no-grad scope is open on the current thread. */
  public static boolean isOn() {
    return ON.isOn();
  }

  /**
   * Turns the current thread's scopes off until {@link #resume}, for a computation that needs its
   * graph but returns numbers only, as PyTorch's functional API enables grad.
   *
   * @return what to pass to {@link #resume}
   */
  static int suspend() {
    return ON.suspend();
  }

  /** Turns the scopes that {@link #suspend} turned off on again. */
  static void resume(int suspended) {
    ON.resume(suspended);
  }
}
