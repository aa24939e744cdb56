package dev.opgrad.testing;

import dev.opgrad.BatchGradients;
import dev.opgrad.CompiledGraph;
import dev.opgrad.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The engine's drivers, for tests that must hold on each: the same graph, built by a function of
 * its leaves, backpropagated by {@link Value#backward()}, replayed by a {@link CompiledGraph}, or
 * computed by {@link BatchGradients}. A rule that one driver applies and another does not fails such
 * a test on the other.
 */
public enum Driver {

  /** {@link Value#backward()} on the graph built at the leaf data. */
  EAGER {
    @Override
    public Result run(Function<List<Value>, Value> graph, double[] captureAt, double[] leafData) {
      List<Value> leaves = leaves(leafData);
      Value root = graph.apply(leaves);
      root.backward();
      return new Result(root.data(), leaves.stream().mapToDouble(Value::grad).toArray());
    }
  },

  /**
   * A {@link CompiledGraph} captured at {@code captureAt}, every leaf a feed, then moved to the leaf
   * data and replayed: forward, zero the gradients, backward. The replay's own passes meet the leaf
   * data, so that a failure there is the replay's, not the eager capture's.
   */
  COMPILED {
    @Override
    public Result run(Function<List<Value>, Value> graph, double[] captureAt, double[] leafData) {
      List<Value> leaves = leaves(captureAt);
      CompiledGraph compiled = CompiledGraph.capture(graph.apply(leaves), List.of(), leaves);
      for (int i = 0; i < leafData.length; i++) {
        compiled.setFeed(i, leafData[i]);
      }
      double output = compiled.forward();
      compiled.zeroGrad();
      compiled.backward();
      double[] grads = new double[leafData.length];
      for (int i = 0; i < grads.length; i++) {
        grads[i] = compiled.feedGrad(i);
      }
      return new Result(output, grads);
    }
  },

  /** {@link BatchGradients} over one sample, the graph, its leaves the parameters. */
  BATCH_GRADIENTS {
    @Override
    public Result run(Function<List<Value>, Value> graph, double[] captureAt, double[] leafData) {
      BatchGradients batch =
          BatchGradients.compute(leafData, 1, (parameters, sample) -> graph.apply(parameters), 1);
      return new Result(batch.loss(), batch.gradients());
    }
  };

  /** The root's data and the leaves' gradients, in the leaves' order. */
  public record Result(double output, double[] grads) {}

  /**
   * Builds {@code graph} over leaves holding {@code leafData} and backpropagates from its root with
   * this driver. {@code captureAt} is where {@link #COMPILED} builds the graph before it replays it
   * at {@code leafData}; the other drivers ignore it.
   */
  public abstract Result run(
      Function<List<Value>, Value> graph, double[] captureAt, double[] leafData);

  /** Runs {@code graph} at {@code leafData}, captured there too. */
  public Result run(Function<List<Value>, Value> graph, double... leafData) {
    return run(graph, leafData, leafData);
  }

  private static List<Value> leaves(double[] data) {
    List<Value> leaves = new ArrayList<>();
    for (double d : data) {
      leaves.add(Value.of(d));
    }
    return leaves;
  }
}
