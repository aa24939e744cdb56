package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The nonlinearity a {@link Neuron} applies to its weighted sum: {@link #RELU}, {@link #TANH},
 * {@link #LINEAR}, or any op of one input, plugins included, with its constants, as PyTorch's
 * {@code nn.SiLU()} names a nonlinearity to hand to a model:
 *
 * <pre>{@code
 * new MLP(2, List.of(16, 16, 1), Activation.op("sigmoid"), random);
 * new MLP(2, List.of(16, 16, 1), Activation.op("pow", 3), random);
 * new MLP(2, List.of(16, 16, 1), Activation.op(pluginRegistry.get("swish")), random);
 * }</pre>
 *
 * <p>An immutable value. Two activations made by {@code op} are equal when their ops are equal
 * ({@link Op} does not override {@code equals}, so: the same instance, as {@code op(name)} always
 * finds in the default registry) and their constants are; {@code RELU}, {@code TANH} and {@code
 * LINEAR} are equal to themselves only. {@code op("relu")} applies the same op as {@code RELU},
 * but names it as the registry does, and is another activation.
 */
public final class Activation {

  /** {@code max(0, x)} by {@link Value#relu()}, micrograd's default. */
  public static final Activation RELU = new Activation("RELU", null, new double[0], Value::relu);

  /** {@code tanh(x)} by {@link Value#tanh()}, as in micrograd's lecture. */
  public static final Activation TANH = new Activation("TANH", null, new double[0], Value::tanh);

  /** The identity: the neuron outputs its weighted sum, as an MLP's last layer does. */
  public static final Activation LINEAR = new Activation("LINEAR", null, new double[0], x -> x);

  private final String description;
  private final Op op; // null for RELU, TANH and LINEAR, which call Value's methods
  private final double[] constants; // never handed out: the value stays immutable
  private final UnaryOperator<Value> function;

  private Activation(String description, Op op, double[] constants, UnaryOperator<Value> function) {
    this.description = description;
    this.op = op;
    this.constants = constants;
    this.function = function;
  }

  /**
   * Returns the activation that applies the op named {@code opName} of the {@link
   * OpRegistry#defaultRegistry() default registry} (the one {@link Value#apply(String, double[],
   * Value...)} uses) with {@code constants}: {@code op("sigmoid")}, {@code op("pow", 3)}. It is
   * checked now, not at the first forward pass.
   *
   * @throws IllegalArgumentException if no op has that name (with the registry's message, which
   *     lists the known ops), or the op does not take exactly one input and {@code
   *     constants.length} constants
   * @throws IllegalStateException if that name belongs to a provider that failed to load
   */
  public static Activation op(String opName, double... constants) {
    checkNotNull(opName, "opName");
    return op(OpRegistry.defaultRegistry().get(opName), constants);
  }

  /**
   * Returns the activation that applies {@code op}, which may come from any registry (a plugin
   * folder's, say), with {@code constants}, copied. It is checked now, not at the first forward
   * pass.
   *
   * @throws IllegalArgumentException if the op does not take exactly one input and {@code
   *     constants.length} constants
   */
  public static Activation op(Op op, double... constants) {
    checkNotNull(op, "op");
    checkNotNull(constants, "constants");
    // A variadic op would take one input too, but only its forward says whether it accepts one:
    // the check would move to the first forward pass, which is what this factory avoids.
    checkArgument(
        op.arity() == 1,
        "an activation needs an op of exactly 1 input; op '%s' takes %s",
        op.name(),
        op.arity() == Op.VARIADIC ? "any number ≥ 1 of inputs" : op.arity() + " inputs");
    checkArgument(
        constants.length == op.constantCount(),
        "op '%s' takes %s constant%s, got %s: %s",
        op.name(),
        op.constantCount(),
        op.constantCount() == 1 ? "" : "s",
        constants.length,
        Arrays.toString(constants));
    double[] own = constants.clone();
    String description = own.length == 0 ? op.name() : op.name() + Arrays.toString(own);
    return new Activation(description, op, own, x -> x.apply(op, own));
  }

  /** Returns this nonlinearity applied to {@code x}. */
  public Value apply(Value x) {
    checkNotNull(x, "x");
    return function.apply(x);
  }

  /** Whether this activation was made by {@code op(…)} rather than being RELU, TANH or LINEAR. */
  boolean appliesAnOp() {
    return op != null;
  }

  /** The op of an activation made by {@code op(…)}; null for RELU, TANH and LINEAR. */
  Op op() {
    return op;
  }

  /** The constants the op is applied with, not copied: the caller does not modify them. */
  double[] constants() {
    return constants;
  }

  /**
   * Whether {@code other} is the same activation: the same constant, or an equal op with equal
   * constants (compared as {@link Arrays#equals(double[], double[])} does).
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof Activation that
        && op != null
        && op.equals(that.op)
        && Arrays.equals(constants, that.constants);
  }

  /** A hash code consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return op == null ? description.hashCode() : 31 * op.hashCode() + Arrays.hashCode(constants);
  }

  /**
   * Returns {@code RELU}, {@code TANH} or {@code LINEAR}, or the op's name followed by its
   * constants, if any: {@code sigmoid}, {@code pow[3.0]}.
   */
  @Override
  public String toString() {
    return description;
  }
}
