package dev.opgrad.samples;

import dev.opgrad.Value;
import dev.opgrad.samples.compare.Breakdown;
import dev.opgrad.samples.compare.Comparison;
import dev.opgrad.samples.compare.ComparisonReport;
import dev.opgrad.samples.compare.Digits;
import dev.opgrad.samples.compare.ErrorChart;
import dev.opgrad.samples.compare.Formulation;
import dev.opgrad.samples.compare.HighPrecision;
import dev.opgrad.samples.compare.Quantity;
import dev.opgrad.samples.compare.Reference;
import dev.opgrad.samples.internal.OutputDir;
import dev.opgrad.samples.internal.Prose;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Three formulas people write by the book and get wrong in floating point, each against a stable
 * form and a 32-digit reference, with {@code pitfalls.png}: the logistic sigmoid as {@code 1/(1 +
 * exp(−x))} against the op {@code sigmoid}, softplus as {@code log(1 + exp(x))} against the op
 * {@code softplus}, and the log-sum-exp of two values, {@code log(exp(x) + exp(y))}, against its
 * max-shifted form, which needs no op of its own.
 */
public final class NumericPitfalls {

  /** The op {@code sigmoid} of ops-extra, reached by name. */
  public static final Formulation SIGMOID =
      new Formulation("atomic", "sigmoid(x)", x -> x.apply("sigmoid"));

  /** The logistic function as the textbook writes it. */
  public static final Formulation NAIVE_SIGMOID =
      new Formulation("naive", "1/(1 + exp(-x))", x -> Value.of(1).div(x.neg().exp().add(1)));

  /** The op {@code softplus} of ops-extra, max(x, 0) + log1p(exp(−|x|)). */
  public static final Formulation SOFTPLUS =
      new Formulation("atomic", "softplus(x)", x -> x.apply("softplus"));

  /** Softplus as the textbook writes it. */
  public static final Formulation NAIVE_SOFTPLUS =
      new Formulation("naive", "log(1 + exp(x))", x -> x.exp().add(1).log());

  /** The value log-sum-exp's second argument is held at: a log-probability, −1000. */
  public static final double Y = -1000;

  /** log(e^x + e^y) as the textbook writes it. */
  public static final Formulation NAIVE_LOG_SUM_EXP =
      new Formulation(
          "naive", "log(exp(x) + exp(y))", x -> x.exp().add(Value.constant(Y).exp()).log());

  /**
   * log(e^x + e^y) shifted by its largest term, m = max(x, y) = y + relu(x − y): every exponent is
   * at most 0, and one of them is 0, so the sum is between 1 and 2.
   */
  public static final Formulation SHIFTED_LOG_SUM_EXP =
      new Formulation(
          "shifted",
          "m + log(exp(x - m) + exp(y - m)), m = y + relu(x - y)",
          x -> {
            Value y = Value.constant(Y);
            Value m = y.add(x.sub(y).relu());
            return m.add(x.sub(m).exp().add(y.sub(m).exp()).log());
          });

  /** The ranges' half-width for sigmoid and softplus: [−800, 800], beyond exp's 709.78. */
  public static final double RANGE = 800;

  /** The evenly spaced points of each range. */
  public static final int POINTS = 2001;

  private NumericPitfalls() {}

  /** Runs the comparisons; {@code --out DIR} chooses where pitfalls.png goes. */
  public static void main(String[] args) throws IOException {
    run(System.out, OutputDir.fromArgs(args));
  }

