package dev.opgrad;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.spi.Op;
import java.util.Arrays;

/** Applies an op to values: checks the call, computes the output and creates its node. */
final class Forward {

  private Forward() {}

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
              "op '%s' takes %s, got %d: %s (applied to %s)",
              op.name(),
              count(op.constantCount(), "constant"),
              constants.length,
              Arrays.toString(constants),
              Value.describeAll(inputs)));
    }
    return compute(op, inputs, constants);
  }

  /**
   * Computes the output of an op whose inputs and constants are known to fit it (checked once, as
   * for {@link BuiltinOps}) and creates its node.
   */
  static Value compute(Op op, Value[] inputs, double[] constants) {
    double[] data = new double[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      data[i] = inputs[i].data();
    }
    double output;
    try {
      // One call site per common arity: each sees few op classes, so the JIT can inline them.
      if (data.length == 2) {
        output = op.forward(data, constants);
      } else if (data.length == 1) {
        output = op.forward(data, constants);
      } else {
        output = op.forward(data, constants);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          String.format(
              "op '%s' failed on %s%s: %s",
              op.name(), Value.describeAll(inputs), constantsSuffix(constants), e.getMessage()),
          e);
    }
    if (Anomalies.isDetecting()) {
      AnomalyChecks.forward(op, inputs, constants, output);
    }
    return Value.node(output, op, inputs, constants);
  }

  /**
   * Whether {@code op} takes {@code inputCount} inputs: its arity, or any number ≥ 1 if variadic.
   */
  static boolean takes(Op op, int inputCount) {
    return op.arity() == Op.VARIADIC ? inputCount >= 1 : inputCount == op.arity();
  }

  /** Returns {@code 1 input}, {@code 2 inputs} or {@code any number ≥ 1 of inputs}. */
  static String inputCount(Op op) {
    return op.arity() == Op.VARIADIC ? "any number ≥ 1 of inputs" : count(op.arity(), "input");
  }

  static void checkInputsNotNull(String opName, Value[] inputs) {
    for (int i = 0; i < inputs.length; i++) {
      checkNotNull(inputs[i], "op '%s': input %s is null", opName, i + 1);
    }
  }

  static String constantsSuffix(double[] constants) {
    return constants.length == 0 ? "" : " with constants " + Arrays.toString(constants);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
