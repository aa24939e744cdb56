package dev.opgrad.samples.cli;

import static dev.opgrad.samples.cli.OpgradCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.samples.cli.OpgradCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void withoutANameListsTheSamples() {
    Run run = run("demo");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            Samples, run with: opgrad demo NAME
              tour        every sample below in turn, micrograd's story end to end
              expression  micrograd's README expression and its gradients
              neuron      the lecture's neuron, its gradients and its graph (DOT, SVG)
              tanh        tanh as one op and composed: equal at the neuron, apart over a range (PNG)
              four        an MLP(3, [4, 4, 1]) trained on the lecture's four examples
              moons       micrograd's moons demo: MLP(2, [16, 16, 1]), 100 steps, a PNG
              compiled    moons trained eagerly and by compiled replay: the same losses
              legendre    PyTorch's Legendre fit of sin(x) with the plugin op legendre3
              pitfalls    sigmoid, softplus, log-sum-exp: textbook against stable formulas (PNG)
              rosenbrock  Newton's method (Gradients.hessian) vs gradient descent on Rosenbrock
              curvefit    an exponential fitted by Newton's method with Hessian-vector products
            """);
  }

  @Test
  void runsASampleByName() {
    Run run = run("demo", "expression", "--out", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            micrograd's README expression
              g      = 24.7041  (the outcome of the forward pass)
              a.grad = 138.8338  (dg/da)
              b.grad = 645.5773  (dg/db)
            """);
  }

  @Test
  void writesPicturesToTheOutputFolder() {
    Run run = run("demo", "neuron", "--out", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(dir.resolve("neuron.dot")).isNotEmptyFile();
  }

  @Test
  void anUnknownSampleIsBadInput() {
    Run run = run("demo", "mnist");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "opgrad: no sample named 'mnist'; samples: tour, expression, neuron, tanh, four,"
                + " moons, compiled, legendre, pitfalls, rosenbrock, curvefit\n");
  }

  @Test
  void anOutFolderThatCannotBeMadeCannotWrite() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "");

    Run onAFile = run("demo", "expression", "--out", file.toString());
    Run underAFile = run("demo", "expression", "--out", file.resolve("pictures").toString());

    assertThat(onAFile.exitCode()).isEqualTo(1);
    assertThat(onAFile.out()).isEmpty();
    assertThat(onAFile.err())
        .isEqualTo("opgrad: cannot write " + file + ": it is a file, not a folder\n");
    assertThat(underAFile.exitCode()).isEqualTo(1);
    assertThat(underAFile.err())
        .isEqualTo(
            "opgrad: cannot write "
                + file.resolve("pictures")
                + ": "
                + file
                + " is not a folder\n");
  }

  @Test
  void aPictureThatCannotBeWrittenIsNamed() throws Exception {
    Path inTheWay = Files.createDirectories(dir.resolve("neuron.dot"));

    Run run = run("demo", "neuron", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("opgrad: cannot write " + inTheWay + ": Is a directory\n");
  }
}
