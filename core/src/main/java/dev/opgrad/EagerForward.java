package dev.opgrad;

import dev.opgrad.spi.Op;

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
   * Computes the output of an op whose inputs, in number, and constants are known to fit it
   * (checked once, as for {@link BuiltinOps}) and creates its node.
   *
   * @throws NullPointerException if an input is null, as {@link #checkInputsNotNull} says it: the
   *     check is part of reading the inputs, not a pass of its own over a neuron's many
   */
  static Value compute(Op op, Value[] inputs, double[] constants) {
    // The thread's array of that length, which the op borrows for the call (the Op contract):
    // a new one would be garbage per node unless the JIT inlines the whole call chain.
    double[][] lendable = lendable();
    double[] data = borrow(lendable, inputs.length);
    for (int i = 0; i < inputs.length; i++) {
      Value input = inputs[i];
      if (input == null) {
        throw inputIsNull(op.name(), i);
      }
      data[i] = input.data();
    }
    double output;
    try {
      output = NodeRules.output(op, data, constants, Anomalies.isDetecting());
    } catch (NodeFailure failure) {
      throw failed(failure, op, inputs, constants);
    }
    giveBack(lendable, data);
    // Under no-grad, a constant: it keeps no inputs, so no graph is retained.
    return NoGrad.isOn() ? Value.constant(output) : Value.node(output, op, inputs, constants);
  }

  /**
   * Computes the output of a binary op (as {@link #compute(Op, Value[], double[])} with no
   * constants) and creates its node without an array of inputs, the common case.
   */
  static Value compute(Op op, Value a, Value b) {
    double[][] lendable = lendable();
    double[] data = borrow(lendable, 2);
    data[0] = a.data();
    data[1] = b.data();
    double output;
    try {
      output = NodeRules.output(op, data, NO_CONSTANTS, Anomalies.isDetecting());
    } catch (NodeFailure failure) {
      throw failed(failure, op, new Value[] {a, b}, NO_CONSTANTS);
    }
    giveBack(lendable, data);
    return NoGrad.isOn() ? Value.constant(output) : Value.node(output, op, a, b, NO_CONSTANTS);
  }

  /** The same for a unary op. */
  static Value compute(Op op, Value a) {
    double[][] lendable = lendable();
    double[] data = borrow(lendable, 1);
    data[0] = a.data();
    double output;
    try {
      output = NodeRules.output(op, data, NO_CONSTANTS, Anomalies.isDetecting());
    } catch (NodeFailure failure) {
      throw failed(failure, op, new Value[] {a}, NO_CONSTANTS);
    }
    giveBack(lendable, data);
    return NoGrad.isOn() ? Value.constant(output) : Value.node(output, op, a, null, NO_CONSTANTS);
  }

  /** A forward failure, naming the node that failed, created only to be named. */
  private static RuntimeException failed(
      NodeFailure failure, Op op, Value[] inputs, double[] constants) {
    return failure.describedBy(
        new EagerBackward.Names(null), Value.node(Double.NaN, op, inputs, constants));
  }

  private static final double[] NO_CONSTANTS = {};

  /**
   * Arrays of each length, one set per thread, that ops borrow their inputs in: an op reads its
   * inputs array during the call only and never keeps it (the {@link Op} contract). An array is
   * out of the set while it is lent, so that an op that applies ops itself gets arrays of its own.
   */
  private static final ThreadLocal<Lender> LENDERS =
      ThreadLocal.withInitial(() -> new Lender(Thread.currentThread()));

  /** A thread's set of lendable arrays, by length. Immutable, so it may be read racily. */
  private static final class Lender {
    final Thread owner;
    final double[][] arrays = new double[64][];

    Lender(Thread owner) {
      this.owner = owner;
    }
  }

  /**
   * The set of the first thread that applied an op, so that it skips the thread-local lookup (a
   * hash probe per node applied): a graph is usually built on one thread. Read and written without
   * synchronization, which is safe: a thread uses the set only if it is its own, and final fields
   * are seen initialized. It is set once, so threads that build graphs at once do not take it
   * from each other.
   */
  private static Lender firstLender;

  /** The calling thread's set of lendable arrays. */
  private static double[][] lendable() {
    Lender first = firstLender;
    if (first != null && first.owner == Thread.currentThread()) {
      return first.arrays;
    }
    Lender own = LENDERS.get();
    if (first == null) {
      firstLender = own;
    }
    return own.arrays;
  }

  /** An array of {@code length} elements from the thread's {@code lendable} set, or a new one. */
  private static double[] borrow(double[][] lendable, int length) {
    double[] array = length < lendable.length ? lendable[length] : null;
    if (array == null) {
      return new double[length];
    }
    lendable[length] = null;
    return array;
  }

  /** Puts {@code array} back into the thread's {@code lendable} set, if it has room for it. */
  private static void giveBack(double[][] lendable, double[] array) {
    if (array.length < lendable.length) {
      lendable[array.length] = array;
    }
  }

  /**
   * Whether {@code op} takes {@code inputCount} inputs: its arity, or any number ≥ 1 if variadic.
   */
  static boolean takes(Op op, int inputCount) {
    return op.arity() == Op.VARIADIC ? inputCount >= 1 : inputCount == op.arity();
  }

  /** Returns {@code 1 input}, {@code 2 inputs} or {@code any number ≥ 1 of inputs}. */
  private static String inputCount(Op op) {
    return op.arity() == Op.VARIADIC ? "any number ≥ 1 of inputs" : count(op.arity(), "input");
  }

  static void checkInputsNotNull(String opName, Value[] inputs) {
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == null) {
        throw inputIsNull(opName, i);
      }
    }
  }

  private static NullPointerException inputIsNull(String opName, int i) {
    return new NullPointerException("op '" + opName + "': input " + i + " is null");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
