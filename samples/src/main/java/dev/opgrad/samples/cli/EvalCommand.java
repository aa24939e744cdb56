package dev.opgrad.samples.cli;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.viz.Dot;
import dev.opgrad.viz.Graphviz;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code opgrad eval EXPRESSION NAME=VALUE...}: the value and every variable's gradient, and with
 * {@code --hessian} the second derivatives.
 */
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

  @Option(
      names = "--hessian",
      description = {
        "Also print the Hessian: the second derivatives, a row per variable, in the order of the"
            + " gradients. Every op in the expression must give its derivative as ops"
            + " (HigherOrderOp)."
      })
  boolean hessian;

  @Override
  public Integer call() {
    Map<String, Double> values = VariableValues.parse(assignments);
    if (dotFile != null) {
      OutputPaths.checkFile(dotFile);
    }
    if (svgFile != null) {
      OutputPaths.checkFile(svgFile);
    }
    OpRegistry registry = parent.registry();
    Value result;
    Map<String, Value> variables;
    try {
      Expression parsed = ExpressionParser.parse(registry, expression);
      variables = leaves(parsed.variables(), values);
      result = parsed.build(variables);
    } catch (ExpressionException e) {
      throw new BadInputException(e.getMessage(), Caret.under(expression, e.column()), e);
    }
    try {
      result.backward();
    } catch (IllegalStateException e) { // an op's localGrad threw; the message names it and where
      throw new BadInputException(e.getMessage(), e);
    }
    double[][] secondDerivatives = hessian ? hessian(result, variables) : null;
    PrintWriter out = spec.commandLine().getOut();
    out.println(Messages.oneLine(expression.strip()) + " = " + result.data());
    variables.forEach((name, value) -> out.println("d/d" + name + " = " + value.grad()));
    if (secondDerivatives != null && !variables.isEmpty()) {
      out.println("hessian (" + String.join(", ", variables.keySet()) + ") =");
      for (double[] row : secondDerivatives) {
        out.println("  " + Arrays.toString(row));
      }
    }
    writeGraph(result);
    return 0;
  }

  /**
   * The Hessian of {@code result} in the variables, computed before anything is printed: an op that
   * gives its local gradient as numbers only fails it, with a message naming the op.
   */
  private static double[][] hessian(Value result, Map<String, Value> variables) {
    try {
      return Gradients.hessian(result, List.copyOf(variables.values()));
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new BadInputException("--hessian: " + e.getMessage(), e);
    }
  }

  private void writeGraph(Value result) {
    if (dotFile == null && svgFile == null) {
      return;
    }
    String dot = Dot.toDot(result);
    PrintWriter out = spec.commandLine().getOut();
    if (dotFile != null) {
      try {
        Files.writeString(dotFile, dot);
      } catch (IOException e) {
        throw OutputPaths.cannotWrite(dotFile, e);
      }
      out.println("graph written to " + dotFile);
    }
    if (svgFile != null) {
      try {
        Graphviz.render(dot, svgFile);
      } catch (IOException | IllegalArgumentException e) {
        // Graphviz missing (the message says how to install it), dot failing, or a name that
        // does not end in .svg, .png or .pdf.
        throw new BadInputException(e.getMessage(), e);
      }
      out.println("graph drawn in " + svgFile);
    }
  }

  /** One leaf per variable of the expression, in order of appearance, from the given values. */
  private static Map<String, Value> leaves(List<String> names, Map<String, Double> values) {
    Set<String> known = new HashSet<>(names);
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new BadInputException(
            "'"
                + name
                + "' is not a variable of the expression"
                + (names.isEmpty()
                    ? ", which has none"
                    : "; its variables are " + Messages.listed(names)));
      }
    }
    Map<String, Value> leaves = new LinkedHashMap<>();
    for (String name : names) {
      Double value = values.get(name);
      if (value == null) {
        throw new BadInputException(
            "variable '" + name + "' has no value: give it as " + name + "=NUMBER");
      }
      leaves.put(name, Value.of(value, name));
    }
    return leaves;
  }
}
