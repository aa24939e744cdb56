package dev.opgrad.samples;

import static dev.opgrad.samples.TanhComparisonTest.lines;
import static dev.opgrad.samples.TanhComparisonTest.maxUlps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.samples.compare.ComparisonReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three pitfalls' numbers, pinned to the digits the report prints: where exp(±x) overflows
 * (709.78) or underflows to 0 (-745.13), where a square of it overflows (354.89), where a result
 * passes below 2^26 subnormal ulps (726.42), and where a formula cancels.
 */
class NumericPitfallsTest {

  @TempDir Path dir;

  @Test
  void eachPairBreaksWhereItsFormulaOverflowsUnderflowsOrCancels() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    List<ComparisonReport> reports =
        NumericPitfalls.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);

    ComparisonReport sigmoid = reports.get(0);
    ComparisonReport softplus = reports.get(1);
    ComparisonReport logSumExp = reports.get(2);
    assertThat(lines(sigmoid))
        .containsExactly(
            "atomic d/dx wrong [19.291, 726.42]",
            "naive value wrong [-726.42, -709.78]",
            "naive d/dx NaN [-800, -709.78]",
            "naive d/dx wrong [-709.78, -354.89]");
    assertThat(lines(softplus))
        .containsExactly(
            "naive value wrong [-726.42, -19.616]",
            "naive value +Infinity [709.78, 800]",
            "naive d/dx NaN [709.78, 800]");
    assertThat(lines(logSumExp))
        .containsExactly(
            "naive value -Infinity [-1200, -745.13]",
            "naive value wrong [-745.13, -734.15]",
            "naive value wrong [-1.3641e-09, -3.3156e-316]",
            "naive value wrong [3.3156e-316, 5.0829e-09]",
            "naive value +Infinity [709.78, 800]",
            "naive d/dx NaN [-1200, -745.13]",
            "naive d/dx +Infinity [-745.13, -709.78]",
            "naive d/dx NaN [709.78, 800]",
            "shifted value wrong [-5.2706e-09, -3.3156e-316]",
            "shifted value wrong [3.3156e-316, 1.3641e-09]");
    assertThat(maxUlps(sigmoid, "atomic")).containsExactly(1.0, 9.004699762559588e15);
    assertThat(maxUlps(sigmoid, "naive"))
        .containsExactly(1.125899906842523e15, 9.007199254740587e15);
    assertThat(maxUlps(softplus, "atomic")).containsExactly(1.0, 1.0);
    assertThat(maxUlps(softplus, "naive")).containsExactly(9.004699762559588e15, 2.0);
    assertThat(maxUlps(logSumExp, "naive")).containsExactly(8.998193990046823e15, 2.0);
    assertThat(maxUlps(logSumExp, "shifted")).containsExactly(8.998193990046823e15, 1.0);
    String printed = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    assertThat(printed.replaceAll("\\s+", " ")) // explanations wrap
        .containsSubsequence(
            "sigmoid on [-800, 800]",
            "naive = 1/(1 + exp(-x))",
            "right until exp(-x) overflows, below x = -709.78",
            "softplus on [-800, 800]",
            "+Infinity above x = 709.78 (its derivative NaN), and below x = -19.616",
            "log-sum-exp (y = -1000) on [-1200, 800]",
            "-Infinity below x = -745.13",
            "errors drawn: " + dir.resolve("pitfalls.png"));
    assertThat(dir.resolve("pitfalls.png")).isNotEmptyFile();
  }
}
