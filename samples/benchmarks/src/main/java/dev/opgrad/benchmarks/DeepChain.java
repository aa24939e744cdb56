package dev.opgrad.benchmarks;

import dev.opgrad.Value;
import java.lang.management.ManagementFactory;

/**
 * Backpropagates a chain of 10<sup>7</sup> nodes (or as many as the first argument says) on the
 * default thread stack, the check that backward uses no recursion: run it with {@code -Xmx4g}. The
 * chain alternates v = v·s and v = v + t, so its gradients are known in closed form.
 */
public final class DeepChain {

  private DeepChain() {}

  /** Builds the chain, backpropagates it and prints the gradients next to their exact values. */
  public static void main(String[] args) {
    int length = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    double scale = 0.9999999;
    Value s = Value.of(scale);
    Value t = Value.of(1e-7);
    Value x = Value.of(0.5);
    Value v = Chain.build(x, s, t, length);
    // The bytes this thread allocates during backward: the pass's transient memory, garbage after.
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    v.backward();
    long elapsed = System.nanoTime() - start;
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    int multiplications = (length + 1) / 2;
    System.out.printf(
        "chain of %,d nodes, max heap %,d MiB%n", length, Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("root %.15g%n", v.data());
    System.out.printf(
        "x.grad %.15g (exact s^%d = %.15g)%n",
        x.grad(), multiplications, Math.pow(scale, multiplications));
    System.out.printf("t.grad %.15g%n", t.grad());
    System.out.printf(
        "backward took %,d ms on thread '%s' with the default stack%n",
        elapsed / 1_000_000, Thread.currentThread().getName());
    System.out.printf(
        "backward allocated %,d bytes (%.1f per node), all of it garbage once it returns%n",
        allocated, (double) allocated / length);
  }
}
