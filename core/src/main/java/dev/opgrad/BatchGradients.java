package dev.opgrad;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The total loss of a batch and its gradient with respect to the parameters, computed one sample
 * graph at a time on several threads and reduced in sample order, so that the result is
 * bit-identical whatever the number of threads.
 *
 * <p>The samples are split into {@code parallelism} contiguous chunks, run on the common {@link
 * java.util.concurrent.ForkJoinPool}. Each chunk has its own leaves holding the parameters' data;
 * for each sample it builds the {@link SampleLoss} graph, backpropagates it and records the loss
 * and the parameters' gradients. Then the losses and the gradients are summed over the samples in
 * order 0, 1, 2, …: the same additions, in the same order, as with {@code parallelism} 1.
 *
 * <p>A regularization term fits in as one more "sample" whose loss depends on the parameters only.
 *
 * <p>Every sample goes through {@link Value#backward()}, under the same rules: if anomaly detection
 * is on for the calling thread, it is on for every chunk; if samples fail, the failure of the first
 * of them in sample order is thrown, whatever the parallelism, so that a run fails the same way
 * every time.
 *
 * <p><b>Experimental:</b> this class may change incompatibly in a minor release.
 */
public final class BatchGradients {

  private final double loss;
  private final double[] gradients;

  private BatchGradients(double loss, double[] gradients) {
    this.loss = loss;
    this.gradients = gradients;
  }

  /**
   * Computes the sum over samples {@code 0 .. sampleCount - 1} of {@code sampleLoss} and its
   * gradient at {@code parameters}.
   *
   * @param parallelism the number of chunks run at once; 1 runs every sample on the calling thread
   * @throws IllegalArgumentException if {@code sampleCount} is negative or {@code parallelism} is
   *     not positive
   */
  public static BatchGradients compute(
      double[] parameters, int sampleCount, SampleLoss sampleLoss, int parallelism) {
    checkNotNull(parameters, "parameters");
    checkNotNull(sampleLoss, "sampleLoss");
    checkArgument(sampleCount >= 0, "sampleCount %s is negative", sampleCount);
    checkArgument(parallelism > 0, "parallelism %s is not positive", parallelism);
    double[] losses = new double[sampleCount];
    double[][] sampleGradients = new double[sampleCount][];
    RuntimeException[] failures = new RuntimeException[sampleCount];
    int chunks = Math.max(1, Math.min(parallelism, sampleCount));
    boolean detect = Anomalies.isDetecting();
    IntStream chunkIndices = IntStream.range(0, chunks);
    (chunks == 1 ? chunkIndices : chunkIndices.parallel())
        .forEach(
            chunk -> {
              // Detection is per thread: carry the caller's into the pool's threads.
              try (Scope scope = detect ? Anomalies.detect() : null) {
                runChunk(
                    parameters,
                    sampleLoss,
                    (int) ((long) sampleCount * chunk / chunks),
                    (int) ((long) sampleCount * (chunk + 1) / chunks),
                    losses,
                    sampleGradients,
                    failures);
              }
            });
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
    double loss = 0;
    double[] gradients = new double[parameters.length];
    for (int s = 0; s < sampleCount; s++) {
      loss += losses[s];
      for (int j = 0; j < gradients.length; j++) {
        gradients[j] += sampleGradients[s][j];
      }
    }
    return new BatchGradients(loss, gradients);
  }

  private static void runChunk(
      double[] parameters,
      SampleLoss sampleLoss,
      int from,
      int to,
      double[] losses,
      double[][] sampleGradients,
      RuntimeException[] failures) {
    Value[] leaves = new Value[parameters.length];
    Arrays.setAll(leaves, j -> Value.of(parameters[j]));
    List<Value> leafList = List.of(leaves);
    for (int s = from; s < to; s++) {
      Value loss;
      try {
        loss = checkNotNull(sampleLoss.loss(leafList, s), "loss of sample %s is null", s);
        loss.backward();
      } catch (RuntimeException e) {
        // Later samples of this chunk could only fail later in sample order.
        failures[s] = e;
        return;
      }
      losses[s] = loss.data();
      double[] gradients = new double[leaves.length];
      for (int j = 0; j < leaves.length; j++) {
        gradients[j] = leaves[j].grad();
        leaves[j].zeroGrad();
      }
      sampleGradients[s] = gradients;
    }
  }

  /** The sum of the samples' losses. */
  public double loss() {
    return loss;
  }

  /** The gradient of {@link #loss()} with respect to parameter {@code i}. */
  public double gradient(int i) {
    return gradients[i];
  }

  /** The gradient of {@link #loss()}, one element per parameter, in a new array. */
  public double[] gradients() {
    return gradients.clone();
  }
}
