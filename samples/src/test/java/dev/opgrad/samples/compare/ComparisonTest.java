package dev.opgrad.samples.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Value;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static final Formulation EXP = new Formulation("exp", "exp(x)", Value::exp);

  /** exp(x) as exp(x/2)², which overflows where exp(x/2)² does, above x = 709.78 too. */
  private static final Formulation SQUARED =
      new Formulation("squared", "exp(x/2)^2", x -> x.div(2).exp().pow(2));

  @Test
  void reportsErrorsBreakdownsAndGraphsAgainstAHighPrecisionReference() {
    ComparisonReport report =
        Comparison.of("exp")
            .reference(HighPrecision.exp())
            .formulation(EXP)
            .formulation(SQUARED)
            .range(700, 720)
            .points(21)
            .run();

    assertThat(report.breakdowns())
        .containsExactly(
            new Breakdown(
                "exp",
                Quantity.VALUE,
                Breakdown.Kind.POSITIVE_INFINITY,
                Math.nextUp(709.782712893384),
                720,
                0),
            new Breakdown(
                "exp",
                Quantity.DERIVATIVE,
                Breakdown.Kind.POSITIVE_INFINITY,
                Math.nextUp(709.782712893384),
                720,
                0),
            new Breakdown(
                "squared",
                Quantity.VALUE,
                Breakdown.Kind.POSITIVE_INFINITY,
                709.7827128933841,
                720,
                0),
            // Its derivative is (2u)·u/2 with u = exp(x/2): 2u² overflows from ln(MAX/2) on.
            new Breakdown(
                "squared",
                Quantity.DERIVATIVE,
                Breakdown.Kind.POSITIVE_INFINITY,
                709.0895657128241,
                720,
                0));
    assertThat(report.graphSize("exp")).isEqualTo(new GraphSize(2, 1, Map.of("exp", 1)));
    assertThat(report.graphSize("squared").toString())
        .isEqualTo("5 nodes: 2 leaves, div, exp, pow");
    ErrorSummary exp = report.errors("exp", Quantity.VALUE);
    assertThat(exp.maxUlps()).isLessThanOrEqualTo(1);
    ErrorSummary squared = report.errors("squared", Quantity.VALUE);
    assertThat(squared.maxUlps()).isGreaterThan(1); // exp(x/2)² doubles exp(x/2)'s error, and more
  }

  @Test
  void theReportHoldsEveryFormulationsValueAndDerivativeAtEveryPoint() {
    ComparisonReport report =
        Comparison.of("exp")
            .reference(HighPrecision.exp())
            .formulation(EXP)
            .formulation(SQUARED)
            .range(700, 720)
            .points(21)
            .run();

    double[] points = report.points();
    assertThat(points).isSorted().contains(700, 701, 720, 709.782712893384, 709.7827128933841);
    double[] values = report.results("exp", Quantity.VALUE);
    double[] derivatives = report.results("squared", Quantity.DERIVATIVE);
    double[] reference = report.references(Quantity.VALUE);
    for (int i = 0; i < points.length; i++) {
      assertThat(values[i]).isEqualTo(Math.exp(points[i]));
      assertThat(derivatives[i])
          .isEqualTo(2 * Math.exp(points[i] / 2) * Math.exp(points[i] / 2) / 2);
      assertThat(Errors.ulps(Math.exp(points[i]), reference[i])).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void theFirstFormulationIsTheReferenceUnlessOneIsGiven() {
    ComparisonReport report =
        Comparison.of("exp").formulation(EXP).formulation(SQUARED).range(-1, 1).points(3).run();

    assertThat(report.errors("exp", Quantity.VALUE).maxUlps()).isZero();
    assertThat(report.errors("exp", Quantity.DERIVATIVE).maxUlps()).isZero();
    assertThat(print(report)).contains("  reference: exp itself: exp(x)\n");
  }

  @Test
  void wrongStretchesThatOnlyNarrowHolesSeparateAreOneIntervalWithItsHoles() {
    // Wrong by 2^-20 relative on [1, 1.2], [1.35, 1.5] and [4, 5]: 1.35 < 2 · 1.2, 4 > 2 · 1.5.
    Formulation bumpy =
        new Formulation(
            "bumpy",
            "x, or x(1 + 2^-20) in places",
            x -> {
              double v = x.data();
              boolean off = (v >= 1 && v <= 1.2) || (v >= 1.35 && v <= 1.5) || (v >= 4 && v <= 5);
              return off ? x.mul(1 + 0x1p-20) : x.mul(1);
            });
    Reference identity = new Reference("x", x -> x, x -> 1);

    ComparisonReport report =
        Comparison.of("x").reference(identity).formulation(bumpy).range(0.5, 6).points(56).run();

    assertThat(report.breakdowns())
        .containsExactly(
            new Breakdown("bumpy", Quantity.VALUE, Breakdown.Kind.WRONG, 1, 1.5, 1),
            new Breakdown("bumpy", Quantity.VALUE, Breakdown.Kind.WRONG, 4, 5, 0),
            new Breakdown("bumpy", Quantity.DERIVATIVE, Breakdown.Kind.WRONG, 1, 1.5, 1),
            new Breakdown("bumpy", Quantity.DERIVATIVE, Breakdown.Kind.WRONG, 4, 5, 0));
    assertThat(print(report))
        .contains("  bumpy  value  wrong      [1, 1.5], 1 hole\n")
        .contains("  bumpy  d/dx   wrong      [4, 5]\n");
  }

  @Test
  void nanAndInfinitiesAreNeverMerged() {
    Formulation holes =
        new Formulation(
            "holes",
            "NaN on [1, 2] and [2.5, 3]",
            x ->
                x.data() >= 1 && x.data() <= 2 || x.data() >= 2.5 && x.data() <= 3
                    ? x.mul(Double.NaN)
                    : x.mul(1));

    ComparisonReport report =
        Comparison.of("x")
            .reference(new Reference("x", x -> x, x -> 1))
            .formulation(holes)
            .range(0, 4)
            .points(17)
            .run();

    assertThat(report.breakdowns(holes.name(), Quantity.VALUE))
        .containsExactly(
            new Breakdown("holes", Quantity.VALUE, Breakdown.Kind.NAN, 1, 2, 0),
            new Breakdown("holes", Quantity.VALUE, Breakdown.Kind.NAN, 2.5, 3, 0));
  }

  @Test
  void theSameComparisonPrintsTheSameReportEveryTime() {
    Comparison comparison =
        Comparison.of("tanh")
            .reference(HighPrecision.tanh())
            .formulation("atomic", "tanh(x)", Value::tanh)
            .formulation(
                "exp",
                "(exp(2x) - 1)/(exp(2x) + 1)",
                x -> x.mul(2).exp().sub(1).div(x.mul(2).exp().add(1)))
            .range(-1, 400)
            .points(101);

    assertThat(print(comparison.run())).isEqualTo(print(comparison.run()));
  }

  @Test
  void aRootThatDoesNotDependOnTheVariableHasTheDerivativeZero() {
    ComparisonReport report =
        Comparison.of("1")
            .formulation("one", "1", x -> Value.constant(1))
            .range(0, 1)
            .points(2)
            .run();

    assertThat(report.breakdowns()).isEmpty();
    assertThat(report.errors("one", Quantity.DERIVATIVE).maxUlps()).isZero();
  }

  @Test
  void aBadRangeOrPointCountOrNoFormulationIsRefusedWithItsReason() {
    assertThatThrownBy(() -> Comparison.of("f").range(0, 1).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no formulation to compare: add one with formulation(…)");
    assertThatThrownBy(() -> Comparison.of("f").formulation(EXP).formulation(EXP).range(0, 1).run())
        .hasMessage("two formulations are named 'exp': names must differ");
    assertThatThrownBy(() -> Comparison.of("f").formulation(EXP).run())
        .hasMessage("no range: give one with range(lo, hi)");
    assertThatThrownBy(() -> Comparison.of("f").formulation(EXP).range(1, 1).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the range [1.0, 1.0] is empty: give lo < hi");
    assertThatThrownBy(() -> Comparison.of("f").formulation(EXP).range(2, 1).run())
        .hasMessage("the range [2.0, 1.0] is inverted: give lo < hi");
    assertThatThrownBy(
            () -> Comparison.of("f").formulation(EXP).range(0, Double.POSITIVE_INFINITY).run())
        .hasMessage("the range [0.0, Infinity] is not finite: give finite ends");
    assertThatThrownBy(() -> Comparison.of("f").formulation(EXP).range(0, 1).points(1).run())
        .hasMessage("a comparison takes 2 to 1000000 evenly spaced points, not 1");
  }

  @Test
  void digitsAreSignificantWithoutTrailingZeros() {
    assertThat(List.of(354.891356, 400.0, 0.5, 0.0, -3.3156e-316, 9.007199254740992e15, 1e-8))
        .extracting(x -> Digits.of(x, 5))
        .containsExactly("354.89", "400", "0.5", "0", "-3.3156e-316", "9.0072e+15", "1e-08");
    assertThat(Digits.of(Double.NaN, 5)).isEqualTo("NaN");
  }

  static String print(ComparisonReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
