package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.samples.compare.Breakdown;
import dev.opgrad.samples.compare.ComparisonReport;
import dev.opgrad.samples.compare.Digits;
import dev.opgrad.samples.compare.Quantity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tanh comparison's numbers, pinned: a change in tanh's, exp's or div's formula, in the
 * reference or in the grid shows here. Ends are pinned to the five digits the report prints.
 */
class TanhComparisonTest {

  private static ComparisonReport wide;
  private static ComparisonReport narrow;

  @TempDir Path dir;

  @BeforeAll
  static void compare() {
    wide = TanhComparison.compare(-400, 400);
    narrow = TanhComparison.compare(-1e-8, 1e-8);
  }

  @Test
  void
      overTheWideRangeTheExpCompositeIsNanFromWhereExpOverflowsAndEveryDerivativeButTheStableOnesBreaks() {
    // exp(2x) overflows above ln(MAX)/2 = 354.891356446692; 1 − tanh² and the exp composite's
    // chain rule cancel from about 10 on; 2^26 ulps of a subnormal is 3.3156e-316.
    assertThat(lines(wide))
        .containsExactly(
            "atomic d/dx wrong [-363.9, -10.382]",
            "atomic d/dx wrong [10.382, 363.9]",
            "exp value wrong [-1.2197e-09, -3.3156e-316] 1 hole",
            "exp value wrong [3.3156e-316, 1.7654e-09]",
            "exp value NaN [354.89, 400]",
            "exp d/dx wrong [9.6841, 354.89]",
            "exp d/dx NaN [354.89, 400]",
            "stable value wrong [-1.2197e-09, -3.3156e-316] 1 hole",
            "stable value wrong [3.3156e-316, 1.2197e-09] 1 hole");
    assertThat(first(wide, "exp", Quantity.VALUE, Breakdown.Kind.NAN).from())
        .isEqualTo(Math.nextUp(Math.log(Double.MAX_VALUE) / 2));
  }

  @Test
  void nearZeroOnlyTheCompositesValuesBreak() {
    assertThat(lines(narrow))
        .containsExactly(
            "exp value wrong [-1.8051e-09, -3.3156e-316] 4 holes",
            "exp value wrong [3.3156e-316, 3.7232e-09] 4 holes",
            "stable value wrong [-1.8051e-09, -3.3156e-316] 4 holes",
            "stable value wrong [3.3156e-316, 1.8051e-09] 4 holes");
  }

  @Test
  void maxUlpsOnTheFixedGrids() {
    assertThat(maxUlps(wide, "atomic")).containsExactly(1.0, 9.004699762559588e15);
    assertThat(maxUlps(wide, "exp"))
        .containsExactly(8.998193990046823e15, Double.POSITIVE_INFINITY);
    assertThat(maxUlps(wide, "stable")).containsExactly(8.998193990046823e15, 2.0);
    assertThat(maxUlps(narrow, "atomic")).containsExactly(1.0, 0.0);
    assertThat(maxUlps(narrow, "exp")).containsExactly(8.998193990046823e15, 1.0);
    assertThat(maxUlps(narrow, "stable")).containsExactly(8.998193990046823e15, 1.0);
    // Typical points: the atomic derivative is 100% off at most of [-400, 400]; near 0, the
    // composites' values are off by 2.5e7 and 1.6e7 ulps at the median point.
    assertThat(wide.errors("atomic", Quantity.DERIVATIVE).medianUlps())
        .isEqualTo(5.972043172025793e15);
    assertThat(narrow.errors("exp", Quantity.VALUE).medianUlps()).isEqualTo(2.5057814e7);
    assertThat(narrow.errors("stable", Quantity.VALUE).medianUlps()).isEqualTo(1.6451375e7);
  }

  @Test
  void graphSizes() {
    assertThat(wide.graphSize("atomic").toString()).isEqualTo("2 nodes: 1 leaf, tanh");
    assertThat(wide.graphSize("exp").toString())
        .isEqualTo("9 nodes: 4 leaves, add, div, exp, mul, sub");
    assertThat(wide.graphSize("stable").toString())
        .isEqualTo("12 nodes: 3 leaves, add, div, 2 exp, 2 mul, relu, 2 sub");
  }

  @Test
  void theTourPrintsTheNeuronTheTablesWhatTheyShowAndDrawsThem() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    boolean equal = TanhComparison.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);

    assertThat(equal).isTrue();
    String printed = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    assertThat(printed)
        .containsPattern(
            "o\\s+0\\.707106781186547\\d\\s+0\\.707106781186547\\d\\s+\\d\\.\\de-1[67]")
        .containsPattern("x1\\.grad\\s+-1\\.49999999999999\\d\\d\\s+-1\\.49999999999999\\d\\d")
        .containsPattern("w2\\.grad\\s+0\\.0000000000000000\\s+0\\.0000000000000000\\s+0\\.0e\\+00")
        // atomic: 5 leaves, 2 mul, 2 add, tanh; composite: tanh's place taken by 8 nodes
        .containsPattern("graph nodes\\s+10\\s+17")
        .contains("value and every gradient equal to 1e-12: yes")
        .containsSubsequence(
            "tanh on [-400, 400]",
            "  exp    = (exp(2*x) - 1)/(exp(2*x) + 1)",
            "  reference: tanh to 32 digits (Hipparchus Dfp), rounded to the nearest double",
            "  atomic  d/dx        9e+15       -298.4        6e+15             1                1",
            "  exp     d/dx   NaN        [354.89, 400]",
            "tanh on [-1e-08, 1e-08]",
            "  exp     value       9e+15  -1.7783e-307      2.5e+07             1            4e-09",
            "What the numbers show:",
            "errors drawn: " + dir.resolve("tanh.png"))
        .doesNotContain("µs");
    assertThat(printed.replaceAll("\\s+", " ")) // the explanation, its lines joined
        .containsSubsequence(
            "The exp composite is NaN from x = 354.89,",
            "for |x| below 1.8051e-09 to 3.7232e-09:",
            "wrong for |x| > 10.382,",
            "cancels alike from x = 9.6841, gives 2 instead of nearly 0 from x = 177.45,",
            "its derivative is within 2 ulps everywhere");
    assertThat(dir.resolve("tanh.png")).isNotEmptyFile();
  }

  /** Each breakdown as the report prints it, spaces collapsed. */
  static List<String> lines(ComparisonReport report) {
    return report.breakdowns().stream()
        .map(
            b ->
                b.formulation()
                    + " "
                    + (b.quantity() == Quantity.VALUE ? "value" : "d/dx")
                    + " "
                    + b.kind().label()
                    + " ["
                    + Digits.of(b.from(), 5)
                    + ", "
                    + Digits.of(b.to(), 5)
                    + "]"
                    + (b.holes() == 0
                        ? ""
                        : " " + b.holes() + (b.holes() == 1 ? " hole" : " holes")))
        .toList();
  }

  static List<Double> maxUlps(ComparisonReport report, String formulation) {
    return List.of(
        report.errors(formulation, Quantity.VALUE).maxUlps(),
        report.errors(formulation, Quantity.DERIVATIVE).maxUlps());
  }

  static Breakdown first(
      ComparisonReport report, String formulation, Quantity quantity, Breakdown.Kind kind) {
    return report.breakdowns(formulation, quantity).stream()
        .filter(b -> b.kind() == kind)
        .findFirst()
        .orElseThrow();
  }
}
