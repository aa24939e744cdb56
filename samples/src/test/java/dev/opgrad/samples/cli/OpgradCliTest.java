package dev.opgrad.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.opgrad.Value;
import dev.opgrad.viz.Dot;
import dev.opgrad.viz.Graphviz;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpgradCliTest {

  /** What one in-process run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  /** Runs the command line with no environment variable set. */
  static Run run(String... args) {
    return runIn(Map.of(), args);
  }

  /** Runs the command line with {@code environment} as its environment variables. */
  static Run runIn(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode =
        OpgradCli.run(
            environment,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Run(
        exitCode,
        out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
        err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  /**
   * The lecture's o = 0.7071067811865476, x1.grad = -1.5, w1.grad = 1, x2.grad = b.grad = 0.5,
   * within 1e-15.
   */
  @Test
  void evalPrintsTheValueAndEveryGradientOfTheLecturesNeuron() {
    Run run =
        run(
            "eval",
            "tanh(x1*w1 + x2*w2 + b)",
            "x1=2",
            "x2=0",
            "w1=-3",
            "w2=1",
            "b=6.8813735870195432");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            """
            tanh(x1*w1 + x2*w2 + b) = 0.7071067811865477
            d/dx1 = -1.4999999999999993
            d/dw1 = 0.9999999999999996
            d/dx2 = 0.4999999999999998
            d/dw2 = 0.0
            d/db = 0.4999999999999998
            """);
  }

  @Test
  void operatorsFollowTheUsualPrecedenceAndAssociativity() {
    // -x^2 is -(x^2); 2^3^2 is 2^(3^2); a - b - c is (a - b) - c; a / b * c is (a / b) * c.
    // "--" ends the options, so that an expression may start with a minus sign.
    assertThat(
            run("eval", "--", "-x^2 + 2^3^2 - a - b - c + a / b * c", "x=3", "a=8", "b=2", "c=1")
                .out())
        .isEqualTo(
            """
            -x^2 + 2^3^2 - a - b - c + a / b * c = 496.0
            d/dx = -6.0
            d/da = -0.5
            d/db = -3.0
            d/dc = 3.0
            """);
  }

  @Test
  void numbersParenthesesAndExponentsThatAreConstantExpressions() {
    assertThat(run("eval", "(x + 1.5e1) * .5 + x^(1/2) + x^-1", "x=4").out())
        .isEqualTo(
            """
            (x + 1.5e1) * .5 + x^(1/2) + x^-1 = 11.75
            d/dx = 0.6875
            """);
  }

  @Test
  void opsAreCalledByNameWithConstantsAfterTheInputs() {
    assertThat(run("eval", "relu(x) + exp(y) + pow(x, 3)", "x=2", "y=0").out())
        .isEqualTo(
            """
            relu(x) + exp(y) + pow(x, 3) = 11.0
            d/dx = 13.0
            d/dy = 1.0
            """);
  }

  @Test
  void aParseErrorNamesTheColumnAndWhatWasExpected() {
    Run run = run("eval", "tanh(x*w +)", "x=2", "w=-3");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            """
            opgrad: column 11: expected a number, a variable, an op call or '(', found ')'
              tanh(x*w +)
                        ^
            """);
  }

  @Test
  void unbalancedParenthesesAndTrailingInput() {
    assertThat(run("eval", "(x + 1", "x=1").err())
        .startsWith("opgrad: column 7: expected ')', found the end of the expression\n");
    assertThat(run("eval", "x 2", "x=1").err())
        .startsWith(
            "opgrad: column 3: expected an operator or the end of the expression, found '2'\n");
  }

  @Test
  void anUnknownOpListsTheKnownOnes() {
    Run run = run("eval", "2 * sinh(x)", "x=1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            "opgrad: column 5: no op named 'sinh'; known ops: abs, add, cos, div, exp, legendre,"
                + " legendre3, legendre_derivative, linear, log, mean, mul, neg, pow, relu,"
                + " sigmoid, sign, sin, softplus, sqrt, step, sub, sum, tanh\n");
  }

  @Test
  void anOpsArityIsChecked() {
    assertThat(run("eval", "tanh(x, y)", "x=1", "y=2").err())
        .startsWith("opgrad: column 1: op 'tanh' takes 1 input, got 2 arguments\n");
    assertThat(run("eval", "pow(x)", "x=1").err())
        .startsWith("opgrad: column 1: op 'pow' takes 1 input and 1 constant, got 1 argument\n");
  }

  @Test
  void aVariadicOpTakesItsInputsFromEveryArgumentAndJudgesTheirCount() {
    Run run = run("eval", "linear(b, w0, x0, w1, x1)", "b=0.5", "w0=2", "x0=3", "w1=-1", "x1=4");
    Run even = run("eval", "linear(b, w0)", "b=0.5", "w0=2");
    Run none = run("eval", "linear()");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            linear(b, w0, x0, w1, x1) = 2.5
            d/db = 1.0
            d/dw0 = 3.0
            d/dx0 = 2.0
            d/dw1 = 4.0
            d/dx1 = -1.0
            """);
    assertThat(even.exitCode()).isEqualTo(1);
    assertThat(even.err())
        .contains("linear takes an odd number of inputs (b, w0, x0, w1, x1, …), got 2\n");
    assertThat(none.err())
        .startsWith(
            "opgrad: column 1: op 'linear' takes any number ≥ 1 of inputs, got 0 arguments\n");
  }

  @Test
  void anExponentMustBeConstant() {
    Run run = run("eval", "x^y", "x=2", "y=3");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("opgrad: column 3: the exponent of '^' must be a constant, but uses y\n");
  }

  @Test
  void everyVariableNeedsANumber() {
    assertThat(run("eval", "x*y", "x=2").err())
        .isEqualTo("opgrad: variable 'y' has no value: give it as y=NUMBER\n");
    assertThat(run("eval", "x*y", "x=2", "y=three").err())
        .isEqualTo("opgrad: the value of 'y', 'three', is not a number\n");
    assertThat(run("eval", "x*y", "x=2", "y=3", "z=4").err())
        .isEqualTo("opgrad: 'z' is not a variable of the expression; its variables are x, y\n");
    assertThat(run("eval", "x", "x").err())
        .isEqualTo("opgrad: 'x' is not of the form NAME=VALUE\n");
  }

  @Test
  void aVariableGivenTwiceIsAUsageErrorNamingIt() {
    Run run = run("eval", "x + y", "x=1", "y=2", "x = 3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("opgrad: variable 'x' is given twice: x=1 and x = 3\n");
  }

  @Test
  void aLiteralThatOverflowsToInfinityIsRejectedWhereItStands() {
    Run run = run("eval", "2 * 1e999 + x", "x=1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            """
            opgrad: column 5: 1e999 is too large a number: the largest is 1.7976931348623157E308
              2 * 1e999 + x
                  ^
            """);
    assertThat(run("eval", "1.7976931348623157e308 + 1e-999").out())
        .isEqualTo("1.7976931348623157e308 + 1e-999 = 1.7976931348623157E308\n");
  }

  @Test
  void aValueThatOverflowsToInfinityIsRejectedUnlessItSaysInfinity() {
    Run overflowing = run("eval", "x", "x=-1e999");
    Run infinite = run("eval", "x", "x=-Infinity");

    assertThat(overflowing.exitCode()).isEqualTo(1);
    assertThat(overflowing.err())
        .isEqualTo(
            "opgrad: the value of 'x', -1e999, is too large a number: the largest is"
                + " 1.7976931348623157E308 (write Infinity if you mean it)\n");
    assertThat(infinite.exitCode()).isZero();
    assertThat(infinite.out()).isEqualTo("x = -Infinity\nd/dx = 1.0\n");
  }

  @Test
  void aConstantThatAnOpRejectsIsAnErrorAtThatOp() {
    Run run = run("eval", "x^legendre(2, 2.5)", "x=1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            """
            opgrad: column 3: op 'legendre' failed on leaf 2.0 with constants [2.5]: the degree \
            of a Legendre polynomial is an integer from 0 to 100000, got 2.5
              x^legendre(2, 2.5)
                ^
            """);
  }

  @Test
  void anOpThatRejectsItsInputsPointsAtItToo() {
    Run run = run("eval", "1 + legendre(x, -1)", "x=0.5");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            """
            opgrad: column 5: op 'legendre' failed on 'x' (0.5) with constants [-1.0]: the degree \
            of a Legendre polynomial is an integer from 0 to 100000, got -1.0
              1 + legendre(x, -1)
                  ^
            """);
  }

  @Test
  void aLongListInAMessageIsCutShort() {
    List<String> names = IntStream.range(0, 40).mapToObj(i -> "v" + i).toList();

    Run run = run("eval", String.join(" + ", names), "w=1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "opgrad: 'w' is not a variable of the expression; its variables are "
                + String.join(", ", names.subList(0, 30))
                + ", … and 10 more\n");
  }

  @Test
  void usageErrorsAreOneLineSayingWhereToReadMore() {
    assertThat(run("frobnicate").err())
        .isEqualTo("opgrad: Unmatched argument at index 0: 'frobnicate'; see 'opgrad --help'\n");
    assertThat(run("evl", "x", "x=1").err())
        .isEqualTo(
            "opgrad: Unmatched arguments from index 0: 'evl', 'x', 'x=1'; did you mean eval?;"
                + " see 'opgrad --help'\n");
    assertThat(run("eval", "--no-such-option", "x").err())
        .isEqualTo("opgrad: Unknown option: '--no-such-option'; see 'opgrad eval --help'\n");
    assertThat(run("eval").err())
        .isEqualTo(
            "opgrad: Missing required parameter: 'EXPRESSION'; see 'opgrad eval --help'\n");
  }

  @Test
  void anArgumentStartingWithAnAtSignIsTakenAsItIs() {
    // picocli would read it as a file of arguments, and fail on a folder with a stack trace.
    Run run = run("eval", "@/", "x=1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            "opgrad: column 1: expected a number, a variable, an op call or '(', found '@'\n");
  }

  @Test
  void controlCharactersInTheInputAddNoLines() {
    Run parseError = run("eval", "x\n+\ty)", "x=1", "y=2");
    Run badName = run("eval", "x", "x=1", "a\nb=2");

    assertThat(parseError.err())
        .isEqualTo(
            """
            opgrad: column 6: expected an operator or the end of the expression, found ')'
              x + y)
                   ^
            """);
    assertThat(badName.err())
        .isEqualTo("opgrad: 'a\\nb' is not a variable of the expression; its variables are x\n");
    assertThat(run("eval", "x\u0007").err())
        .startsWith(
            "opgrad: column 2: expected an operator or the end of the expression, found"
                + " '\\u0007'\n  x?\n");
  }

  @Test
  void dotToAMissingFolderOrOntoAFolderCannotWriteAndNothingIsComputed(@TempDir Path dir)
      throws Exception {
    Path missing = dir.resolve("no/such/g.dot");
    Path underAFile = Files.writeString(dir.resolve("file"), "").resolve("g.dot");

    Run intoMissing = run("eval", "--dot", missing.toString(), "x", "x=1");
    Run ontoAFolder = run("eval", "--dot", dir.toString(), "x", "x=1");
    Run intoAFile = run("eval", "--dot", underAFile.toString(), "x", "x=1");

    assertThat(intoMissing.exitCode()).isEqualTo(1);
    assertThat(intoMissing.out()).isEmpty();
    assertThat(intoMissing.err())
        .isEqualTo(
            "opgrad: cannot write "
                + missing
                + ": folder "
                + dir.resolve("no/such")
                + " does not exist\n");
    assertThat(ontoAFolder.err()).isEqualTo("opgrad: cannot write " + dir + ": it is a folder\n");
    assertThat(intoAFile.err())
        .isEqualTo(
            "opgrad: cannot write "
                + underAFile
                + ": "
                + dir.resolve("file")
                + " is not a folder\n");
  }

  @Test
  void svgToAMissingFolderOrOntoAFolderCannotWriteWithOrWithoutGraphviz(@TempDir Path dir) {
    Path missing = dir.resolve("no/g.svg");

    Run intoMissing = run("eval", "--svg", missing.toString(), "x", "x=1");
    Run ontoTheRoot = run("eval", "--svg", "/", "x", "x=1");

    assertThat(intoMissing.exitCode()).isEqualTo(1);
    assertThat(intoMissing.err())
        .isEqualTo(
            "opgrad: cannot write "
                + missing
                + ": folder "
                + dir.resolve("no")
                + " does not exist\n");
    assertThat(ontoTheRoot.exitCode()).isEqualTo(1);
    assertThat(ontoTheRoot.err()).isEqualTo("opgrad: cannot write /: it is a folder\n");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("eval").exitCode()).isEqualTo(2);
    assertThat(run("frobnicate").exitCode()).isEqualTo(2);
    assertThat(run("eval", "--no-such-option", "x").exitCode()).isEqualTo(2);
  }

  @Test
  void helpIsEverywhere() {
    assertThat(run("--help").out())
        .startsWith("Usage: opgrad ")
        .contains("eval", "Exit codes: 0 success");
    assertThat(run("eval", "--help").out()).startsWith("Usage: opgrad eval ");
    assertThat(run("help", "eval").out()).startsWith("Usage: opgrad eval ");
    assertThat(run().out()).startsWith("Usage: opgrad ");
  }

  @Test
  void aMissingPluginFolderIsBadInput() {
    Run run = run("--plugins", "/no/such/folder", "eval", "x", "x=1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("opgrad: plugin folder /no/such/folder is not a directory\n");
  }

  @Test
  void dotWritesTheGraphAsDrawnByDotExport(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("neuron.dot");

    Run run =
        run(
            "eval",
            "--dot",
            file.toString(),
            "tanh(x*w + b)",
            "x=2",
            "w=-3",
            "b=6.8813735870195432");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith("d/db = 0.4999999999999998\ngraph written to " + file + "\n");
    Value x = Value.of(2, "x");
    Value w = Value.of(-3, "w");
    Value b = Value.of(6.8813735870195432, "b");
    Value o = x.mul(w).add(b).tanh();
    o.backward();
    assertThat(Files.readString(file)).isEqualTo(Dot.toDot(o));
  }

  @Test
  void svgWithoutGraphvizSaysHowToInstallIt(@TempDir Path dir) {
    assumeFalse(Graphviz.isInstalled(), "Graphviz is installed here");

    Run run = run("eval", "--svg", dir.resolve("g.svg").toString(), "x*x", "x=3");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("opgrad: ").contains("graphviz");
  }

  @Test
  void svgWithGraphvizDrawsTheGraph(@TempDir Path dir) {
    assumeTrue(Graphviz.isInstalled(), "Graphviz is not installed here");
    Path file = dir.resolve("g.svg");

    Run run = run("eval", "--svg", file.toString(), "x*x", "x=3");

    assertThat(run.exitCode()).isZero();
    assertThat(file).content().startsWith("<?xml").contains("<svg");
  }
}
