package dev.opgrad;

/**
 * Thrown while {@link Anomalies#detect() anomaly detection} is on when an op's forward value or
 * local gradient is NaN or infinite. The message names the op, its inputs with their values and
 * labels, and, for a local gradient, the path from the value {@code backward()} was called on down
 * to the node. The graph and the registry stay usable; a backward pass it interrupts has added only
 * part of its gradients, so zero the leaves' gradients before running it again.
 */
public final class AnomalyException extends ArithmeticException {

  private static final long serialVersionUID = 1L;

  AnomalyException(String message) {
    super(message);
  }
}
