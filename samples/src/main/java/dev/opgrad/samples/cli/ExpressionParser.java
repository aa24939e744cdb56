package dev.opgrad.samples.cli;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses expressions such as {@code tanh(x*w + b)} by recursive descent. Operators map to the
 * registry's ops ({@code + - * /} to add, sub, mul, div; unary minus to neg; {@code ^} to pow with
 * a constant exponent); {@code name(args)} applies any registered op, whose inputs come first and
 * constants last ({@code legendre(x, 3)}).
 *
 * <pre>
 * expression = term { ("+" | "-") term }
 * term       = unary { ("*" | "/") unary }
 * unary      = "-" unary | power
 * power      = primary [ "^" unary ]
 * primary    = number | name "(" [ expression { "," expression } ] ")" | name | "(" expression ")"
 * </pre>
 */
final class ExpressionParser {

  private final OpRegistry registry;
  private final String text;
  private final Set<String> variables = new LinkedHashSet<>();
  private int position;

  private ExpressionParser(OpRegistry registry, String text) {
    this.registry = registry;
    this.text = text;
  }

  /** A parsed expression and its variables, in order of first appearance. */
  record Parsed(Expression expression, List<String> variables) {}

  static Parsed parse(OpRegistry registry, String text) throws ParseException {
    ExpressionParser parser = new ExpressionParser(registry, text);
    Expression expression = parser.expression();
    parser.skipSpaces();
    if (parser.position < text.length()) {
      throw parser.error(
          "expected an operator or the end of the expression, found " + parser.found());
    }
    return new Parsed(expression, List.copyOf(parser.variables));
  }

  private Expression expression() throws ParseException {
    Expression left = term();
    for (char c = peek(); c == '+' || c == '-'; c = peek()) {
      int column = column();
      position++;
      left = binary(c == '+' ? "add" : "sub", left, term(), column);
    }
    return left;
  }

  private Expression term() throws ParseException {
    Expression left = unary();
    for (char c = peek(); c == '*' || c == '/'; c = peek()) {
      int column = column();
      position++;
      left = binary(c == '*' ? "mul" : "div", left, unary(), column);
    }
    return left;
  }

  private Expression unary() throws ParseException {
    if (peek() == '-') {
      int column = column();
      position++;
      return new Expression.Application(op("neg", column), List.of(unary()), new double[0]);
    }
    return power();
  }

  private Expression power() throws ParseException {
    Expression base = primary();
    if (peek() != '^') {
      return base;
    }
    int column = column();
    position++;
    int exponentColumn = column();
    Expression exponent = unary();
    return new Expression.Application(
        op("pow", column),
        List.of(base),
        new double[] {constant(exponent, exponentColumn, "the exponent of '^'")});
  }

  private Expression primary() throws ParseException {
    char c = peek();
    int column = column();
    if (c == '(') {
      position++;
      Expression inner = expression();
      expect(')');
      return inner;
    }
    if (Character.isDigit(c) || c == '.') {
      return new Expression.Number(number());
    }
    if (Character.isLetter(c) || c == '_') {
      String name = name();
      if (peek() == '(') {
        return call(name, column);
      }
      variables.add(name);
      return new Expression.Variable(name);
    }
    throw error("expected a number, a variable, an op call or '(', found " + found());
  }

  private Expression call(String name, int column) throws ParseException {
    Op op = op(name, column);
    position++; // '('
    List<Expression> arguments = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    if (peek() != ')') {
      do {
        columns.add(column());
        arguments.add(expression());
      } while (consume(','));
    }
    expect(')');
    boolean variadic = op.arity() == Op.VARIADIC;
    // A variadic op takes every argument but its constants as inputs, at least one; it judges
    // the count itself when the graph is built.
    int inputs = variadic ? Math.max(1, arguments.size() - op.constantCount()) : op.arity();
    if (arguments.size() != inputs + op.constantCount()) {
      throw new ParseException(
          column,
          "op '"
              + name
              + "' takes "
              + (variadic ? "any number ≥ 1 of inputs" : plural(op.arity(), "input"))
              + (op.constantCount() == 0 ? "" : " and " + plural(op.constantCount(), "constant"))
              + ", got "
              + plural(arguments.size(), "argument"));
    }
    double[] constants = new double[op.constantCount()];
    for (int i = 0; i < constants.length; i++) {
      int index = inputs + i;
      constants[i] =
          constant(
              arguments.get(index),
              columns.get(index),
              "argument " + (index + 1) + " of '" + name + "'");
    }
    return new Expression.Application(op, List.copyOf(arguments.subList(0, inputs)), constants);
  }

  private Expression binary(String opName, Expression left, Expression right, int column)
      throws ParseException {
    return new Expression.Application(op(opName, column), List.of(left, right), new double[0]);
  }

  private Op op(String name, int column) throws ParseException {
    try {
      return registry.get(name);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParseException(column, e.getMessage());
    }
  }

  /** Evaluates an expression that must not use variables: a constant parameter. */
  private double constant(Expression expression, int column, String what) throws ParseException {
    Set<String> used = new LinkedHashSet<>();
    collectVariables(expression, used);
    if (!used.isEmpty()) {
      throw new ParseException(
          column, what + " must be a constant, but uses " + String.join(", ", used));
    }
    return expression.build(Map.of()).data();
  }

  private static void collectVariables(Expression expression, Set<String> into) {
    if (expression instanceof Expression.Variable variable) {
      into.add(variable.name());
    } else if (expression instanceof Expression.Application application) {
      application.inputs().forEach(input -> collectVariables(input, into));
    }
  }

  private double number() throws ParseException {
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
    try {
      return Double.parseDouble(literal);
    } catch (NumberFormatException e) {
      throw new ParseException(start + 1, "'" + literal + "' is not a number");
    }
  }

  private String name() {
    int start = position;
    while (position < text.length()
        && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
      position++;
    }
    return text.substring(start, position);
  }

  private void expect(char c) throws ParseException {
    if (!consume(c)) {
      throw error("expected '" + c + "', found " + found());
    }
  }

  private boolean consume(char c) {
    if (peek() == c) {
      position++;
      return true;
    }
    return false;
  }

  /** The next non-space character, or 0 at the end; skips the spaces before it. */
  private char peek() {
    skipSpaces();
    return position < text.length() ? text.charAt(position) : 0;
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
        ? "'" + text.charAt(position) + "'"
        : "the end of the expression";
  }

  private ParseException error(String message) {
    return new ParseException(column(), message);
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
