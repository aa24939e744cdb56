package dev.opgrad.benchmarks;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import dev.opgrad.nn.Activation;
import dev.opgrad.nn.MLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link Gradients} costs against what it is measured by, on one graph: a tanh MLP(8, [16,
 * 16, 1]) applied to 8 input leaves, micrograd-style (one node per scalar op: 832 op nodes), the
 * derivatives taken with respect to the 8 inputs, as a physics residual or a curvature check takes
 * them. Pairs to compare, each within one run:
 *
 * <ul>
 *   <li>{@link #jvp} against {@link #forward}, the pass that builds the graph (target ≤ 2×);
 *   <li>{@link #hvp} against {@link #backward}, one gradient (target ≤ 5×);
 *   <li>{@link #hessian} of the 8 inputs against {@link #eightHvps}.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GradientsBenchmark {

  static final int INPUTS = 8;

  private final MLP model = new MLP(INPUTS, List.of(16, 16, 1), Activation.TANH, new Random(1));
  private final List<Value> inputs = new ArrayList<>();
  private final double[] direction = new double[INPUTS];
  private Value output;

  @Setup
  public void setUp() {
    Random random = new Random(2);
    for (int i = 0; i < INPUTS; i++) {
      inputs.add(Value.of(random.nextDouble() * 2 - 1));
      direction[i] = random.nextDouble() * 2 - 1;
    }
    output = forward();
  }

  /** The graph, built eagerly as micrograd builds it: weighted sums of mul and add nodes. */
  @Benchmark
  public Value forward() {
    List<Value> activations = inputs;
    for (var layer : model.layers()) {
      List<Value> next = new ArrayList<>();
      for (var neuron : layer.neurons()) {
        Value sum = neuron.bias();
        for (int i = 0; i < activations.size(); i++) {
          sum = sum.add(neuron.weights().get(i).mul(activations.get(i)));
        }
        next.add(layer == model.layers().get(model.layers().size() - 1) ? sum : sum.tanh());
      }
      activations = next;
    }
    return activations.get(0);
  }

  /** One gradient: backward over the graph, which adds into the leaves' gradients. */
  @Benchmark
  public double backward() {
    output.backward();
    return inputs.get(0).grad();
  }

  /** The derivative along {@code direction}, forward mode. */
  @Benchmark
  public double jvp() {
    return Gradients.jvp(output, inputs, direction);
  }

  /** The Hessian times {@code direction}. */
  @Benchmark
  public double[] hvp() {
    return Gradients.hvp(output, inputs, direction);
  }

  /** The 8 × 8 Hessian. */
  @Benchmark
  public double[][] hessian() {
    return Gradients.hessian(output, inputs);
  }

  /** The Hessian's columns as 8 Hessian-vector products. */
  @Benchmark
  public double[][] eightHvps() {
    double[][] columns = new double[INPUTS][];
    for (int j = 0; j < INPUTS; j++) {
      double[] unit = new double[INPUTS];
      unit[j] = 1;
      columns[j] = Gradients.hvp(output, inputs, unit);
    }
    return columns;
  }
}
