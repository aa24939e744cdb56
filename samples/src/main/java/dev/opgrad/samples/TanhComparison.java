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
import dev.opgrad.samples.internal.OutputDir;
import dev.opgrad.samples.internal.Prose;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * tanh as one op against tanh composed of smaller ops. At the lecture's neuron the forms agree to
 * 1e-12 in value and every gradient; over a range, against a 32-digit reference, they part ways:
 * the composite {@code (exp(2x) − 1)/(exp(2x) + 1)} is NaN beyond x = 354.89 and its derivative
 * wrong from x ≈ 9.5, a stable composite built on e<sup>−2|x|</sup> overflows nowhere, and near 0
 * every composite of exp loses its digits to cancellation, which only an op of its own avoids. It
 * prints the tables, explains them, and draws {@code tanh.png}.
 */
public final class TanhComparison {

  /** tanh as one op, {@code Math.tanh}, with its derivative 1 − tanh² from its output. */
  public static final Formulation ATOMIC = new Formulation("atomic", "tanh(x)", Value::tanh);

  /** The textbook composite, e = exp(2x) computed once. */
  public static final Formulation EXP =
      new Formulation("exp", "(exp(2*x) - 1)/(exp(2*x) + 1)", TanhComparison::expComposite);

  /**
   * A composite that overflows nowhere: with p = max(x, 0) = relu(x) and m = min(x, 0) = x − p,
   * (e^(2m) − e^(−2p))/(e^(2m) + e^(−2p)), whose exponents are never positive. p and m add up to x,
   * so their derivatives add up to 1 at every x, x = 0 included, where relu′ is 0.
   */
  public static final Formulation STABLE =
      new Formulation(
          "stable",
          "(exp(2*(x - relu(x))) - exp(-2*relu(x)))/(exp(2*(x - relu(x))) + exp(-2*relu(x)))",
          TanhComparison::stableComposite);

  /** The wide range: [−400, 400]. */
  public static final double WIDE = 400;

  /** The narrow range around 0: [−1e-8, 1e-8]. */
  public static final double NARROW = 1e-8;

  /** The evenly spaced points of each range. */
  public static final int POINTS = 2001;

  private static final String[] LEAVES = {"x1", "w1", "x2", "w2", "b"};
  private static final double TOLERANCE = 1e-12;

  private TanhComparison() {}

  /** Runs the comparison; {@code --out DIR} chooses where tanh.png goes (default target/tour). */
  public static void main(String[] args) throws IOException {
    run(System.out, OutputDir.fromArgs(args));
  }

  /**
   * Prints the lecture's neuron with both forms, then the comparisons over the wide and the narrow
   * range with what they show, and writes {@code tanh.png} to {@code outputDir}.
   *
   * @return whether the two forms agree to 1e-12 in value and every gradient at the neuron
   */
  public static boolean run(PrintStream out, Path outputDir) throws IOException {
    boolean equal = neuron(out);
    ComparisonReport wide = compare(-WIDE, WIDE);
    ComparisonReport narrow = compare(-NARROW, NARROW);
    out.println();
    wide.print(out);
    out.println();
    narrow.print(out);
    out.println();
    explain(out, wide, narrow);
    Path png = outputDir.resolve("tanh.png");
    ErrorChart.write(png, List.of(wide, narrow));
    out.printf("  errors drawn: %s%n", png);
    out.printf(
        "  time per point: measured with JMH (ComparisonBenchmark), not here:"
            + " docs/performance.md%n");
    return equal;
  }

  /** The three formulations over [lo, hi], {@link #POINTS} evenly spaced points. */
  public static ComparisonReport compare(double lo, double hi) {
    return Comparison.of("tanh")
        .reference(HighPrecision.tanh())
        .formulation(ATOMIC)
        .formulation(EXP)
        .formulation(STABLE)
        .range(lo, hi)
        .points(POINTS)
        .run();
  }

  static Value expComposite(Value x) {
    Value e = x.mul(2).exp();
    return e.sub(1).div(e.add(1));
  }

  static Value stableComposite(Value x) {
    Value p = x.relu();
    Value m = x.sub(p);
    Value up = m.mul(2).exp(); // e^(2·min(x, 0)) ≤ 1
    Value down = p.mul(-2).exp(); // e^(−2·max(x, 0)) ≤ 1
    return up.sub(down).div(up.add(down));
  }

