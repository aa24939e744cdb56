package dev.opgrad.testing;

import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;

/**
 * An op made a {@link BatchOp} by looping its per-node methods over a run, exactly as {@link
 * BatchOp}'s contract defines the batch methods (skipping nothing), counting the batch calls.
 */
public final class LoopedBatchOp implements BatchOp {

  private final Op op;
  private int batchCalls;

  public LoopedBatchOp(Op op) {
    this.op = op;
  }

  /** The number of calls of {@link #forwardBatch} and {@link #backwardBatch} so far. */
  public int batchCalls() {
    return batchCalls;
  }

  @Override
  public String name() {
    return op.name();
  }

  @Override
  public int arity() {
    return op.arity();
  }

  @Override
  public int constantCount() {
    return op.constantCount();
  }

  @Override
  public double forward(double[] inputs, double[] constants) {
    return op.forward(inputs, constants);
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    op.localGrad(inputs, constants, output, grads);
  }

  @Override
  public void forwardBatch(Nodes nodes) {
    batchCalls++;
    for (int k = 0; k < nodes.size(); k++) {
      nodes.setOutput(k, op.forward(inputs(nodes, k), constants(nodes, k)));
    }
  }

  @Override
  public void backwardBatch(Nodes nodes) {
    batchCalls++;
    for (int k = 0; k < nodes.size(); k++) {
      double[] grads = new double[nodes.inputCount(k)];
      op.localGrad(inputs(nodes, k), constants(nodes, k), nodes.output(k), grads);
      for (int i = 0; i < grads.length; i++) {
        nodes.addInputGrad(k, i, nodes.grad(k) * grads[i]);
      }
    }
  }

  private static double[] inputs(Nodes nodes, int k) {
    double[] inputs = new double[nodes.inputCount(k)];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = nodes.input(k, i);
    }
    return inputs;
  }

  private double[] constants(Nodes nodes, int k) {
    double[] constants = new double[op.constantCount()];
    for (int c = 0; c < constants.length; c++) {
      constants[c] = nodes.constant(k, c);
    }
    return constants;
  }
}
