package dev.opgrad.samples.cli;

import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.samples.compare.Comparison;
import dev.opgrad.samples.compare.ComparisonReport;
import dev.opgrad.samples.compare.ErrorChart;
import dev.opgrad.samples.compare.Formulation;
import dev.opgrad.samples.compare.HighPrecision;
import dev.opgrad.samples.compare.Reference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code opgrad compare EXPR_A EXPR_B --var x --range A:B}: two formulations of one function of x,
 * compared in value and derivative over the range (see {@link Comparison}).
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two formulations of one function of --var over --range, in value and derivative.",
      "Prints the error of each in ulps and relative, where each is NaN, infinite or wrong, and"
          + " the size of each graph; --png draws the errors.",
      "The reference is a 32-digit one when EXPR_A (else EXPR_B) is tanh, exp, log, sigmoid or"
          + " softplus of the variable alone, and EXPR_A otherwise.",
      "Other variables are held at their NAME=VALUE. Example:",
      "  opgrad compare 'tanh(x)' '(exp(2*x)-1)/(exp(2*x)+1)' --var x --range=-400:400"
    })
final class CompareCommand implements Callable<Integer> {

  @ParentCommand OpgradCli parent;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPR_A", description = "The first formulation, quoted.")
  String expressionA;

  @Parameters(index = "1", paramLabel = "EXPR_B", description = "The second formulation, quoted.")
  String expressionB;

  @Parameters(
      index = "2..*",
      paramLabel = "NAME=VALUE",
      description = "A value for each variable but --var.")
  List<String> assignments = new ArrayList<>();

  @Option(
      names = "--var",
      required = true,
      paramLabel = "NAME",
      description = "The variable that runs over the range.")
  String variable;

  @Option(
      names = "--range",
      required = true,
      paramLabel = "A:B",
      description = "The range, A < B, finite: --range=-400:400 (or --range -400:400).")
  String range;

  @Option(
      names = "--points",
      paramLabel = "N",
      defaultValue = "" + Comparison.DEFAULT_POINTS,
      description =
          "Evenly spaced points, 2 to 1000000 (default: ${DEFAULT-VALUE}); log-spaced points near"
              + " 0 and bisection at the breakdowns' ends come on top.")
  int points;

  @Option(
      names = "--png",
      paramLabel = "FILE",
      description =
          "Draw the errors of value and derivative against the variable, log scale, as a PNG.")
  Path png;

  @Override
  public Integer call() {
    Range bounds = Range.parse(range);
    if (points < 2 || points > Comparison.MAX_POINTS) {
      throw new UsageException(
          "--points must be from 2 to " + Comparison.MAX_POINTS + ", not " + points);
    }
    Map<String, Double> values = VariableValues.parse(assignments);
    if (png != null) {
      OutputPaths.checkFile(png);
    }
    OpRegistry registry = parent.registry();
    Expression a = parse(registry, expressionA);
    Expression b = parse(registry, expressionB);
    checkVariables(a, b, values);
    Formulation first = formulation("A", expressionA, a, values);
    Formulation second = formulation("B", expressionB, b, values);
    Reference reference =
        highPrecision(first, bounds.lo())
            .or(() -> highPrecision(second, bounds.lo()))
            .orElseGet(() -> Reference.of(first));
    ComparisonReport report;
    try {
      report =
          Comparison.of("A and B")
              .formulation(first)
              .formulation(second)
              .reference(reference)
              .variable(variable)
              .range(bounds.lo(), bounds.hi())
              .points(points)
              .run();
    } catch (IllegalStateException e) { // an op's localGrad threw; the message names it and where
      throw new BadInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    report.print(parent.out());
    if (png != null) {
      try {
        ErrorChart.write(png, List.of(report));
      } catch (IOException e) {
        throw OutputPaths.cannotWrite(png, e);
      }
      out.println("errors drawn in " + png);
    }
    return 0;
  }

  private static Expression parse(OpRegistry registry, String text) {
    try {
      return ExpressionParser.parse(registry, text);
    } catch (ExpressionException e) {
      throw new BadInputException(e.getMessage(), Caret.under(text, e.column()), e);
    }
  }

  /**
   * The variable runs over the range and both expressions use the same variables; every other
   * variable has a value, and nothing else does.
   */
  private void checkVariables(Expression a, Expression b, Map<String, Double> values) {
    Set<String> variables = new LinkedHashSet<>(a.variables());
    variables.addAll(b.variables());
    if (!variables.contains(variable)) {
      throw new BadInputException(
          "--var "
              + variable
              + ": '"
              + variable
              + "' is not a variable of the expressions"
              + (variables.isEmpty()
                  ? ", which have none"
                  : "; their variables are " + Messages.listed(variables)));
    }
    if (!Set.copyOf(a.variables()).equals(Set.copyOf(b.variables()))) {
      throw new BadInputException(
          "the expressions are of different variables: EXPR_A has "
              + variablesOf(a)
              + ", EXPR_B has "
              + variablesOf(b));
    }
    if (values.containsKey(variable)) {
      throw new BadInputException(
          "'"
              + variable
              + "' runs over the range "
              + range
              + ": give no value for it, or compare over another variable");
    }
    for (String name : values.keySet()) {
      if (!variables.contains(name)) {
        throw new BadInputException(
            "'"
                + name
                + "' is not a variable of the expressions; their variables are "
                + Messages.listed(variables));
      }
    }
    for (String name : variables) {
      if (!name.equals(variable) && !values.containsKey(name)) {
        throw new BadInputException(
            "variable '" + name + "' has no value: give it as " + name + "=NUMBER");
      }
    }
  }

  private static String variablesOf(Expression expression) {
    return expression.variables().isEmpty() ? "none" : Messages.listed(expression.variables());
  }

  /**
   * The expression as a formulation: the variable is the leaf it is given, every other variable a
   * constant at its value. An op that rejects what it is given stops the comparison with the column
   * and the point.
   */
  private Formulation formulation(
      String name, String text, Expression expression, Map<String, Double> values) {
    return new Formulation(
        name,
        Messages.oneLine(text.strip()),
        leaf -> {
          Map<String, Value> leaves = new HashMap<>();
          values.forEach((other, value) -> leaves.put(other, Value.constant(value)));
          leaves.put(variable, leaf);
          try {
            return expression.build(leaves);
          } catch (ExpressionException e) {
            throw new BadInputException(
                e.getMessage() + " (at " + variable + " = " + leaf.data() + ")",
                Caret.under(text, e.column()),
                e);
          }
        });
  }

  /**
   * The 32-digit reference of the formulation's function, if it is an op that has one applied to
   * the variable alone, such as {@code tanh(x)}.
   */
  private static Optional<Reference> highPrecision(Formulation formulation, double x) {
    Value leaf = Value.of(x);
    Value root = formulation.function().apply(leaf);
    boolean opOfTheVariable =
        !root.isLeaf()
            && root.inputs().size() == 1
            && root.inputs().get(0) == leaf
            && root.constants().length == 0;
    return opOfTheVariable ? HighPrecision.forOp(root.op().name()) : Optional.empty();
  }
}
