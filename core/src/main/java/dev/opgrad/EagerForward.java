package dev.opgrad;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.spi.Op;
import java.util.Arrays;

/**
 * The eager forward pass, one node at a time: applying an op to {@link Value}s checks the call,
 * computes the output under {@link NodeRules} and creates the node.
 */
final class EagerForward {

  private EagerForward() {}

  /**
   * Applies {@code op} to {@code inputs} with {@code constants}, which the new node keeps: the
   * caller passes an array of its own.
   *
   * @throws IllegalArgumentException if an input is null, the op takes another number of inputs or
   *     constants, or it rejects them
   * @throws AnomalyException if detection is on and the output is NaN or infinite
   */
  static Value apply(Op op, Value[] inputs, double[] constants) {
    checkInputsNotNull(op.name(), inputs);
    if (!takes(op, inputs.length)) {
      throw new IllegalArgumentException(
          String.format(
              "op '%s' takes %s, got %d: %s",
              op.name(), inputCount(op), inputs.length, Value.describeAll(inputs)));
    }
    if (constants.length != op.constantCount()) {
      throw new IllegalArgumentException(
          String.format(
              "op '%s' takes %s, got %d: [%s] (applied to %s)",
              op.name(),
              count(op.constantCount(), "constant"),
              constants.length,
              NodeFailure.list(constants.length, c -> String.valueOf(constants[c])),
              Value.describeAll(inputs)));
    }
    return compute(op, inputs, constants);
  }

  /**
   * Computes the output of an op whose inputs and constants are known to fit it (checked once, as
   * for {@link BuiltinOps}) and creates its node.
   */
  static Value compute(Op op, Value[] inputs, double[] constants) {
    boolean noGrad = NoGrad.isOn();
    // One or two inputs: a new array, which the JIT replaces by registers. More, or under no-grad,
    // where every allocation saved counts: the thread's array of that size.
    double[] data =
        inputs.length > 2 || noGrad ? borrowedArray(inputs.length) : new double[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      data[i] = inputs[i].data();
    }
    double output;
    try {
      output = NodeRules.output(op, data, constants, Anomalies.isDetecting());
    } catch (NodeFailure failure) {
      // The node that failed, created only to be named: a forward failure names its inputs.
      throw failure.describedBy(
          new EagerBackward.Names(null), Value.node(Double.NaN, op, inputs, constants));
    }
    // Under no-grad, a constant: it keeps no inputs, so no graph is retained.
    return noGrad ? Value.constant(output) : Value.node(output, op, inputs, constants);
  }

  /**
   * Arrays of each length, one set per thread, that ops borrow their inputs in: an op reads its
   * inputs array during the call only and never keeps it (the {@link Op} contract).
   */
  private static final ThreadLocal<double[][]> ARRAYS_BY_LENGTH =
      ThreadLocal.withInitial(() -> new double[8][]);

  /** The current thread's array of {@code length} elements, for one op call. */
  private static double[] borrowedArray(int length) {
    double[][] byLength = ARRAYS_BY_LENGTH.get();
    if (length >= byLength.length) {
      byLength = Arrays.copyOf(byLength, length + 1);
      ARRAYS_BY_LENGTH.set(byLength);
    }
    double[] array = byLength[length];
    if (array == null) {
      array = new double[length];
      byLength[length] = array;
    }
    return array;
  }

  /** Whether {@code op} takes {@code inputCount} inputs: its arity, or any number ≥ 1 if variadic. */
  static boolean takes(Op op, int inputCount) {
    return op.arity() == Op.VARIADIC ? inputCount >= 1 : inputCount == op.arity();
  }

  /** Returns {@code 1 input}, {@code 2 inputs} or {@code any number ≥ 1 of inputs}. */
  private static String inputCount(Op op) {
    return op.arity() == Op.VARIADIC ? "any number ≥ 1 of inputs" : count(op.arity(), "input");
  }

  static void checkInputsNotNull(String opName, Value[] inputs) {
    for (int i = 0; i < inputs.length; i++) {
      checkNotNull(inputs[i], "op '%s': input %s is null", opName, i);
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
