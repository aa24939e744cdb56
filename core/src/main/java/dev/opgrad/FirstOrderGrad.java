package dev.opgrad;

import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * The local gradient of an op that gives it as numbers only, not as a {@link HigherOrderOp}, as a
 * node of a derivative graph: its inputs are the op's inputs followed by the op's output, so that
 * the derivative graph records what it depends on, and its data is what {@link Op#localGrad}
 * writes. It cannot be differentiated: its own local gradient throws, naming the op and what it
 * should implement.
 */
final class FirstOrderGrad implements Op {

  private final Op op;
  private final int input;
  private final String name;

  /** The local gradient of {@code op} for its input {@code input}, of a node of {@code arity}. */
  FirstOrderGrad(Op op, int input, int arity) {
    this.op = op;
    this.input = input;
    this.name = "grad of " + op.name() + (arity == 1 ? "" : " for input " + input);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int arity() {
    return Op.VARIADIC;
  }

  @Override
  public int constantCount() {
    return op.constantCount();
  }

  @Override
  public double forward(double[] inputsAndOutput, double[] constants) {
    int arity = inputsAndOutput.length - 1;
    double[] grads = new double[arity];
    Arrays.fill(grads, Double.NaN); // what the engine gives for a gradient the op does not write
    op.localGrad(
        Arrays.copyOf(inputsAndOutput, arity), constants, inputsAndOutput[arity], grads);
    return grads[input];
  }

  @Override
  public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
    throw new UnsupportedOperationException(
        "op '"
            + op.name()
            + "' gives its local gradient as numbers only, so its derivative cannot be"
            + " differentiated: implement "
            + HigherOrderOp.class.getName()
            + " in "
            + op.getClass().getName());
  }
}