  /**
   * Prints each comparison's tables and what they show, and writes {@code pitfalls.png} to {@code
   * outputDir}.
   *
   * @return the reports: sigmoid, softplus, log-sum-exp
   */
  public static List<ComparisonReport> run(PrintStream out, Path outputDir) throws IOException {
    ComparisonReport sigmoid = sigmoid();
    ComparisonReport softplus = softplus();
    ComparisonReport logSumExp = logSumExp();
    sigmoid.print(out);
    explain(
        out,
        "The naive value is right until exp(-x) overflows, below x = %s; then it is 0 where the"
            + " truth is still a subnormal. Its derivative, exp(-x)/(1 + exp(-x))^2 by the chain"
            + " rule, is 0 below x = %s, where the square overflows, and NaN below %s (0 *"
            + " Infinity). The op's own derivative, s(1 - s) from its output s, cancels as s nears"
            + " 1: wrong above x = %s, where the naive chain rule is right.",
        Digits.of(first(sigmoid, "naive", Quantity.VALUE, Breakdown.Kind.WRONG).to(), 5),
        Digits.of(first(sigmoid, "naive", Quantity.DERIVATIVE, Breakdown.Kind.WRONG).to(), 5),
        Digits.of(first(sigmoid, "naive", Quantity.DERIVATIVE, Breakdown.Kind.NAN).to(), 5),
        Digits.of(first(sigmoid, "atomic", Quantity.DERIVATIVE, Breakdown.Kind.WRONG).from(), 5));
    softplus.print(out);
    explain(
        out,
        "log(1 + exp(x)) is +Infinity above x = %s (its derivative NaN), and below x = %s it is"
            + " the log of 1 + e^x rounded to 1: it loses the small answer, e^x, that the op's"
            + " log1p keeps.",
        Digits.of(
            first(softplus, "naive", Quantity.VALUE, Breakdown.Kind.POSITIVE_INFINITY).from(), 5),
        Digits.of(first(softplus, "naive", Quantity.VALUE, Breakdown.Kind.WRONG).to(), 5));
    logSumExp.print(out);
    explain(
        out,
        "With y = %s, exp(y) is 0 already: the naive log is -Infinity below x = %s, where exp(x)"
            + " is 0 too, wrong above it while exp(x) is subnormal, and +Infinity above x = %s;"
            + " its derivative is Infinity or NaN outside [%s, %s]. Shifting by the max keeps"
            + " every exponent at most 0: no breakdown, but near x = 0, where the answer nears 0"
            + " and both lose digits to log(1 + tiny), having no log1p.",
        Digits.of(Y, 5),
        Digits.of(
            first(logSumExp, "naive", Quantity.VALUE, Breakdown.Kind.NEGATIVE_INFINITY).to(), 5),
        Digits.of(
            first(logSumExp, "naive", Quantity.VALUE, Breakdown.Kind.POSITIVE_INFINITY).from(), 5),
        Digits.of(
            first(logSumExp, "naive", Quantity.DERIVATIVE, Breakdown.Kind.POSITIVE_INFINITY).to(),
            5),
        Digits.of(last(logSumExp, "naive", Quantity.DERIVATIVE, Breakdown.Kind.NAN).from(), 5));
    Path png = outputDir.resolve("pitfalls.png");
    ErrorChart.write(png, List.of(sigmoid, softplus, logSumExp));
    out.printf("  errors drawn: %s%n", png);
    return List.of(sigmoid, softplus, logSumExp);
  }

  /** sigmoid against 1/(1 + exp(−x)) over [−800, 800]. */
  public static ComparisonReport sigmoid() {
    return compare("sigmoid", HighPrecision.sigmoid(), SIGMOID, NAIVE_SIGMOID, -RANGE);
  }

  /** softplus against log(1 + exp(x)) over [−800, 800]. */
  public static ComparisonReport softplus() {
    return compare("softplus", HighPrecision.softplus(), SOFTPLUS, NAIVE_SOFTPLUS, -RANGE);
  }

  /** log(e^x + e^y), y = −1000, naive against max-shifted, over [−1200, 800]. */
  public static ComparisonReport logSumExp() {
    return compare(
        "log-sum-exp (y = " + Digits.of(Y, 5) + ")",
        HighPrecision.logSumExp(Y),
        NAIVE_LOG_SUM_EXP,
        SHIFTED_LOG_SUM_EXP,
        Y - 200);
  }

  private static ComparisonReport compare(
      String function, Reference reference, Formulation a, Formulation b, double lo) {
    return Comparison.of(function)
        .reference(reference)
        .formulation(a)
        .formulation(b)
        .range(lo, RANGE)
        .points(POINTS)
        .run();
  }

  private static void explain(PrintStream out, String format, Object... numbers) {
    Prose.print(out, "  -> ", String.format(Locale.ROOT, format, numbers));
    out.println();
  }

  private static Breakdown first(
      ComparisonReport report, String formulation, Quantity quantity, Breakdown.Kind kind) {
    return ofKind(report, formulation, quantity, kind).get(0);
  }

  private static Breakdown last(
      ComparisonReport report, String formulation, Quantity quantity, Breakdown.Kind kind) {
    List<Breakdown> found = ofKind(report, formulation, quantity, kind);
    return found.get(found.size() - 1);
  }

  private static List<Breakdown> ofKind(
      ComparisonReport report, String formulation, Quantity quantity, Breakdown.Kind kind) {
    return report.breakdowns(formulation, quantity).stream().filter(b -> b.kind() == kind).toList();
  }
}
