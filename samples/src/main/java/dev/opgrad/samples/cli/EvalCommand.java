package dev.opgrad.samples.cli;

import dev.opgrad.OpRegistry;
import dev.opgrad.Value;
import dev.opgrad.graph.Dot;
import dev.opgrad.graph.Graphviz;
import dev.opgrad.graph.GraphvizNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code opgrad eval EXPRESSION NAME=VALUE...}: the value and every variable's gradient. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates an expression and prints its value and the gradient for every variable.",
      "Expressions: numbers, variables, + - * / ^ (constant exponents), unary minus, parentheses,"
          + " and every registered op by name: tanh(x*w + b), legendre(x, 3).",
      "Put -- before an expression that starts with a minus sign: eval -- '-x^2' x=3."
    })
final class EvalCommand implements Callable<Integer> {

  @ParentCommand OpgradCli parent;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPRESSION", description = "The expression, quoted.")
  String expression;

  @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "A value for each variable.")
  List<String> assignments = new ArrayList<>();

  @Option(
      names = "--dot",
      paramLabel = "FILE",
      description = "Write the graph as Graphviz DOT text.")
  Path dotFile;

  @Option(
      names = "--svg",
      paramLabel = "FILE",
      description = "Draw the graph as SVG (needs Graphviz's dot program).")
  Path svgFile;

  @Override
  public Integer call() throws IOException {
    OpRegistry registry = parent.registry();
    Map<String, Value> variables;
    Value result;
    try {
      Expression parsed = ExpressionParser.parse(registry, expression);
      variables = variables(parsed.variables());
      result = parsed.build(variables);
    } catch (ExpressionException e) {
      List<String> lines = new ArrayList<>(List.of(e.getMessage()));
      lines.addAll(Caret.under(expression, e.column()));
      throw new BadInputException(String.join(System.lineSeparator(), lines), e);
    }
    result.backward();
    PrintWriter out = spec.commandLine().getOut();
    out.println(expression.strip() + " = " + result.data());
    variables.forEach((name, value) -> out.println("d/d" + name + " = " + value.grad()));
    writeGraph(result);
    return 0;
  }

  private void writeGraph(Value result) throws IOException {
    if (dotFile == null && svgFile == null) {
      return;
    }
    String dot = Dot.toDot(result);
    PrintWriter out = spec.commandLine().getOut();
    if (dotFile != null) {
      Files.writeString(dotFile, dot);
      out.println("graph written to " + dotFile);
    }
    if (svgFile != null) {
      try {
        Graphviz.render(dot, svgFile);
      } catch (GraphvizNotFoundException | IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      out.println("graph drawn in " + svgFile);
    }
  }

  /** One leaf per variable of the expression, in order of appearance, from the assignments. */
  private Map<String, Value> variables(List<String> names) {
    Map<String, Double> given = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new BadInputException("'" + assignment + "' is not of the form NAME=VALUE");
      }
      String name = assignment.substring(0, equals).strip();
      String number = assignment.substring(equals + 1).strip();
      if (!names.contains(name)) {
        throw new BadInputException(
            "'"
                + name
                + "' is not a variable of the expression"
                + (names.isEmpty()
                    ? ", which has none"
                    : "; its variables are " + String.join(", ", names)));
      }
      try {
        given.put(name, Double.parseDouble(number));
      } catch (NumberFormatException e) {
        throw new BadInputException(
            "the value of '" + name + "', '" + number + "', is not a number", e);
      }
    }
    Map<String, Value> variables = new LinkedHashMap<>();
    for (String name : names) {
      Double value = given.get(name);
      if (value == null) {
        throw new BadInputException(
            "variable '" + name + "' has no value: give it as " + name + "=NUMBER");
      }
      variables.put(name, Value.of(value, name));
    }
    return variables;
  }
}
