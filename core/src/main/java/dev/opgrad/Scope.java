package dev.opgrad;

/**
 * An open scope of a per-thread switch, {@link Anomalies#detect()} or {@link NoGrad#enter()}: the
 * switch is on for the thread that opened it until it is closed. Close it on that thread, with
 * try-with-resources; closing it a second time does nothing.
 */
public final class Scope implements AutoCloseable {

  private final ThreadSwitch threadSwitch;
  private final Thread owner;
  private boolean closed;

  Scope(ThreadSwitch threadSwitch) {
    this.threadSwitch = threadSwitch;
    this.owner = threadSwitch.open();
  }

  /**
   * Ends this scope: the switch stays on for the thread only if it has other scopes of it open.
   *
   * @throws IllegalStateException if called on a thread other than the one that opened it
   */
  @Override
  public void close() {
    if (!closed) {
      threadSwitch.close(owner);
      closed = true;
    }
  }
}
