package dev.opgrad.samples.cli;

import static dev.opgrad.samples.cli.OpgradCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.samples.cli.OpgradCliTest.Run;
import dev.opgrad.testing.PluginJar;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

  private static final String EXP_COMPOSITE = "(exp(2*x) - 1)/(exp(2*x) + 1)";

  @TempDir Path dir;

  @Test
  void comparesTanhWithItsExpCompositeAgainstThe32DigitReference() {
    Run run = run("compare", "tanh(x)", EXP_COMPOSITE, "--var", "x", "--range", "-400:400");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            """
A and B on [-400, 400]
  A = tanh(x)
      graph of 2 nodes: 1 leaf, tanh
  B = (exp(2*x) - 1)/(exp(2*x) + 1)
      graph of 12 nodes: 5 leaves, add, div, 2 exp, 2 mul, sub
  reference: tanh to 32 digits (Hipparchus Dfp), rounded to the nearest double
  points: 1001 evenly spaced, 2480 log-spaced in |x| (4 a decade, down to 2.2e-308), x = 0,
          and 681 more by bisection at the breakdowns' ends
Errors where result and reference are finite, in ulps of the reference and relative;
medians over the evenly spaced points:
              max ulps         at x  median ulps  max relative  median relative
  A  value           1     -0.56234            0       2.2e-16                0
  A  d/dx        9e+15       -298.4        6e+15             1                1
  B  value       9e+15  -1.7783e-307            0             1                0
  B  d/dx    >1.8e+308        337.6            1        9e+307          1.2e-16
Breakdowns: NaN, infinite, or wrong (off by more than 2^26 ulps: half the bits lost),
ends bisected to adjacent doubles:
  A  d/dx   wrong      [-363.9, -10.382]
  A  d/dx   wrong      [10.382, 363.9]
  B  value  wrong      [-1.2197e-09, -3.3156e-316], 1 hole
  B  value  wrong      [3.3156e-316, 1.7654e-09]
  B  value  NaN        [354.89, 400]
  B  d/dx   wrong      [9.475, 354.89], 1 hole
  B  d/dx   NaN        [354.89, 400]
""");
  }

  @Test
  void aPluginOpIsComparedToo_andWithoutAHighPrecisionReferenceTheFirstExpressionIsTheTruth()
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    new PluginJar()
        .op("ext.Expm1", "expm1", 1, "Math.expm1(x[0])", "g[0] = Math.exp(x[0]);")
        .writeTo(folder.resolve("expm1.jar"));

    Run run =
        run(
            "--plugins",
            folder.toString(),
            "compare",
            "expm1(x)",
            "exp(x) - 1",
            "--var",
            "x",
            "--range=-1e-8:1e-8",
            "--points",
            "101");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("  reference: A itself: expm1(x)\n")
        .contains(
            "  A  value           0            -            0             0                0\n")
        .contains("  B  value  wrong      [-3.6702e-09, -3.3156e-316], 4 holes\n")
        .contains("  B  value  wrong      [3.3156e-316, 7.439e-09], 2 holes\n")
        .contains(
            "  B  d/dx            0            -            0             0                0\n");
  }

  @Test
  void otherVariablesAreHeldAtTheirValues() {
    Run run =
        run(
            "compare",
            "log(exp(x) + exp(y))",
            "y + relu(x - y) + log(exp(x - relu(x - y) - y) + exp(-relu(x - y)))",
            "--var",
            "x",
            "--range=-1200:800",
            "--points",
            "201",
            "y=-1000");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("  A  value  -Infinity  [-1200, -745.13]\n")
        .contains("  A  d/dx   +Infinity  [-745.13, -709.78]\n")
        .contains("  A  value  +Infinity  [709.78, 800]\n");
  }

  @Test
  void pngDrawsValueAndDerivativeErrorsToTheFileNamed() throws Exception {
    Path png = dir.resolve("tanh-errors.png");

    Run run =
        run(
            "compare",
            "tanh(x)",
            EXP_COMPOSITE,
            "--var",
            "x",
            "--range",
            "-1:400",
            "--points",
            "11",
            "--png",
            png.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith("errors drawn in " + png + "\n");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(820);
    assertThat(image.getHeight()).isEqualTo(2 * 380);
  }

  @Test
  void aBadRangeOrPointCountIsAUsageError() {
    assertThat(compare("--range", "1:1"))
        .isEqualTo(usage("--range 1:1 is empty: give A:B with A < B"));
    assertThat(compare("--range", "2:-1"))
        .isEqualTo(usage("--range 2:-1 is inverted: give A:B with A < B, such as -1:2"));
    assertThat(compare("--range", "0..1"))
        .isEqualTo(usage("--range '0..1' is not of the form A:B, such as -400:400"));
    assertThat(compare("--range", "0:x"))
        .isEqualTo(usage("--range '0:x' is not of the form A:B: 'x' is not a number"));
    assertThat(compare("--range", "0:1e999"))
        .isEqualTo(usage("--range 0:1e999 has an end that is not a finite number: 1e999"));
    assertThat(compare("--range", "NaN:1"))
        .isEqualTo(usage("--range NaN:1 has an end that is not a finite number: NaN"));
    assertThat(compare("--range", "0:1", "--points", "1"))
        .isEqualTo(usage("--points must be from 2 to 1000000, not 1"));
    assertThat(compare("--range", "0:1", "--points", "1000001"))
        .isEqualTo(usage("--points must be from 2 to 1000000, not 1000001"));
    assertThat(run("compare", "x", "x", "--range", "0:1").err())
        .isEqualTo("opgrad: Missing required option: '--var=NAME'; see 'opgrad compare --help'\n");
  }

  @Test
  void variablesMustMatchAndEachOtherOneNeedsAValue() {
    assertThat(run("compare", "x", "x", "--var", "z", "--range", "0:1").err())
        .isEqualTo(
            "opgrad: --var z: 'z' is not a variable of the expressions; their variables are x\n");
    assertThat(run("compare", "1", "2", "--var", "x", "--range", "0:1").err())
        .isEqualTo("opgrad: --var x: 'x' is not a variable of the expressions, which have none\n");
    assertThat(run("compare", "x*y", "x", "--var", "x", "--range", "0:1", "y=1").err())
        .isEqualTo(
            "opgrad: the expressions are of different variables: EXPR_A has x, y, EXPR_B has x\n");
    assertThat(run("compare", "x*y", "y*x", "--var", "x", "--range", "0:1").err())
        .isEqualTo("opgrad: variable 'y' has no value: give it as y=NUMBER\n");
    assertThat(run("compare", "x*y", "y*x", "--var", "x", "--range", "0:1", "y=1", "x=2").err())
        .isEqualTo(
            "opgrad: 'x' runs over the range 0:1: give no value for it, or compare over another"
                + " variable\n");
    assertThat(run("compare", "x", "x", "--var", "x", "--range", "0:1", "w=1").err())
        .isEqualTo("opgrad: 'w' is not a variable of the expressions; their variables are x\n");
    Run bad = run("compare", "x", "x", "--var", "x", "--range", "0:1", "y=");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).isEqualTo("opgrad: the value of 'y', '', is not a number\n");
  }

  @Test
  void anExpressionErrorPointsAtItsColumnWithTheExpression() {
    Run parse = run("compare", "x", "tanh(x +)", "--var", "x", "--range", "0:1");
    Run rejected = run("compare", "legendre(x, 2.5)", "x", "--var", "x", "--range", "0:1");

    assertThat(parse.exitCode()).isEqualTo(1);
    assertThat(parse.err())
        .isEqualTo(
            """
            opgrad: column 9: expected a number, a variable, an op call or '(', found ')'
              tanh(x +)
                      ^
            """);
    assertThat(rejected.exitCode()).isEqualTo(1);
    assertThat(rejected.err())
        .isEqualTo(
            """
            opgrad: column 1: op 'legendre' failed on leaf 0.0 with constants [2.5]: the degree of\
             a Legendre polynomial is an integer from 0 to 100000, got 2.5 (at x = 0.0)
              legendre(x, 2.5)
              ^
            """);
  }

  @Test
  void anUnwritablePngFailsBeforeAnythingIsComputed() {
    Path missing = dir.resolve("missing").resolve("errors.png");

    Run run =
        run("compare", "tanh(x)", "x", "--var", "x", "--range", "0:1", "--png", missing.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "opgrad: cannot write "
                + missing
                + ": folder "
                + missing.getParent().toAbsolutePath()
                + " does not exist\n");
  }

  private static Run compare(String... options) {
    String[] args = new String[4 + options.length];
    args[0] = "compare";
    args[1] = "x";
    args[2] = "--var=x";
    args[3] = "x";
    System.arraycopy(options, 0, args, 4, options.length);
    return run(args);
  }

  private static Run usage(String message) {
    return new Run(2, "", "opgrad: " + message + "\n");
  }
}
