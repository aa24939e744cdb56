package dev.opgrad.samples.cli;

import dev.opgrad.Value;
import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed expression as a list of steps in post-order: each step leaves one value on a stack, a
 * number, a variable's leaf, or an op applied to the values that the steps before it left. Building
 * the graph is one loop over the steps, so an expression nested 10<sup>4</sup> deep or a sum of
 * 10<sup>5</sup> terms builds without recursion, on the default thread stack.
 */
final class Expression {

  /** One step of an expression: it pushes one value. */
  sealed interface Step permits Number, Variable, Apply {}

  /** Pushes a number literal. */
  record Number(double value) implements Step {}

  /** Pushes a variable's leaf, whose value is given on the command line. */
  record Variable(String name) implements Step {}

  /**
   * Pops the top {@code inputCount} values, applies {@code op} to them (the deepest first) with
   * {@code constants}, and pushes the result; {@code column} is where the op is named in the text.
   */
  record Apply(Op op, int inputCount, double[] constants, int column) implements Step {}

  private final List<Step> steps;
  private final List<String> variables;

  Expression(List<Step> steps, List<String> variables) {
    this.steps = List.copyOf(steps);
    this.variables = List.copyOf(variables);
  }

  /** The expression's variables, in order of first appearance. */
  List<String> variables() {
    return variables;
  }

  /**
   * Builds the expression's graph over the given leaves, one for each of its variables.
   *
   * @throws ExpressionException if an op rejects its inputs or constants, at the op's column
   */
  Value build(Map<String, Value> leaves) throws ExpressionException {
    return build(steps, leaves);
  }

  /**
   * Runs {@code steps}, which must leave exactly one value, over {@code leaves}: the whole
   * expression, or a part of it that the parser evaluates as a constant.
   */
  static Value build(List<Step> steps, Map<String, Value> leaves) throws ExpressionException {
    List<Value> stack = new ArrayList<>();
    for (Step step : steps) {
      if (step instanceof Number number) {
        stack.add(Value.of(number.value()));
      } else if (step instanceof Variable variable) {
        stack.add(leaves.get(variable.name()));
      } else {
        Apply apply = (Apply) step;
        List<Value> inputs = stack.subList(stack.size() - apply.inputCount(), stack.size());
        Value first = inputs.get(0);
        Value[] others = inputs.subList(1, inputs.size()).toArray(Value[]::new);
        inputs.clear();
        try {
          stack.add(first.apply(apply.op(), apply.constants(), others));
        } catch (IllegalArgumentException e) {
          throw new ExpressionException(apply.column(), e.getMessage());
        }
      }
    }
    return stack.get(0);
  }
}
