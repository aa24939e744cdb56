package dev.opgrad.samples.cli;

import static dev.opgrad.samples.cli.OpgradCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.samples.cli.OpgradCliTest.Run;
import dev.opgrad.testing.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --hessian}: the second derivatives, and the error when an op cannot give them. */
class EvalHessianTest {

  @TempDir Path dir;

  @Test
  void printsTheHessianInTheOrderOfTheGradients() {
    // x²y: ∂²/∂x² = 2y = 4, ∂²/∂x∂y = 2x = 6, ∂²/∂y² = 0, exact in doubles.
    Run run = run("eval", "x*x*y", "x=3", "y=2", "--hessian");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            """
            x*x*y = 18.0
            d/dx = 12.0
            d/dy = 9.0
            hessian (x, y) =
              [4.0, 6.0]
              [6.0, 0.0]
            """);
  }

  @Test
  void goesThroughExpAndPowers() {
    // eˣ·y² at x = 0, y = 3: ∂²/∂x² = eˣy² = 9, ∂²/∂x∂y = 2eˣy = 6, ∂²/∂y² = 2eˣ = 2. The variables
    // come in order of appearance, y first.
    Run run = run("eval", "--hessian", "y^2 * exp(x)", "x=0", "y=3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            y^2 * exp(x) = 9.0
            d/dy = 6.0
            d/dx = 9.0
            hessian (y, x) =
              [2.0, 6.0]
              [6.0, 9.0]
            """);
  }

  @Test
  void anExpressionWithoutVariablesHasNoHessianToPrint() {
    assertThat(run("eval", "2*3", "--hessian").out()).isEqualTo("2*3 = 6.0\n");
  }

  @Test
  void anOpThatGivesItsDerivativeAsNumbersOnlyIsNamedAndNothingIsPrinted() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    new PluginJar()
        .op("ext.Cube", "cube", 1, "x[0] * x[0] * x[0]", "g[0] = 3 * x[0] * x[0];")
        .writeTo(folder.resolve("cube.jar"));

    Run firstOrder = run("--plugins", folder.toString(), "eval", "cube(x) + x", "x=2");
    Run secondOrder =
        run("--plugins", folder.toString(), "eval", "cube(x) + x", "x=2", "--hessian");

    assertThat(firstOrder.exitCode()).isZero();
    assertThat(firstOrder.out()).isEqualTo("cube(x) + x = 10.0\nd/dx = 13.0\n");
    assertThat(secondOrder.exitCode()).isEqualTo(OpgradCli.BAD_INPUT);
    assertThat(secondOrder.out()).isEmpty();
    assertThat(secondOrder.err())
        .isEqualTo(
            "opgrad: --hessian: op 'grad of cube' failed computing its local gradient for output"
                + " of 'grad of cube' (12.0) at 'x' (2.0), output of 'cube' (8.0): op 'cube' gives"
                + " its local gradient as numbers only, so its derivative cannot be differentiated:"
                + " implement dev.opgrad.spi.HigherOrderOp in ext.Cube\n");
  }
}
