package dev.opgrad;

import dev.opgrad.spi.Op;

/**
 * The ops behind {@link Value}'s arithmetic methods, looked up by name in the {@link
 * OpRegistry#defaultRegistry() default registry} once, when this class is first used, so that
 * building a graph does no string lookup per node. Core knows their names only; {@code
 * opgrad-ops-builtin} provides them.
 */
enum BuiltinOps {
  ADD("add"),
  SUB("sub"),
  MUL("mul"),
  DIV("div"),
  POW("pow"),
  NEG("neg"),
  EXP("exp"),
  TANH("tanh"),
  RELU("relu");

  private final String opName;
  private final Op op; // null if the default registry has no op of that name

  BuiltinOps(String opName) {
    this.opName = opName;
    OpRegistry registry = OpRegistry.defaultRegistry();
    this.op = registry.contains(opName) ? registry.get(opName) : null;
  }

  String opName() {
    return opName;
  }

  /**
   * The op.
   *
   * @throws IllegalArgumentException if the default registry has none of this name, saying to add
   *     opgrad-ops-builtin
   * @throws IllegalStateException if the name belongs to a provider that failed to load
   */
  Op op() {
    if (op != null) {
      return op;
    }
    try {
      return OpRegistry.defaultRegistry().get(opName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Value." + opName + " needs the op '" + opName + "', which opgrad-ops-builtin provides: add"
              + " dev.opgrad:opgrad-ops-builtin to the class path (" + e.getMessage() + ")",
          e);
    }
  }
}
