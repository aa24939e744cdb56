package dev.opgrad;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;

/**
 * The ops behind {@link Value}'s arithmetic methods, looked up by name in the {@link
 * OpRegistry#defaultRegistry() default registry} once, when this class is first used, so that
 * building a graph does no string lookup per node. Core knows their names only; {@code
 * opgrad-ops-builtin} provides them.
 */
enum BuiltinOps {
  ADD("add", 2, 0),
  SUB("sub", 2, 0),
  MUL("mul", 2, 0),
  DIV("div", 2, 0),
  POW("pow", 1, 1),
  NEG("neg", 1, 0),
  EXP("exp", 1, 0),
  LOG("log", 1, 0),
  SQRT("sqrt", 1, 0),
  ABS("abs", 1, 0),
  TANH("tanh", 1, 0),
  RELU("relu", 1, 0),
  LINEAR("linear", Op.VARIADIC, 0),
  SUM("sum", Op.VARIADIC, 0),
  MEAN("mean", Op.VARIADIC, 0);

  private final String opName;
  private final Op op; // null if the default registry has no such op, or one of another shape

  BuiltinOps(String opName, int arity, int constantCount) {
    this.opName = opName;
    OpRegistry registry = OpRegistry.defaultRegistry();
    Op found = registry.contains(opName) ? registry.get(opName) : null;
    boolean fits =
        found != null && found.arity() == arity && found.constantCount() == constantCount;
    this.op = fits ? found : null;
  }

  String opName() {
    return opName;
  }

  /**
   * Applies this binary op to {@code a}, not null, and {@code b}, without an array of inputs.
   *
   * @throws NullPointerException if {@code b} is null
   * @throws IllegalArgumentException as {@link #apply(Value[], double[])}
   */
  Value apply(Value a, Value b) {
    if (b == null) {
      throw new NullPointerException("op '" + opName + "': input 1 is null");
    }
    if (op != null) {
      return EagerForward.compute(op, a, b);
    }
    return apply(new Value[] {a, b}, NO_CONSTANTS);
  }

  /** Applies this unary op to {@code a}, not null, without an array of inputs. */
  Value apply(Value a) {
    if (op != null) {
      return EagerForward.compute(op, a);
    }
    return apply(new Value[] {a}, NO_CONSTANTS);
  }

  private static final double[] NO_CONSTANTS = {};

  /**
   * Applies the op to {@code inputs}, which hold as many values as it takes.
   *
   * @throws NullPointerException if an input is null
   * @throws IllegalArgumentException if the default registry has no op of this name, saying to add
   *     opgrad-ops-builtin, or the op rejects the inputs or the constants
   * @throws IllegalStateException if the name belongs to a provider that failed to load
   */
  Value apply(Value[] inputs, double[] constants) {
    if (op != null) {
      return EagerForward.compute(op, inputs, constants); // checking the inputs as it reads them
    }
    EagerForward.checkInputsNotNull(opName, inputs);
    // Missing, unusable, or of another shape: let the registry and Forward say what is wrong.
    Op registered;
    try {
      registered = OpRegistry.defaultRegistry().get(opName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Value."
              + opName
              + " needs the op '"
              + opName
              + "', which opgrad-ops-builtin provides: add"
              + " dev.opgrad:opgrad-ops-builtin to the class path ("
              + e.getMessage()
              + ")",
          e);
    }
    return EagerForward.apply(registered, inputs, constants);
  }
}
