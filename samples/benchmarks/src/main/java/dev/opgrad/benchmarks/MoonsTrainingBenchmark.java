package dev.opgrad.benchmarks;

import dev.opgrad.BatchGradients;
import dev.opgrad.Value;
import dev.opgrad.nn.MLP;
import dev.opgrad.nn.MaxMarginLoss;
import dev.opgrad.nn.Sgd;
import dev.opgrad.samples.CompiledMoons;
import dev.opgrad.samples.Moons;
import dev.opgrad.samples.MoonsData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * micrograd's moons training: 100 full-batch steps of MLP(2, [16, 16, 1]) from micrograd's initial
 * parameters, reported per step. Each invocation trains from the start, so every variant does the
 * same work, capture included for the compiled one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@OperationsPerInvocation(MoonsTrainingBenchmark.STEPS)
public class MoonsTrainingBenchmark {

  static final int STEPS = Moons.STEPS;

  private final MoonsData data = MoonsData.load();
  private final double[] initial = MoonsData.initialParameters();

  /** The eager engine: the graph built again at every step, as micrograd does. */
  @Benchmark
  public double eager() {
    return CompiledMoons.trainEagerly(Moons.newModel(initial))[STEPS - 1];
  }

  /**
   * The eager engine with the 100 points' coordinates as leaves that want a gradient, as {@code
   * Value.of} made them before constants: what constants save is {@link #eager} against this.
   */
  @Benchmark
  public double eagerDataAsLeaves() {
    MLP model = Moons.newModel(initial);
    Sgd sgd = new Sgd(model.parameters(), Moons::learningRate);
    double loss = 0;
    for (int k = 0; k < STEPS; k++) {
      List<Value> scores = new ArrayList<>(data.size());
      for (int i = 0; i < data.size(); i++) {
        scores.add(model.scalar(List.of(Value.of(data.x(i, 0)), Value.of(data.x(i, 1)))));
      }
      Value total = MaxMarginLoss.of(scores, data.labels(), model.parameters(), Moons.ALPHA).total();
      sgd.zeroGrad();
      total.backward();
      sgd.step();
      loss = total.data();
    }
    return loss;
  }

  /** The eager engine on micrograd's own graph: every neuron a chain of mul and add nodes. */
  @Benchmark
  public double eagerUnfused() {
    return train(new UnfusedMoons(data, initial)::step);
  }

  /** The graph built once, captured with CompiledGraph and replayed. */
  @Benchmark
  public double compiled() {
    return CompiledMoons.trainCompiled(Moons.newModel(initial))[STEPS - 1];
  }

  /** The eager engine, one graph per point, with BatchGradients on one thread. */
  @Benchmark
  public double batchOneThread() {
    return batch(1);
  }

  /** The same with BatchGradients on two threads. */
  @Benchmark
  public double batchTwoThreads() {
    return batch(2);
  }

  private double batch(int parallelism) {
    double[] parameters = initial.clone();
    double loss = 0;
    for (int k = 0; k < STEPS; k++) {
      BatchGradients gradients = Moons.batchGradients(parameters, parallelism);
      double learningRate = Moons.learningRate(k);
      for (int i = 0; i < parameters.length; i++) {
        parameters[i] -= learningRate * gradients.gradient(i);
      }
      loss = gradients.loss();
    }
    return loss;
  }

  /** Baseline (a): forward and backward written by hand over primitive arrays. */
  @Benchmark
  public double handWritten() {
    return train(new HandWrittenMoons(data, initial)::step);
  }

  /** Baseline (b): the naive object-per-node port. */
  @Benchmark
  public double naive() {
    return train(new NaiveMoons(data, initial)::step);
  }

  /** Runs the 100 steps of a baseline, given as its step function from learning rate to loss. */
  private static double train(DoubleUnaryOperator step) {
    double loss = 0;
    for (int k = 0; k < STEPS; k++) {
      loss = step.applyAsDouble(Moons.learningRate(k));
    }
    return loss;
  }
}
