package dev.opgrad.benchmarks;

import dev.opgrad.CompiledGraph;
import dev.opgrad.Value;
import dev.opgrad.nn.MLP;
import dev.opgrad.nn.Sgd;
import dev.opgrad.samples.Moons;
import dev.opgrad.samples.MoonsData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.util.ListStatistics;

/**
 * micrograd's moons training (100 full-batch steps of MLP(2, [16, 16, 1]) from micrograd's
 * parameters) in <em>one</em> JVM that runs every implementation alternately, as a real
 * application does: hand-written, micrograd-style eager ({@code Value.add/mul/relu}, one node per
 * scalar op), eager with {@code nn}'s fused neurons, and the compiled replay with its capture.
 *
 * <p>JMH runs each benchmark method in a fork of its own ({@link MoonsTrainingBenchmark}), where
 * the eager engine's call sites and branches see one graph's shape only. Here every invocation is a
 * round that trains each variant once, starting with a different one each round, so the warm-up
 * compiles every shared method with the profile of all of them, and each variant is timed with
 * {@link System#nanoTime} around its 100 steps. The primary score is the round; the per-variant
 * times, their ratios to the hand-written step of the same iteration (so that the noise of a shared
 * machine hits numerator and denominator alike), the phases and the bytes allocated are printed at
 * the end of the fork, with JMH's 99.9% error over the measurement iterations.
 *
 * <p>On a shared machine another process takes the CPU from any variant at any time; the ratios
 * "by CPU time" count the benchmark thread's CPU time plus the collectors' time while the variant
 * ran, which other processes do not inflate, next to the wall-clock ones.
 *
 * <p>Every round checks every variant's 100 losses: within 1e-9 of micrograd's trajectory, and
 * bit for bit the losses this code gave when the benchmark was written (their {@link
 * Arrays#hashCode(double[])}), so an optimization cannot change a number unnoticed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 8, time = 3)
public class MixedJvmMoonsBenchmark {

  static final int STEPS = Moons.STEPS;

  /** The variants, in the order of the printed table. */
  enum Variant {
    HAND_WRITTEN("hand-written", 1421312103, "step"),
    MICROGRAD_STYLE("eager, micrograd-style (add/mul/relu)", 2016162795, "build", "backward",
        "update"),
    NN("eager, nn (fused linear)", 2016162795, "build", "backward", "update"),
    COMPILED("compiled replay, capture included", 2016162795, "build", "capture", "forward",
        "backward", "update");

    final String title;
    final int lossesHash; // Arrays.hashCode of the 100 losses the code gave on 2026-12-03
    final String[] phases;

    Variant(String title, int lossesHash, String... phases) {
      this.title = title;
      this.lossesHash = lossesHash;
      this.phases = phases;
    }
  }

  private static final Variant[] VARIANTS = Variant.values();

  /**
   * {@code all}, the point of this benchmark, or one variant's name ({@code -p
   * run=MICROGRAD_STYLE}): that variant and the hand-written baseline alone, the isolated JVM of
   * {@link MoonsTrainingBenchmark} measured the same way, so that the two compare.
   */
  @Param({"all"})
  public String run;

  private Variant[] running;

  private final MoonsData data = MoonsData.load();
  private final double[] initial = MoonsData.initialParameters();
  private final double[] micrograd = micrograds();

  // This iteration's totals, per variant: nanoseconds per phase, the thread's CPU time and the
  // collectors' time while it ran, bytes allocated, steps run.
  private final long[][] phaseNanos = new long[VARIANTS.length][];
  private final long[] cpuNanos = new long[VARIANTS.length];
  private final long[] gcMillis = new long[VARIANTS.length];
  private final long[] bytes = new long[VARIANTS.length];
  private final long[] steps = new long[VARIANTS.length];
  private int round;

  // One value per measurement iteration: µs per step, ratio to hand-written, per phase, bytes.
  private final List<List<Double>> micros = lists();
  private final List<List<Double>> ratios = lists();
  private final List<List<Double>> cpuRatios = lists();
  private final List<List<double[]>> phaseMicros = new ArrayList<>();
  private final List<List<Double>> bytesPerStep = lists();
  private final int[] nodes = new int[VARIANTS.length];

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Setup(Level.Trial)
  public void countNodes() {
    running =
        run.equals("all")
            ? VARIANTS
            : new Variant[] {Variant.HAND_WRITTEN, Variant.valueOf(run)};
    for (Variant v : VARIANTS) {
      phaseNanos[v.ordinal()] = new long[v.phases.length];
      phaseMicros.add(new ArrayList<>());
    }
    nodes[Variant.MICROGRAD_STYLE.ordinal()] =
        new UnfusedMoons(data, initial).loss().topologicalOrder().size();
    nodes[Variant.NN.ordinal()] =
        Moons.loss(Moons.newModel(initial)).total().topologicalOrder().size();
    nodes[Variant.COMPILED.ordinal()] = nodes[Variant.NN.ordinal()];
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    for (Variant v : VARIANTS) {
      Arrays.fill(phaseNanos[v.ordinal()], 0);
    }
    Arrays.fill(cpuNanos, 0);
    Arrays.fill(gcMillis, 0);
    Arrays.fill(bytes, 0);
    Arrays.fill(steps, 0);
  }

  /** One round: every variant trains 100 steps, the first one changing from round to round. */
  @Benchmark
  public double round() {
    double sum = 0;
    for (int i = 0; i < running.length; i++) {
      Variant v = running[(round + i) % running.length];
      long allocated = threads.getCurrentThreadAllocatedBytes();
      long cpu = threads.getCurrentThreadCpuTime();
      long gc = gcMillis();
      double[] losses = train(v, phaseNanos[v.ordinal()]);
      gcMillis[v.ordinal()] += gcMillis() - gc;
      cpuNanos[v.ordinal()] += threads.getCurrentThreadCpuTime() - cpu;
      bytes[v.ordinal()] += threads.getCurrentThreadAllocatedBytes() - allocated;
      steps[v.ordinal()] += STEPS;
      check(v, losses);
      sum += losses[STEPS - 1];
    }
    round++;
    return sum;
  }

  @TearDown(Level.Iteration)
  public void endIteration(IterationParams iteration) {
    if (iteration.getType() != IterationType.MEASUREMENT) {
      return;
    }
    double[] perStep = new double[VARIANTS.length];
    double[] cpuPerStep = new double[VARIANTS.length];
    for (Variant v : running) {
      int k = v.ordinal();
      double[] phases = new double[v.phases.length];
      for (int p = 0; p < phases.length; p++) {
        phases[p] = phaseNanos[k][p] / 1e3 / steps[k];
        perStep[k] += phases[p];
      }
      phaseMicros.get(k).add(phases);
      micros.get(k).add(perStep[k]);
      bytesPerStep.get(k).add((double) bytes[k] / steps[k]);
      cpuPerStep[k] = (cpuNanos[k] + gcMillis[k] * 1e6) / steps[k];
    }
    for (Variant v : running) {
      ratios.get(v.ordinal()).add(perStep[v.ordinal()] / perStep[0]);
      cpuRatios.get(v.ordinal()).add(cpuPerStep[v.ordinal()] / cpuPerStep[0]);
    }
  }

  /** Prints the table: the fork's output shows in JMH's console log. */
  @TearDown(Level.Trial)
  public void report() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%n[mixed JVM] run=%s: %d measurement iterations, %d rounds in all; ± is JMH's 99.9%%"
                + " error over the iterations%n",
            run,
            micros.get(0).size(),
            round));
    out.append(
        String.format(
            Locale.ROOT,
            "[mixed JVM] %-40s %18s %18s %18s %14s%n",
            "variant",
            "µs per step",
            "× hand-written",
            "× by CPU time",
            "bytes per step"));
    for (Variant v : running) {
      int k = v.ordinal();
      out.append(
          String.format(
              Locale.ROOT,
              "[mixed JVM] %-40s %18s %18s %18s %,14.0f%n",
              v.title,
              meanError(micros.get(k), 1),
              meanError(ratios.get(k), 1),
              meanError(cpuRatios.get(k), 1),
              stats(bytesPerStep.get(k)).getMean()));
    }
    for (Variant v : running) {
      int k = v.ordinal();
      StringBuilder phases = new StringBuilder();
      for (int p = 0; p < v.phases.length; p++) {
        List<Double> values = new ArrayList<>();
        for (double[] iteration : phaseMicros.get(k)) {
          values.add(iteration[p]);
        }
        double mean = stats(values).getMean();
        phases.append(
            String.format(
                Locale.ROOT,
                "  %s %s µs%s",
                v.phases[p],
                meanError(values, 1),
                nodes[k] == 0 ? "" : String.format(Locale.ROOT, " (%.1f ns/node)",
                    mean * 1e3 / nodes[k])));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "[mixed JVM] phases per step, %s%s:%s%n",
              v.title,
              nodes[k] == 0 ? "" : String.format(Locale.ROOT, ", %,d nodes", nodes[k]),
              phases));
    }
    System.out.print(out);
  }

  /** Trains {@code v} for 100 steps from micrograd's parameters, timing its phases. */
  private double[] train(Variant v, long[] nanos) {
    switch (v) {
      case HAND_WRITTEN:
        return handWritten(nanos);
      case MICROGRAD_STYLE:
        return micrograd(nanos);
      case NN:
        return nn(nanos);
      case COMPILED:
        return compiled(nanos);
      default:
        throw new AssertionError(v);
    }
  }

  private double[] handWritten(long[] nanos) {
    double[] losses = new double[STEPS];
    HandWrittenMoons moons = new HandWrittenMoons(data, initial);
    long start = System.nanoTime();
    for (int k = 0; k < STEPS; k++) {
      losses[k] = moons.step(Moons.learningRate(k));
    }
    nanos[0] += System.nanoTime() - start;
    return losses;
  }

  /** {@link UnfusedMoons#step}, its phases timed apart. */
  private double[] micrograd(long[] nanos) {
    double[] losses = new double[STEPS];
    UnfusedMoons moons = new UnfusedMoons(data, initial);
    for (int k = 0; k < STEPS; k++) {
      long t0 = System.nanoTime();
      Value loss = moons.loss();
      long t1 = System.nanoTime();
      moons.model().zeroGrad();
      loss.backward();
      long t2 = System.nanoTime();
      double learningRate = Moons.learningRate(k);
      for (Value p : moons.model().parameters()) {
        p.setData(p.data() - learningRate * p.grad());
      }
      long t3 = System.nanoTime();
      nanos[0] += t1 - t0;
      nanos[1] += t2 - t1;
      nanos[2] += t3 - t2;
      losses[k] = loss.data();
    }
    return losses;
  }

  /** {@link Moons#train}, its phases timed apart. */
  private double[] nn(long[] nanos) {
    double[] losses = new double[STEPS];
    MLP model = Moons.newModel(initial);
    Sgd sgd = new Sgd(model.parameters(), Moons::learningRate);
    for (int k = 0; k < STEPS; k++) {
      long t0 = System.nanoTime();
      Value loss = Moons.loss(model).total();
      long t1 = System.nanoTime();
      sgd.zeroGrad();
      loss.backward();
      long t2 = System.nanoTime();
      sgd.step();
      long t3 = System.nanoTime();
      nanos[0] += t1 - t0;
      nanos[1] += t2 - t1;
      nanos[2] += t3 - t2;
      losses[k] = loss.data();
    }
    return losses;
  }

  /** {@code CompiledMoons.trainCompiled}, its phases timed apart; the capture counts once. */
  private double[] compiled(long[] nanos) {
    double[] losses = new double[STEPS];
    MLP model = Moons.newModel(initial);
    long t0 = System.nanoTime();
    Value root = Moons.loss(model).total();
    long t1 = System.nanoTime();
    CompiledGraph step = CompiledGraph.capture(root, model.parameters());
    long t2 = System.nanoTime();
    nanos[0] += t1 - t0;
    nanos[1] += t2 - t1;
    for (int k = 0; k < STEPS; k++) {
      long s0 = System.nanoTime();
      losses[k] = step.forward();
      long s1 = System.nanoTime();
      step.zeroGrad();
      step.backward();
      long s2 = System.nanoTime();
      step.step(Moons.learningRate(k));
      long s3 = System.nanoTime();
      nanos[2] += s1 - s0;
      nanos[3] += s2 - s1;
      nanos[4] += s3 - s2;
    }
    return losses;
  }

  /** Fails the run if {@code v}'s losses are not micrograd's, or not the bits they were. */
  private void check(Variant v, double[] losses) {
    for (int k = 0; k < STEPS; k++) {
      if (!(Math.abs(losses[k] - micrograd[k]) <= 1e-9)) {
        throw new IllegalStateException(
            String.format(
                "%s: loss %s at step %d, micrograd's is %s", v.title, losses[k], k, micrograd[k]));
      }
    }
    int hash = Arrays.hashCode(losses);
    if (v.lossesHash != 0 && hash != v.lossesHash) {
      throw new IllegalStateException(
          String.format(
              "%s: the losses changed (hash %d, was %d); last loss %s",
              v.title, hash, v.lossesHash, losses[STEPS - 1]));
    }
  }

  /** The collectors' time so far, in milliseconds, as their MXBeans count it (G1: its pauses). */
  private static long gcMillis() {
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, collector.getCollectionTime());
    }
    return millis;
  }

  /** micrograd's 100 losses, from the moons sample's test resource. */
  private static double[] micrograds() {
    String name = "moons-trajectory.csv";
    try (InputStream in = MixedJvmMoonsBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<List<Double>> lists() {
    List<List<Double>> lists = new ArrayList<>();
    for (int i = 0; i < VARIANTS.length; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  private static ListStatistics stats(List<Double> values) {
    ListStatistics stats = new ListStatistics();
    values.forEach(stats::addValue);
    return stats;
  }

  /** {@code mean ± error} at 99.9%, as JMH prints a score. */
  private static String meanError(List<Double> values, int decimals) {
    ListStatistics stats = stats(values);
    double error = values.size() > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN;
    return String.format(
        Locale.ROOT, "%,." + decimals + "f ± %,." + decimals + "f", stats.getMean(), error);
  }
}
