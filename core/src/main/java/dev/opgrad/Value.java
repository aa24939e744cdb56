package dev.opgrad;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A scalar node of an expression graph: its data, the gradient that {@link #backward()} computes
 * for it, and, unless it is a leaf, the op and the inputs that produced it.
 *
 * <p>Arithmetic methods build the graph eagerly, as micrograd does: {@code a.mul(b).add(c)}
 * computes its data at once and remembers how. Every method uses the op of its name in the {@link
 * OpRegistry#defaultRegistry() default registry}, looked up once, so each is available once an op
 * of that name is on the class path ({@code opgrad-ops-builtin} provides them all); {@link
 * #apply(String, Value...)} applies any other registered op.
 *
 * <h2>Gradients</h2>
 *
 * {@link #backward()} sets the gradient of every non-leaf node of the graph to the derivative of
 * the value it is called on with respect to that node, and <em>adds</em> that derivative to the
 * gradient of every leaf, as PyTorch does. Call {@link #zeroGrad()} on the leaves between two
 * backward passes whose gradients should not be summed.
 *
 * <h2>Constants</h2>
 *
 * {@link #of(double)} makes a leaf that wants a gradient, as a PyTorch tensor with {@code
 * requires_grad=True}; {@link #constant(double)}, {@link #detach()} and the {@code double} overloads
 * ({@code x.mul(2)}) make constants, which get none, and a node that only constants feed is a
 * constant too: {@code backward()} computes nothing below it. Under {@link NoGrad}, every op returns
 * a constant that keeps no inputs.
 *
 * <h2>Threads</h2>
 *
 * A graph is not thread-safe: build, backpropagate and update one graph from one thread at a time.
 * Independent graphs may be used on different threads at once.
 */
public final class Value {

  private static final Value[] NO_INPUTS = {};
  private static final double[] NO_CONSTANTS = {};

  // A graph has millions of nodes, most of them binary: the first two inputs are fields rather than
  // an array of their own, and what few nodes have shares one field, so that a binary node takes
  // 48 bytes (a field more is 56: objects take multiples of 8), and a backward pass reads fewer.
  private double data;
  private double grad;
  private final Op op; // null for a leaf
  private final Value input0; // null if the node has no input
  private final Value input1; // null if it has fewer than two

  /**
   * Null if this node has at most two inputs, no constants and no label, as nearly every node;
   * else every input if there are three or more and nothing else (the array the op was applied to,
   * kept rather than copied: a neuron's linear node would otherwise allocate its inputs twice);
   * else its constants if it has nothing else; else an {@link Extras} of all three.
   */
  private Object extras;

  /**
   * Two things in the padding after the object header, so that they cost no space. Bit 31 is set
   * if this node wants no gradient: a {@linkplain #constant constant}, or a node computed from
   * constants only. Bits 0 to 30 are the mark, non-zero while a pass over the graph has reached
   * this node: {@link EagerBackward} marks visited nodes with 1, {@link CompiledGraph} numbers
   * them; 0 otherwise.
   */
  private int state;

  private static final int WANTS_NO_GRAD = 1 << 31;

  /** A node of {@code inputs}, which it keeps if there are three or more: the caller's own. */
  private Value(double data, Op op, Value[] inputs, double[] constants, boolean wantsGrad) {
    this.data = data;
    this.op = op;
    this.input0 = inputs.length > 0 ? inputs[0] : null;
    this.input1 = inputs.length > 1 ? inputs[1] : null;
    this.extras = extras(inputs.length > 2 ? inputs : null, constants, null);
    this.state = wantsGrad ? 0 : WANTS_NO_GRAD;
  }

  /**
   * A node of one input ({@code input1} null) or two, built without an array of inputs: the eager
   * engine's common case, which should not depend on the JIT removing a temporary array.
   */
  private Value(double data, Op op, Value input0, Value input1, double[] constants, int state) {
    this.data = data;
    this.op = op;
    this.input0 = input0;
    this.input1 = input1;
    this.extras = extras(null, constants, null);
    this.state = state;
  }

  /** A node's inputs if three or more, its constants and its label: what few nodes have. */
  private static final class Extras {
    final Value[] wideInputs; // null if fewer than three
    final double[] constants; // NO_CONSTANTS if none
    final String label; // null if none

    Extras(Value[] wideInputs, double[] constants, String label) {
      this.wideInputs = wideInputs;
      this.constants = constants;
      this.label = label;
    }
  }

  /** What {@link #extras} holds for these, each null or empty if the node has none. */
  private static Object extras(Value[] wideInputs, double[] constants, String label) {
    boolean noConstants = constants.length == 0;
    if (label == null && noConstants) {
      return wideInputs;
    }
    if (label == null && wideInputs == null) {
      return constants;
    }
    return new Extras(wideInputs, noConstants ? NO_CONSTANTS : constants, label);
  }

  /**
   * Returns a new leaf holding {@code data} whose gradient {@link #backward()} computes: a
   * parameter or an input to differentiate with respect to, as a PyTorch tensor with {@code
   * requires_grad=True}.
   */
  public static Value of(double data) {
    return new Value(data, null, NO_INPUTS, NO_CONSTANTS, true);
  }

  /**
   * Returns a new leaf holding {@code data} that never receives a gradient, as a PyTorch tensor
   * with {@code requires_grad=False}: a data point, a hyperparameter, the {@code 2} of {@code
   * x.mul(2)}. A node computed from constants only wants no gradient either, and {@link
   * #backward()} computes none below it.
   */
  public static Value constant(double data) {
    return new Value(data, null, NO_INPUTS, NO_CONSTANTS, false);
  }

  /**
   * Returns a {@linkplain #constant constant} holding this value's data, as PyTorch's {@code
   * detach()}: gradients stop there.
   */
  public Value detach() {
    return constant(data);
  }

  /** Whether {@link #backward()} computes a gradient for this node: false for constants. */
  public boolean requiresGrad() {
    return state >= 0;
  }

  /** Returns a new leaf holding {@code data}, labelled {@code label} in messages and drawings. */
  public static Value of(double data, String label) {
    return of(data).setLabel(label);
  }

  /** The value computed for this node, or given to this leaf. */
  public double data() {
    return data;
  }

  /** The gradient that {@link #backward()} has computed for this node; 0 before any. */
  public double grad() {
    return grad;
  }

  /** This node's label, or {@code null} if it has none. */
  public String label() {
    return extras instanceof Extras ? ((Extras) extras).label : null;
  }

  /**
   * Sets this node's label, for messages and drawings (micrograd's {@code e.label = 'e'}), and
   * returns this node, so that a label can be set where the node is created.
   *
   * @return this value, labelled
   */
  public Value setLabel(String label) {
    extras = extras(wideInputs(), constantsArray(), checkNotNull(label, "label"));
    return this;
  }

  /** The op that produced this node, or {@code null} for a leaf. */
  public Op op() {
    return op;
  }

  /** The inputs this node was computed from, in order, in an unmodifiable list; empty for a leaf. */
  public List<Value> inputs() {
    return List.of(inputsArray());
  }

  /**
   * The constant parameters this node's op was applied with, such as pow's exponent, in a new
   * array; empty for a leaf.
   */
  public double[] constants() {
    return constantsArray().clone();
  }

  /**
   * Returns every node of the graph below this value, this one last, each once and after all of its
   * inputs (micrograd's {@code build_topo}): the order that {@link #backward()} walks in reverse.
   * It is found without recursion, so any depth works on the default stack, and depends only on the
   * graph: inputs are visited in order.
   */
  public List<Value> topologicalOrder() {
    return List.of(EagerBackward.topologicalOrder(this));
  }

  /** Whether this node is a leaf: a value given by the caller rather than computed by an op. */
  public boolean isLeaf() {
    return op == null;
  }

  /**
   * Replaces this leaf's data, as an optimizer does with parameters. Nodes computed from it keep
   * their data until the graph is built again.
   *
   * @throws IllegalStateException if this value is not a leaf: its data is defined by its op
   */
  public void setData(double data) {
    if (op != null) {
      throw new IllegalStateException(
          "setData on "
              + describe()
              + ", which is computed by op '"
              + op.name()
              + "': only a leaf's data can be set");
    }
    this.data = data;
  }

  /** Sets this value's gradient to 0. */
  public void zeroGrad() {
    grad = 0;
  }

  /** Returns {@code this + other}. */
  public Value add(Value other) {
    return BuiltinOps.ADD.apply(this, other);
  }

  /** Returns {@code this + other}, {@code other} a {@linkplain #constant constant}. */
  public Value add(double other) {
    return add(constant(other));
  }

  /** Returns {@code this - other}. */
  public Value sub(Value other) {
    return BuiltinOps.SUB.apply(this, other);
  }

  /** Returns {@code this - other}, {@code other} a {@linkplain #constant constant}. */
  public Value sub(double other) {
    return sub(constant(other));
  }

  /** Returns {@code this * other}. */
  public Value mul(Value other) {
    return BuiltinOps.MUL.apply(this, other);
  }

  /** Returns {@code this * other}, {@code other} a {@linkplain #constant constant}. */
  public Value mul(double other) {
    return mul(constant(other));
  }

  /** Returns {@code this / other}. */
  public Value div(Value other) {
    return BuiltinOps.DIV.apply(this, other);
  }

  /** Returns {@code this / other}, {@code other} a {@linkplain #constant constant}. */
  public Value div(double other) {
    return div(constant(other));
  }

  /** Returns {@code this} raised to the constant {@code exponent}, which gets no gradient. */
  public Value pow(double exponent) {
    return applyBuiltin(BuiltinOps.POW, new double[] {exponent}, this);
  }

  /** Returns {@code -this}. */
  public Value neg() {
    return BuiltinOps.NEG.apply(this);
  }

  /** Returns <i>e</i> raised to {@code this}. */
  public Value exp() {
    return BuiltinOps.EXP.apply(this);
  }

  /**
   * Returns the natural logarithm of {@code this}: as {@link Math#log}, −∞ at 0 and NaN below.
   */
  public Value log() {
    return BuiltinOps.LOG.apply(this);
  }

  /**
   * Returns the square root of {@code this}: as {@link Math#sqrt}, NaN below 0 and {@code −0} at
   * {@code −0}. Its gradient is {@code 1/(2·sqrt(this))}: +∞ at 0, as in PyTorch.
   */
  public Value sqrt() {
    return applyBuiltin(BuiltinOps.SQRT, NO_CONSTANTS, this);
  }

  /**
   * Returns {@code |this|}. Its gradient is the sign of {@code this}, 0 at 0 as in PyTorch, and
   * NaN at NaN.
   */
  public Value abs() {
    return applyBuiltin(BuiltinOps.ABS, NO_CONSTANTS, this);
  }

  /** Returns the hyperbolic tangent of {@code this}. */
  public Value tanh() {
    return BuiltinOps.TANH.apply(this);
  }

  /** Returns {@code max(0, this)}, whose gradient at 0 is 0. */
  public Value relu() {
    return BuiltinOps.RELU.apply(this);
  }

  /**
   * Returns {@code bias + w0·x0 + w1·x1 + …}, summed in that order, as one node of the op {@code
   * linear} (inputs {@code bias, w0, x0, w1, x1, …}) instead of a chain of {@code mul} and {@code
   * add} nodes: the same number, bit for bit, and the same gradients ({@code 1}, {@code x_i} and
   * {@code w_i} locally), in a graph of one node instead of {@code 2n}. A neuron of {@link
   * dev.opgrad.nn} computes its weighted sum with it.
   *
   * @throws IllegalArgumentException if {@code weights} and {@code inputs} differ in size
   */
  public static Value linear(Value bias, List<Value> weights, List<Value> inputs) {
    checkNotNull(weights, "weights");
    return new LinearForm(bias, weights).apply(inputs);
  }

  /**
   * Returns the function {@code x -> linear(bias, weights, x)}, with the bias and weights laid out
   * once: for a module that applies the same weights to input after input, as a neuron of {@link
   * dev.opgrad.nn} does. Each application builds the node that {@link #linear(Value, List, List)}
   * builds, bit for bit, with less work; it throws what that method throws.
   *
   * @throws NullPointerException if {@code bias}, {@code weights} or one of the weights is null
   */
  public static Function<List<Value>, Value> linear(Value bias, List<Value> weights) {
    checkNotNull(bias, "bias");
    checkNotNull(weights, "weights");
    for (int i = 0; i < weights.size(); i++) {
      checkNotNull(weights.get(i), "weight %s is null", i);
    }
    return new LinearForm(bias, weights);
  }

  /**
   * Returns {@code values[0] + values[1] + …} as one node of the op {@code sum}, added left to
   * right, so bit for bit the number and gradients of the chain {@code values[0].add(values[1])…};
   * the sum of no values is the constant 0, as in PyTorch.
   *
   * @throws NullPointerException if {@code values} or one of them is null
   */
  public static Value sum(List<Value> values) {
    checkNotNull(values, "values");
    if (values.isEmpty()) {
      return constant(0);
    }
    return applyBuiltin(BuiltinOps.SUM, NO_CONSTANTS, values.toArray(NO_INPUTS));
  }

  /**
   * Returns {@code (values[0] + values[1] + …) / n} as one node of the op {@code mean}, the sum
   * added left to right, so bit for bit the number and gradients of {@code sum(values).div(n)}.
   *
   * @throws IllegalArgumentException if {@code values} is empty
   * @throws NullPointerException if {@code values} or one of them is null
   */
  public static Value mean(List<Value> values) {
    checkNotNull(values, "values");
    checkArgument(!values.isEmpty(), "the mean of no values");
    return applyBuiltin(BuiltinOps.MEAN, NO_CONSTANTS, values.toArray(NO_INPUTS));
  }

  /**
   * Applies the registered op {@code opName} to this value followed by {@code others}.
   *
   * @throws IllegalArgumentException if no op has that name, it takes another number of inputs, or
   *     it rejects them
   */
  public Value apply(String opName, Value... others) {
    return apply(opName, NO_CONSTANTS, others);
  }

  /**
   * Applies the registered op {@code opName} with constant parameters to this value followed by
   * {@code others}: {@code x.apply("pow", new double[] {3})} is {@code x.pow(3)}.
   *
   * @throws IllegalArgumentException if no op has that name, it takes another number of inputs or
   *     constants, or it rejects them
   */
  public Value apply(String opName, double[] constants, Value... others) {
    return apply(OpRegistry.defaultRegistry(), opName, constants, others);
  }

  /**
   * Applies the op named {@code opName} of {@code registry}, a plugin folder's say, with constant
   * parameters to this value followed by {@code others}, as {@link #apply(String, double[],
   * Value...)} applies one of the default registry: {@code x.apply(plugins, "silu", new
   * double[0])}.
   *
   * @throws IllegalArgumentException if {@code registry} has no op of that name, the op takes
   *     another number of inputs or constants, or it rejects them
   */
  public Value apply(OpRegistry registry, String opName, double[] constants, Value... others) {
    checkNotNull(registry, "registry");
    checkNotNull(opName, "opName");
    Op op;
    try {
      op = registry.get(opName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot apply '" + opName + "' to " + describe() + ": " + e.getMessage(), e);
    }
    return apply(op, constants, others);
  }

  /**
   * Applies {@code op}, which may come from any {@link OpRegistry}, to this value followed by
   * {@code others}.
   *
   * @throws IllegalArgumentException if the op takes another number of inputs or constants, or it
   *     rejects them
   */
  public Value apply(Op op, double[] constants, Value... others) {
    checkNotNull(op, "op");
    checkNotNull(constants, "constants");
    checkNotNull(others, "others");
    Value[] operands = new Value[others.length + 1];
    operands[0] = this;
    System.arraycopy(others, 0, operands, 1, others.length);
    return EagerForward.apply(op, operands, constants.clone());
  }

  /**
   * Applies one of the ops behind this class's methods, which opgrad-ops-builtin provides; core
   * knows their names only.
   */
  private static Value applyBuiltin(BuiltinOps builtin, double[] constants, Value... operands) {
    return builtin.apply(operands, constants);
  }

  /**
   * Creates the node {@link EagerForward} has computed, which wants a gradient if one of its inputs
   * does. It keeps {@code inputs} if there are three or more: the caller passes an array of its own.
   */
  static Value node(double data, Op op, Value[] inputs, double[] constants) {
    return new Value(
        data, op, inputs, constants.length == 0 ? NO_CONSTANTS : constants, anyWantsGrad(inputs));
  }

  /**
   * Creates the node of one input ({@code input1} null) or two that {@link EagerForward} has
   * computed, which wants a gradient if one of its inputs does.
   */
  static Value node(double data, Op op, Value input0, Value input1, double[] constants) {
    // Bit 31 of a state is set if that value wants no gradient: the node wants none if neither does.
    int state = input1 == null ? input0.state : input0.state & input1.state;
    return new Value(
        data,
        op,
        input0,
        input1,
        constants.length == 0 ? NO_CONSTANTS : constants,
        state & WANTS_NO_GRAD);
  }

  /**
   * Whether one of {@code inputs} wants a gradient. The first two are read at constant indices, as
   * the constructor reads them, so that the JIT can still replace a short array by its elements.
   */
  private static boolean anyWantsGrad(Value[] inputs) {
    if (inputs.length > 0 && inputs[0].requiresGrad()) {
      return true;
    }
    if (inputs.length > 1 && inputs[1].requiresGrad()) {
      return true;
    }
    for (int i = 2; i < inputs.length; i++) {
      if (inputs[i].requiresGrad()) {
        return true;
      }
    }
    return false;
  }

  /** Input 0, or null if this node has none: for the drivers' paths of one or two inputs. */
  Value input0() {
    return input0;
  }

  /** Input 1, or null if this node has fewer than two. */
  Value input1() {
    return input1;
  }

  /**
   * Every input if there are three or more, else null: the array the node keeps, which the caller
   * must not modify.
   */
  Value[] wideInputs() {
    Object e = extras;
    if (e == null || e instanceof Value[]) {
      return (Value[]) e; // the common cases first: this runs once per node of every pass
    }
    return e instanceof Extras ? ((Extras) e).wideInputs : null;
  }

  /**
   * The bits of a state that {@link #unvisited} tests: the mark, and for a pass over the nodes that
   * want a gradient only, the bit of those that want none.
   */
  static int visitedBits(boolean wantingGradOnly) {
    return wantingGradOnly ? ~0 : ~WANTS_NO_GRAD;
  }

  /**
   * Whether no pass has marked this node and, if {@code visitedBits} says so, it wants a gradient:
   * one test of the state per edge, whichever the pass.
   */
  boolean unvisited(int visitedBits) {
    return (state & visitedBits) == 0;
  }

  /** The mark of the pass over the graph at hand, 0 if it has not reached this node. */
  int mark() {
    return state & ~WANTS_NO_GRAD;
  }

  /** Sets the mark, a number from 0 to 2<sup>31</sup> − 1. */
  void setMark(int mark) {
    state = (state & WANTS_NO_GRAD) | mark;
  }

  /**
   * Backpropagates from this value: orders the graph below it topologically, seeds this value's
   * gradient with 1 and applies the chain rule in reverse order. Every non-leaf node's gradient is
   * <em>set</em> to ∂this/∂node; every leaf's gradient is <em>increased</em> by ∂this/∂leaf, so two
   * calls leave twice the gradient on the leaves, as in PyTorch and micrograd. The traversal uses
   * no recursion, so graphs of any depth work on the default stack, and its order depends only on
   * the graph, so gradients are bit-identical from run to run.
   *
   * @throws IllegalStateException if an op's {@link Op#localGrad} throws
   */
  public void backward() {
    EagerBackward.run(this);
  }

  // Accessors for the backward driver, which runs for every node.
  double[] constantsArray() {
    Object e = extras;
    if (e instanceof double[]) {
      return (double[]) e;
    }
    return e instanceof Extras ? ((Extras) e).constants : NO_CONSTANTS;
  }

  int inputCount() {
    if (input1 == null) {
      return input0 == null ? 0 : 1;
    }
    Value[] wide = wideInputs();
    return wide == null ? 2 : wide.length;
  }

  /** The inputs in a new array, for messages and checks off the hot path. */
  Value[] inputsArray() {
    Value[] inputs = new Value[inputCount()];
    Arrays.setAll(inputs, this::input);
    return inputs;
  }

  /** Input {@code i}, for {@code 0 <= i < inputCount()}. */
  Value input(int i) {
    switch (i) {
      case 0:
        return input0;
      case 1:
        return input1;
      default:
        return wideInputs()[i];
    }
  }

  void addToGrad(double delta) {
    grad += delta;
  }

  void setGrad(double grad) {
    this.grad = grad;
  }

  /** Names this value in messages: its label if it has one, else its op and data. */
  String describe() {
    return NodeFailure.describe(label(), op, data);
  }

  /** Returns {@code Value(data=…, grad=…)}, as micrograd prints it, with the label if any. */
  @Override
  public String toString() {
    String label = label();
    return "Value(data="
        + data
        + ", grad="
        + grad
        + (label == null ? "" : ", label=" + label)
        + ")";
  }

  /** Names {@code values} in messages, at most {@link NodeFailure#LISTED} of them. */
  static String describeAll(Value[] values) {
    return NodeFailure.list(values.length, i -> values[i].describe());
  }
}
