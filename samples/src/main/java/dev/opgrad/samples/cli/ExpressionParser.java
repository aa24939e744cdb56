package dev.opgrad.samples.cli;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.samples.cli.Expression.Apply;
import dev.opgrad.samples.cli.Expression.Step;
import dev.opgrad.samples.cli.Expression.Variable;
import dev.opgrad.spi.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses expressions such as {@code tanh(x*w + b)} into {@link Expression} steps. Operators map to
 * the registry's ops ({@code + - * /} to add, sub, mul, div; unary minus to neg; {@code ^} to pow
 * with a constant exponent); {@code name(args)} applies any registered op, whose inputs come first
 * and constants last ({@code legendre(x, 3)}).
 *
 * <pre>
 * expression = term { ("+" | "-") term }
 * term       = unary { ("*" | "/") unary }
 * unary      = "-" unary | power
 * power      = primary [ "^" unary ]
 * primary    = number | name "(" [ expression { "," expression } ] ")" | name | "(" expression ")"
 * </pre>
 *
 * <p>The grammar is parsed without recursion, by operator precedence (Dijkstra's shunting-yard):
 * operators and open parentheses wait on a stack until their operands are complete, and the steps
 * come out in post-order. So nesting depth and length are bounded by memory, not by the thread
 * stack. The exponent of {@code ^} and an op's constants must be constant expressions: their steps
 * are evaluated as soon as they are complete and replaced by their value.
 *
 * <p>The command prints the registry's problems as warnings before it parses, so an op that one of
 * them concerns is reported as unusable with a pointer to them, not with the problem again.
 */
final class ExpressionParser {

  private static final double[] NO_CONSTANTS = {};

  /** The operators, by increasing precedence. */
  private enum Kind {
    ADDITIVE,
    MULTIPLICATIVE,
    NEGATION,
    POWER
  }

  /** What waits on the stack for operands: an operator, or an open parenthesis. */
  private sealed interface Pending permits Operator, Group {}

  /** An operator whose right operand is not complete yet. */
  private record Operator(Op op, Kind kind, int column) implements Pending {}

  /**
   * An open parenthesis: a group, or, when {@code call} is not null, the arguments of a call, which
   * start at operand {@code firstArgument}.
   */
  private record Group(int column, Op call, int firstArgument) implements Pending {}

  /**
   * A complete operand: its steps run from {@code start} to the next operand's start, or to the
   * end; {@code column} is where its text starts.
   */
  private record Operand(int start, int column, boolean usesVariables) {}

  private final OpRegistry registry;
  private final String text;
  private final List<Step> steps = new ArrayList<>();
  private final List<Operand> operands = new ArrayList<>();
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final Set<String> variables = new LinkedHashSet<>();
  private int position;

  private ExpressionParser(OpRegistry registry, String text) {
    this.registry = registry;
    this.text = text;
  }

  /** Parses {@code text} with the ops of {@code registry}. */
  static Expression parse(OpRegistry registry, String text) throws ExpressionException {
    ExpressionParser parser = new ExpressionParser(registry, text);
    parser.parse();
    return new Expression(parser.steps, List.copyOf(parser.variables));
  }

  private void parse() throws ExpressionException {
    boolean operandNext = true;
    while (operandNext || !atEnd()) {
      operandNext = operandNext ? !readOperand() : readAfterOperand();
    }
    if (reduceToGroup() != null) {
      throw error("expected ')', found the end of the expression");
    }
  }

  /**
   * Reads an operand or the start of one: a unary minus, an open parenthesis or an op call's name
   * and parenthesis. Returns whether an operand is complete.
   */
  private boolean readOperand() throws ExpressionException {
    char c = peek();
    int column = column();
    if (c == '-') {
      pending.push(new Operator(op("neg", column), Kind.NEGATION, column));
      position++;
      return false;
    }
    if (c == '(') {
      pending.push(new Group(column, null, operands.size()));
      position++;
      return false;
    }
    if (Character.isDigit(c) || c == '.') {
      double value = number();
      operands.add(new Operand(steps.size(), column, false));
      steps.add(new Expression.Number(value));
      return true;
    }
    if (Character.isLetter(c) || c == '_') {
      String name = name();
      if (peek() == '(') {
        Group call = new Group(column, op(name, column), operands.size());
        pending.push(call);
        position++;
        if (peek() != ')') {
          return false;
        }
        position++;
        pending.pop();
        finishCall(call);
        return true;
      }
      variables.add(name);
      operands.add(new Operand(steps.size(), column, true));
      steps.add(new Variable(name));
      return true;
    }
    throw error("expected a number, a variable, an op call or '(', found " + found());
  }

  /**
   * Reads what follows a complete operand: a binary operator, a comma between arguments or a
   * closing parenthesis. Returns whether an operand must follow.
   */
  private boolean readAfterOperand() throws ExpressionException {
    char c = peek();
    int column = column();
    switch (c) {
      case '+', '-' -> {
        binary(c == '+' ? "add" : "sub", Kind.ADDITIVE, column);
        return true;
      }
      case '*', '/' -> {
        binary(c == '*' ? "mul" : "div", Kind.MULTIPLICATIVE, column);
        return true;
      }
      case '^' -> {
        binary("pow", Kind.POWER, column);
        return true;
      }
      default -> {
        // Everything else ends the operators of the innermost parenthesis, if anything can.
        Group open = reduceToGroup();
        if (open != null && c == ')') {
          position++;
          pending.pop();
          closeGroup(open);
          return false;
        }
        if (open != null && open.call() != null && c == ',') {
          position++;
          return true;
        }
        throw error(
            (open == null ? "expected an operator or the end of the expression" : "expected ')'")
                + ", found "
                + found());
      }
    }
  }

  private void binary(String opName, Kind kind, int column) throws ExpressionException {
    Op op = op(opName, column);
    position++;
    // Operators that bind tighter than this one, or as tightly, have their operands: apply them.
    // ^ is right-associative (2^3^2 is 2^(3^2)), the others left-associative (a-b-c is (a-b)-c).
    while (pending.peek() instanceof Operator top
        && (top.kind().compareTo(kind) > 0 || (top.kind() == kind && kind != Kind.POWER))) {
      pending.pop();
      reduce(top);
    }
    pending.push(new Operator(op, kind, column));
  }

  /**
   * Applies every operator above the innermost open parenthesis; returns that parenthesis, or null
   * at the top level.
   */
  private Group reduceToGroup() throws ExpressionException {
    while (pending.peek() instanceof Operator operator) {
      pending.pop();
      reduce(operator);
    }
    return (Group) pending.peek();
  }

  /** Applies an operator to the operands on top of the stack. */
  private void reduce(Operator operator) throws ExpressionException {
    int top = operands.size() - 1;
    switch (operator.kind()) {
      case NEGATION -> {
        merge(top, operator.column());
        steps.add(new Apply(operator.op(), 1, NO_CONSTANTS, operator.column()));
      }
      case POWER -> {
        double exponent = constant(top, "the exponent of '^'");
        dropOperands(top);
        steps.add(new Apply(operator.op(), 1, new double[] {exponent}, operator.column()));
      }
      default -> {
        merge(top - 1, operands.get(top - 1).column());
        steps.add(new Apply(operator.op(), 2, NO_CONSTANTS, operator.column()));
      }
    }
  }

  private void closeGroup(Group group) throws ExpressionException {
    if (group.call() == null) {
      merge(operands.size() - 1, group.column());
    } else {
      finishCall(group);
    }
  }

  private void finishCall(Group call) throws ExpressionException {
    Op op = call.call();
    int arguments = operands.size() - call.firstArgument();
    boolean variadic = op.arity() == Op.VARIADIC;
    // A variadic op takes every argument but its constants as inputs, at least one; it judges
    // the count itself when the graph is built.
    int inputs = variadic ? Math.max(1, arguments - op.constantCount()) : op.arity();
    if (arguments != inputs + op.constantCount()) {
      throw new ExpressionException(
          call.column(),
          "op '"
              + op.name()
              + "' takes "
              + (variadic ? "any number ≥ 1 of inputs" : plural(op.arity(), "input"))
              + (op.constantCount() == 0 ? "" : " and " + plural(op.constantCount(), "constant"))
              + ", got "
              + plural(arguments, "argument"));
    }
    int firstConstant = call.firstArgument() + inputs;
    double[] constants = new double[op.constantCount()];
    for (int i = 0; i < constants.length; i++) {
      constants[i] =
          constant(firstConstant + i, "argument " + (inputs + i + 1) + " of '" + op.name() + "'");
    }
    if (constants.length > 0) {
      dropOperands(firstConstant);
    }
    merge(call.firstArgument(), call.column());
    steps.add(new Apply(op, inputs, constants, call.column()));
  }

  /** Makes the operands from {@code first} to the top one operand, starting at {@code column}. */
  private void merge(int first, int column) {
    List<Operand> merged = operands.subList(first, operands.size());
    Operand operand =
        new Operand(
            merged.get(0).start(), column, merged.stream().anyMatch(Operand::usesVariables));
    merged.clear();
    operands.add(operand);
  }

  /** Removes the operands from {@code first} to the top, and their steps. */
  private void dropOperands(int first) {
    steps.subList(operands.get(first).start(), steps.size()).clear();
    operands.subList(first, operands.size()).clear();
  }

  /** Evaluates operand {@code index}, which must not use variables: an exponent, a constant. */
  private double constant(int index, String what) throws ExpressionException {
    Operand operand = operands.get(index);
    int end = index + 1 < operands.size() ? operands.get(index + 1).start() : steps.size();
    List<Step> its = steps.subList(operand.start(), end);
    if (operand.usesVariables()) {
      Set<String> used = new LinkedHashSet<>();
      for (Step step : its) {
        if (step instanceof Variable variable) {
          used.add(variable.name());
        }
      }
      throw new ExpressionException(
          operand.column(), what + " must be a constant, but uses " + Messages.listed(used));
    }
    return Expression.build(its, Map.of()).data();
  }

  private Op op(String name, int column) throws ExpressionException {
    if (registry.contains(name)) {
      return registry.get(name);
    }
    boolean unusable =
        registry.problems().stream()
            .anyMatch(problem -> problem.opName().filter(name::equals).isPresent());
    throw new ExpressionException(
        column,
        unusable
            ? "op '" + name + "' is unusable, as a warning above says"
            : "no op named '" + name + "'; known ops: " + Messages.listed(registry.names()));
  }

  private double number() throws ExpressionException {
    int start = position;
    while (position < text.length()
        && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
      position++;
    }
    if (position < text.length()
        && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
      int mark = position++;
      if (position < text.length()
          && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
        position++;
      }
      if (position < text.length() && Character.isDigit(text.charAt(position))) {
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
          position++;
        }
      } else {
        position = mark;
      }
    }
    String literal = text.substring(start, position);
    double value;
    try {
      value = Double.parseDouble(literal);
    } catch (NumberFormatException e) {
      throw new ExpressionException(start + 1, "'" + literal + "' is not a number");
    }
    if (Double.isInfinite(value)) {
      throw new ExpressionException(
          start + 1, literal + " is too large a number: the largest is " + Double.MAX_VALUE);
    }
    return value;
  }

  private String name() {
    int start = position;
    while (position < text.length()
        && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
      position++;
    }
    return text.substring(start, position);
  }

  /** The next non-space character, or 0 at the end; skips the spaces before it. */
  private char peek() {
    skipSpaces();
    return position < text.length() ? text.charAt(position) : 0;
  }

  private boolean atEnd() {
    skipSpaces();
    return position == text.length();
  }

  private void skipSpaces() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private int column() {
    skipSpaces();
    return position + 1;
  }

  private String found() {
    skipSpaces();
    return position < text.length()
        ? "'" + Character.toString(text.codePointAt(position)) + "'"
        : "the end of the expression";
  }

  private ExpressionException error(String message) {
    return new ExpressionException(column(), message);
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
