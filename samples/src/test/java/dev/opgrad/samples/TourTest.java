package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourTest {

  @TempDir Path dir;

  @Test
  void runsEverySampleInOrderAndSaysWhereThePicturesAre() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Tour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .containsSubsequence(
            "== 1. micrograd's README expression and its gradients ==",
            "g      = 24.7041",
            "== 2. the lecture's neuron, its gradients and its graph (DOT, SVG) ==",
            "o = 0.7071067811865477",
            "== 3. tanh as one op and composed: equal at the neuron, apart over a range (PNG) ==",
            "equal to 1e-12: yes",
            "exp     value  NaN        [354.89, 400]",
            "== 4. an MLP(3, [4, 4, 1]) trained on the lecture's four examples ==",
            "final loss 0.001845",
            "== 5. micrograd's moons demo: MLP(2, [16, 16, 1]), 100 steps, a PNG ==",
            "accuracy 100%",
            "== 6. PyTorch's Legendre fit of sin(x) with the plugin op legendre3 ==",
            "* P3(",
            "== 7. sigmoid, softplus, log-sum-exp: textbook against stable formulas (PNG) ==",
            "naive   d/dx   NaN        [-800, -709.78]",
            "== 8. Newton's method (Gradients.hessian) vs gradient descent on Rosenbrock ==",
            "iterations until f(x, y) ≤ 1e-10: Newton 5, gradient descent 26593",
            "== 9. an exponential fitted by Newton's method with Hessian-vector products ==",
            "least squares:   y = 5.017898·exp(-0.500687·t)",
            "Pictures are in " + dir.toAbsolutePath().normalize());
    assertThat(dir.resolve("neuron.dot")).isNotEmptyFile();
    assertThat(dir.resolve("moons.png")).isNotEmptyFile();
    assertThat(dir.resolve("tanh.png")).isNotEmptyFile();
    assertThat(dir.resolve("pitfalls.png")).isNotEmptyFile();
  }
}
