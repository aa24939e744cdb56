package dev.opgrad.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.registry.OpRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The registry and the ops are shared between threads; graphs are not. Eight threads build and
 * backpropagate independent graphs at once, through the shared default registry, and must get
 * exactly the bits one thread gets.
 */
class ThreadSafetyTest {

  private static final int THREADS = 8;
  private static final int GRAPHS_PER_THREAD = 300;

  @Test
  void eightThreadsGetBitIdenticalGradientsToOneThread() throws Exception {
    List<List<String>> expected = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      expected.add(run(t));
    }

    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return run(thread);
                }));
      }
      for (int t = 0; t < THREADS; t++) {
        assertThat(results.get(t).get()).containsExactlyElementsOf(expected.get(t));
      }
    } finally {
      pool.shutdownNow();
    }
    // The graphs differ, so that equal bits on every thread are not trivially equal. Only graphs
    // whose every gradient is 0 may repeat each other's bits: sign's output is ±1 whatever its input.
    assertThat(expected.get(0)).hasSize(GRAPHS_PER_THREAD);
    List<String> varied =
        expected.get(0).stream().filter(bits -> !everyGradientIsZero(bits)).toList();
    assertThat(varied).doesNotHaveDuplicates().hasSizeGreaterThan(GRAPHS_PER_THREAD * 9 / 10);
  }

  /** Whether the leaves' gradients, after the root in {@link GradientBits}' line, are all ±0. */
  private static boolean everyGradientIsZero(String bits) {
    return Arrays.stream(bits.split(" "))
        .skip(1)
        .allMatch(gradient -> gradient.equals("0") || gradient.equals("8000000000000000"));
  }

  @Test
  void registriesLoadedOnEightThreadsAtOnceAreEqual() throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<OpRegistry>> loaded = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        loaded.add(
            pool.submit(
                () -> {
                  start.await();
                  return OpRegistry.load(ThreadSafetyTest.class.getClassLoader());
                }));
      }
      for (Future<OpRegistry> registry : loaded) {
        assertThat(registry.get().names()).isEqualTo(OpRegistry.defaultRegistry().names());
        assertThat(registry.get().problems()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> run(int thread) {
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < GRAPHS_PER_THREAD; i++) {
      bits.add(GradientBits.ofGraph(thread, i));
    }
    return bits;
  }
}