  /** What the tables show, in a few lines, with their numbers. */
  private static void explain(PrintStream out, ComparisonReport wide, ComparisonReport narrow) {
    List<Breakdown> nearZero = narrow.breakdowns("exp", Quantity.VALUE);
    out.printf("What the numbers show:%n");
    Prose.print(
        out,
        "  value:      ",
        String.format(
            Locale.ROOT,
            "the atomic op is within %s ulp everywhere. The exp composite is NaN from x = %s,"
                + " where exp(2x) overflows to Infinity and Infinity/Infinity is NaN. Near 0 both"
                + " composites lose half their digits and more, for |x| below %s to %s: exp(2x)"
                + " is 1 + 2x rounded to 16 digits, so exp(2x) - 1 keeps only the digits of 2x"
                + " above 1e-16, and none below, where it is 0 instead of x. Only an op of its"
                + " own (Math.tanh, or an expm1) avoids that.",
            number(wide.errors("atomic", Quantity.VALUE).maxUlps()),
            number(firstPositive(wide, "exp", Quantity.VALUE, Breakdown.Kind.NAN).from()),
            number(-nearZero.get(0).from()),
            number(nearZero.get(nearZero.size() - 1).to())));
    Prose.print(
        out,
        "  derivative: ",
        String.format(
            Locale.ROOT,
            "the atomic op's, 1 - tanh(x)^2 from its output, cancels as tanh(x) nears +-1: it is"
                + " wrong for |x| > %s, and 0 once tanh(x) rounds to +-1, where the truth is"
                + " 4e^(-2|x|): off by less than 1e-16, harmless to training, but without a right"
                + " digit. The exp composite's chain rule cancels alike from x = %s, gives 2"
                + " instead of nearly 0 from x = %s, where (exp(2x) + 1)^2 overflows, and NaN"
                + " from x = %s (0 * Infinity). The stable composite takes exp of -2|x| only:"
                + " nothing overflows, and its derivative is within %s ulps everywhere, better"
                + " than the atomic op's in the tails.",
            number(firstPositive(wide, "atomic", Quantity.DERIVATIVE, Breakdown.Kind.WRONG).from()),
            number(firstPositive(wide, "exp", Quantity.DERIVATIVE, Breakdown.Kind.WRONG).from()),
            String.format(Locale.ROOT, "%.2f", Math.log(Double.MAX_VALUE) / 4),
            number(firstPositive(wide, "exp", Quantity.DERIVATIVE, Breakdown.Kind.NAN).from()),
            number(wide.errors("stable", Quantity.DERIVATIVE).maxUlps())));
  }

  /** The first breakdown of that kind that starts above 0. */
  private static Breakdown firstPositive(
      ComparisonReport report, String formulation, Quantity quantity, Breakdown.Kind kind) {
    return report.breakdowns(formulation, quantity).stream()
        .filter(b -> b.kind() == kind && b.from() > 0)
        .findFirst()
        .orElseThrow();
  }

  private static String number(double x) {
    return Digits.of(x, 5);
  }

  /**
   * Prints the lecture's neuron with tanh as one op and as the exp composite.
   *
   * @return whether they agree to 1e-12 in value and every gradient
   */
  private static boolean neuron(PrintStream out) {
    Value[] a = neuron(Value::tanh);
    Value[] c = neuron(TanhComparison::expComposite);
    out.printf(
        "tanh as one op vs composed of exp at the lecture's neuron, tanh(x1*w1 + x2*w2 + b)%n");
    out.printf("  %-12s %22s %22s %10s%n", "", "atomic tanh", "composite tanh", "|diff|");
    boolean equal = row(out, "o", a[0].data(), c[0].data());
    for (int i = 0; i < LEAVES.length; i++) {
      equal &= row(out, LEAVES[i] + ".grad", a[i + 1].grad(), c[i + 1].grad());
    }
    out.printf(
        "  %-12s %22d %22d%n",
        "graph nodes", a[0].topologicalOrder().size(), c[0].topologicalOrder().size());
    out.printf("  value and every gradient equal to %.0e: %s%n", TOLERANCE, equal ? "yes" : "NO");
    return equal;
  }

  private static boolean row(PrintStream out, String name, double atomic, double composite) {
    double diff = Math.abs(atomic - composite);
    out.printf("  %-12s %22.16f %22.16f %10.1e%n", name, atomic, composite, diff);
    return diff <= TOLERANCE;
  }

  /** Returns {@code [o, x1, w1, x2, w2, b]} after backpropagating from o. */
  private static Value[] neuron(UnaryOperator<Value> tanh) {
    Value x1 = Value.of(2.0);
    Value w1 = Value.of(-3.0);
    Value x2 = Value.of(0.0);
    Value w2 = Value.of(1.0);
    Value b = Value.of(6.8813735870195432);
    Value o = tanh.apply(x1.mul(w1).add(x2.mul(w2)).add(b));
    o.backward();
    return new Value[] {o, x1, w1, x2, w2, b};
  }
}
