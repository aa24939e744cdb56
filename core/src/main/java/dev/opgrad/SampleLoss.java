package dev.opgrad;

import java.util.List;

/**
 * The loss of one sample of a batch as a graph over the model's parameters, for {@link
 * BatchGradients}: called once per sample, possibly on several threads at once.
 */
@FunctionalInterface
public interface SampleLoss {

  /**
   * Builds the graph of sample {@code sample}'s loss from {@code parameters}, fresh leaves owned by
   * the calling thread, and values created in this call. It must not use {@link Value}s shared with
   * other calls, since one graph is not thread-safe.
   */
  Value loss(List<Value> parameters, int sample);
}
