package dev.opgrad.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * One differentiable scalar operation: the service that every opgrad op provides, in the spirit of
 * PyTorch's {@code torch.autograd.Function}.
 *
 * <p>An op maps {@link #arity()} input values, and {@link #constantCount()} constant parameters, to
 * one output value; a {@link #VARIADIC variadic} op takes any number of inputs, at least one.
 * {@link #forward} computes the output; {@link #localGrad} gives the partial derivative of the
 * output with respect to each input, which the backward pass multiplies by the output's gradient
 * and adds into the inputs' gradients (the chain rule).
 *
 * <h2>Discovery</h2>
 *
 * Ops are found with {@link java.util.ServiceLoader}: an implementation needs a public no-argument
 * constructor and an entry in {@code META-INF/services/dev.opgrad.spi.Op}, which Google AutoService
 * writes for a class annotated {@code @AutoService(Op.class)}. The op's {@link #name()} is its key
 * in the registry; it must be unique among the ops on the class path.
 *
 * <h2>Constants</h2>
 *
 * Some ops have parameters that are not graph inputs: the exponent of {@code pow}, the degree of a
 * Legendre polynomial. They are passed as {@code constants}, an array of {@link #constantCount()}
 * numbers fixed when the node is created ({@code x.pow(3)} calls {@code pow} with inputs {@code
 * [x]} and constants {@code [3]}). Constants never receive a gradient. An op that accepts only some
 * constants (an integer degree, say) rejects the others by throwing {@link
 * IllegalArgumentException} from {@link #forward}; the engine adds the op's name and the values
 * involved to the message.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Pure and stateless.</b> The result depends only on the arguments. An op holds no mutable
 *       state, so one instance serves every graph, on every thread at once: implementations must be
 *       thread-safe.
 *   <li><b>Arguments are borrowed.</b> The engine reuses the arrays it passes between calls, so
 *       that backward allocates nothing per node. An op reads {@code inputs} and {@code constants}
 *       and writes only {@code grads}; it never keeps a reference to any of them.
 *   <li><b>NaN and infinities are values.</b> Where the mathematical function is undefined or
 *       overflows, an op returns what IEEE 754 arithmetic gives ({@code NaN}, {@code ±Infinity}),
 *       as {@link Math} does, and does not throw: they propagate through the graph as they do in
 *       PyTorch. Exceptions are for arguments an op can never accept (a wrong constant).
 *   <li><b>Gradients at kinks</b> follow PyTorch: for example {@code relu}'s local gradient at
 *       exactly 0 is 0.
 * </ul>
 */
public interface Op {

  /**
   * The name under which this op is registered and applied, such as {@code "tanh"}: a lowercase
   * letter followed by lowercase letters, digits or underscores.
   */
  String name();

  /**
   * The {@link #arity()} of an op that takes any number of inputs, at least 1, such as {@code
   * linear(b, w0, x0, w1, x1, …)}. Such an op reads {@code inputs.length} to know how many it got,
   * rejects counts it cannot take by throwing {@link IllegalArgumentException} from {@link
   * #forward}, and declares its own {@link #gradCheckPoints()}, of the input counts it wants
   * checked.
   */
  int VARIADIC = -1;

  /** The number of graph inputs, at least 1, or {@link #VARIADIC}. */
  int arity();

  /** The number of constant parameters; 0 unless overridden. */
  default int constantCount() {
    return 0;
  }

  /**
   * Computes the output from the inputs' data.
   *
   * @param inputs the input values, in order, exactly as many as the node has, so that a {@link
   *     #VARIADIC} op reads their number as {@code inputs.length}; do not modify
   * @param constants the {@link #constantCount()} constant parameters; do not modify
   * @return the output value
   */
  double forward(double[] inputs, double[] constants);

  /**
   * Writes the local gradient ∂output/∂input<sub>i</sub> into {@code grads[i]} for every input.
   *
   * @param inputs the input values {@link #forward} was called with; do not modify
   * @param constants the constant parameters; do not modify
   * @param output the value {@link #forward} returned for these inputs, so that ops such as {@code
   *     tanh} or {@code exp} need not compute it again
   * @param grads where to write the local gradients, one per input; it may be longer than {@code
   *     inputs}, and its other elements must be left alone
   */
  void localGrad(double[] inputs, double[] constants, double output, double[] grads);

  /**
   * Whether every local gradient is finite wherever the output is finite, at any inputs and
   * constants: true for {@code add}, {@code mul} or {@code relu}, false for {@code div} or {@code
   * log}, whose local gradients overflow at tiny inputs whose output is finite. If true, backward
   * skips a node whose gradient is ±0 and whose output is finite without calling {@link
   * #localGrad}: its contributions would all be ±0, which change no gradient. In a trained
   * network most nodes are such (an inactive ReLU and everything below it), and hand-written code
   * skips them too. By default false, which is always correct.
   */
  default boolean localGradsFiniteWhereOutputFinite() {
    return false;
  }

  /**
   * Points of this op's domain where it is differentiable, for {@link dev.opgrad.check.GradCheck} and
   * tests that build random graphs. By default, for an op without constants: every combination of
   * the inputs {@code -1.7, -0.6, 0.4, 1.3} (at most 64 points). An op with constants, or with a
   * smaller domain ({@code log} needs positive inputs), overrides this; so does a {@link #VARIADIC}
   * op, which has no default points.
   */
  default List<Point> gradCheckPoints() {
    if (constantCount() > 0 || arity() == VARIADIC) {
      return List.of();
    }
    double[] grid = {-1.7, -0.6, 0.4, 1.3};
    // Every combination of the first three inputs (at most 4^3 points); input i > 2 repeats input
    // i % 3, shifted by 0.01·i so that no two inputs are equal.
    int combined = Math.min(arity(), 3);
    int count = 1 << (2 * combined);
    List<Point> points = new ArrayList<>(count);
    for (int combination = 0; combination < count; combination++) {
      double[] inputs = new double[arity()];
      for (int i = 0; i < inputs.length; i++) {
        int digit = (combination >> (2 * (combined - 1 - i % combined))) & 3;
        inputs[i] = grid[digit] + i * 0.01;
      }
      points.add(Point.of(inputs));
    }
    return List.copyOf(points);
  }
}
