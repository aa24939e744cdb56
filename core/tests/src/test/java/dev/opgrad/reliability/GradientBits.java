package dev.opgrad.reliability;

import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed program for the determinism tests: random graphs from a seed, differentiated, each
 * summarised as the exact bits of its leaves' gradients. {@link #main} prints one line per graph,
 * so that two JVMs can be compared.
 */
public final class GradientBits {

  private GradientBits() {}

  /** Prints the gradient bits of {@code args[0]} graphs (default 200) drawn from seed 7. */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    for (int i = 0; i < count; i++) {
      System.out.println(ofGraph(7, i));
    }
  }

  /**
   * Builds graph number {@code index} of {@code seed} with the default registry's ops, runs
   * backward and returns the hexadecimal bits of the root and of every leaf's gradient.
   */
  public static String ofGraph(long seed, int index) {
    RandomGraph graph = graph(seed, index);
    Value[] values = graph.toValues();
    Value root = values[values.length - 1];
    root.backward();
    StringBuilder bits =
        new StringBuilder(Long.toHexString(Double.doubleToRawLongBits(root.data())));
    for (Value leaf : graph.leavesOf(values)) {
      bits.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(leaf.grad())));
    }
    return bits.toString();
  }

  private static RandomGraph graph(long seed, int index) {
    OpRegistry registry = OpRegistry.defaultRegistry();
    List<Op> ops = RandomGraph.fuzzableOps(registry);
    SplittableRandom random = new SplittableRandom(seed * 1_000_003 + index);
    List<NodeChoice> choices = new ArrayList<>();
    int size = 1 + random.nextInt(16);
    for (int n = 0; n < size; n++) {
      List<Integer> sources = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sources.add(random.nextInt(16));
      }
      choices.add(
          new NodeChoice(
              random.nextInt(1000), random.nextInt(1000), random.nextInt(-100, 101), sources));
    }
    return RandomGraph.of(choices, ops, registry.get("add"));
  }
}
