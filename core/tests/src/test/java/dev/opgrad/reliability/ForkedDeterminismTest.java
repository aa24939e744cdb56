package dev.opgrad.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same program gives bit-identical gradients in separate JVMs: {@link GradientBits} runs twice
 * in forked JVMs, and both print exactly what it computes in this one.
 */
class ForkedDeterminismTest {

  private static final int GRAPHS = 200;

  @Test
  void twoJvmsPrintTheSameGradientBits() throws Exception {
    List<String> first = runForked();
    List<String> second = runForked();

    List<String> here = new ArrayList<>();
    for (int i = 0; i < GRAPHS; i++) {
      here.add(GradientBits.ofGraph(7, i));
    }
    assertThat(first).hasSize(GRAPHS);
    // The graphs differ, so that equal lines mean equal computations; two tiny graphs such as
    // pow(x; 0) at two points may still print the same line.
    assertThat(new HashSet<>(first)).hasSizeGreaterThan(GRAPHS * 9 / 10);
    assertThat(second).containsExactlyElementsOf(first);
    assertThat(here).containsExactlyElementsOf(first);
  }

  /**
   * Runs {@link GradientBits#main} with this JVM's java and class path. Surefire may start tests
   * from a manifest-only jar, whose {@code Class-Path} attribute the forked java follows too, so
   * {@code java.class.path} works either way.
   */
  private static List<String> runForked() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GradientBits.class.getName(),
                String.valueOf(GRAPHS))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("exit code of the forked JVM").isZero();
    return output.lines().toList();
  }
}
