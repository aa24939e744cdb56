package dev.opgrad.samples.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link Comparison} found: for each formulation its value and derivative at every point,
 * its errors, its breakdowns and its graph's size; {@link #print} writes them as tables, {@link
 * ErrorChart} draws the errors.
 */
public final class ComparisonReport {

  private static final int X_DIGITS = 5;
  private static final int ERROR_DIGITS = 2;

  private final String function;
  private final String variable;
  private final double lo;
  private final double hi;
  private final String reference;
  private final List<Formulation> formulations;
  private final List<GraphSize> graphs;
  private final Grid grid;
  private final Sample[] samples;
  private final List<Breakdown> breakdowns;

  ComparisonReport(
      String function,
      String variable,
      double lo,
      double hi,
      String reference,
      List<Formulation> formulations,
      List<GraphSize> graphs,
      Grid grid,
      Sample[] samples,
      List<Breakdown> breakdowns) {
    this.function = function;
    this.variable = variable;
    this.lo = lo;
    this.hi = hi;
    this.reference = reference;
    this.formulations = formulations;
    this.graphs = List.copyOf(graphs);
    this.grid = grid;
    this.samples = samples;
    this.breakdowns = List.copyOf(breakdowns);
  }

  /** The function compared, as the comparison was named. */
  public String function() {
    return function;
  }

  /** The variable's name. */
  public String variable() {
    return variable;
  }

  /** The range's lower end. */
  public double lo() {
    return lo;
  }

  /** The range's upper end. */
  public double hi() {
    return hi;
  }

  /** The formulations, in the order they were added. */
  public List<Formulation> formulations() {
    return formulations;
  }

  /** Every breakdown: by formulation, then value before derivative, then by x. */
  public List<Breakdown> breakdowns() {
    return breakdowns;
  }

  /** The breakdowns of one formulation's value or derivative, by x. */
  public List<Breakdown> breakdowns(String formulation, Quantity quantity) {
    index(formulation);
    return breakdowns.stream()
        .filter(b -> b.formulation().equals(formulation) && b.quantity() == quantity)
        .toList();
  }

  /** The size of a formulation's graph, built at the range's lower end. */
  public GraphSize graphSize(String formulation) {
    return graphs.get(index(formulation));
  }

  /** A formulation's error in its value or its derivative. */
  public ErrorSummary errors(String formulation, Quantity quantity) {
    int f = index(formulation);
    double maxUlps = 0;
    double maxUlpsAt = Double.NaN;
    double maxRelative = 0;
    List<Double> evenUlps = new ArrayList<>();
    List<Double> evenRelative = new ArrayList<>();
    for (Sample sample : samples) {
      if (!sample.comparable(f, quantity)) {
        continue;
      }
      double a = sample.result(f, quantity);
      double r = sample.reference(quantity);
      double ulps = Errors.ulps(a, r);
      double relative = Errors.relative(a, r);
      if (ulps > maxUlps) {
        maxUlps = ulps;
        maxUlpsAt = sample.x();
      }
      maxRelative = Math.max(maxRelative, relative);
      if (grid.isEvenlySpaced(sample.x())) {
        evenUlps.add(ulps);
        evenRelative.add(relative);
      }
    }
    return new ErrorSummary(
        maxUlps, maxUlpsAt, median(evenUlps), maxRelative, median(evenRelative));
  }

  /** Every point evaluated, the grid's and bisection's, in increasing order. */
  public double[] points() {
    return Arrays.stream(samples).mapToDouble(Sample::x).toArray();
  }

  /** A formulation's value or derivative at every point, in the order of {@link #points()}. */
  public double[] results(String formulation, Quantity quantity) {
    int f = index(formulation);
    return Arrays.stream(samples).mapToDouble(s -> s.result(f, quantity)).toArray();
  }

  /** The reference's value or derivative at every point, in the order of {@link #points()}. */
  public double[] references(Quantity quantity) {
    return Arrays.stream(samples).mapToDouble(s -> s.reference(quantity)).toArray();
  }

  /**
   * Prints what was compared and on which points, each formulation's graph, the table of errors,
   * and the breakdowns.
   */
  public void print(PrintStream out) {
    int width = formulations.stream().mapToInt(f -> f.name().length()).max().orElse(0);
    String derivative = "d/d" + variable;
    int quantityWidth = Math.max("value".length(), derivative.length());
    out.printf("%s on [%s, %s]%n", function, Digits.of(lo, X_DIGITS), Digits.of(hi, X_DIGITS));
    for (int f = 0; f < formulations.size(); f++) {
      Formulation formulation = formulations.get(f);
      out.printf("  %-" + width + "s = %s%n", formulation.name(), formulation.formula());
      out.printf("  %-" + width + "s   graph of %s%n", "", graphs.get(f));
    }
    out.printf("  reference: %s%n", reference);
    int evenly = grid.evenlySpaced().length;
    out.printf(
        "  points: %d evenly spaced, %d log-spaced in |%s| (%d a decade, down to %s)%s,%n"
            + "          and %d more by bisection at the breakdowns' ends%n",
        evenly,
        grid.logSpacedCount(),
        variable,
        Grid.PER_DECADE,
        Digits.of(Double.MIN_NORMAL, ERROR_DIGITS),
        lo <= 0 && hi >= 0 ? ", " + variable + " = 0" : "",
        samples.length - grid.points().length);
    out.printf(
        "Errors where result and reference are finite, in ulps of the reference and relative;%n"
            + "medians over the evenly spaced points:%n");
    String row = "  %-" + width + "s  %-" + quantityWidth + "s  %10s  %11s  %11s  %12s  %15s%n";
    out.printf(
        row,
        "",
        "",
        "max ulps",
        "at " + variable,
        "median ulps",
        "max relative",
        "median relative");
    for (int f = 0; f < formulations.size(); f++) {
      for (Quantity quantity : Quantity.values()) {
        ErrorSummary errors = errors(formulations.get(f).name(), quantity);
        out.printf(
            row,
            formulations.get(f).name(),
            quantity == Quantity.VALUE ? "value" : derivative,
            error(errors.maxUlps()),
            Double.isNaN(errors.maxUlpsAt()) ? "-" : Digits.of(errors.maxUlpsAt(), X_DIGITS),
            error(errors.medianUlps()),
            error(errors.maxRelative()),
            error(errors.medianRelative()));
      }
    }
    out.printf(
        "Breakdowns: NaN, infinite, or wrong (off by more than 2^26 ulps: half the bits lost),%n"
            + "ends bisected to adjacent doubles:%n");
    if (breakdowns.isEmpty()) {
      out.printf("  none%n");
    }
    for (Breakdown breakdown : breakdowns) {
      out.printf(
          "  %-" + width + "s  %-" + quantityWidth + "s  %-9s  [%s, %s]%s%n",
          breakdown.formulation(),
          breakdown.quantity() == Quantity.VALUE ? "value" : derivative,
          breakdown.kind().label(),
          Digits.of(breakdown.from(), X_DIGITS),
          Digits.of(breakdown.to(), X_DIGITS),
          breakdown.holes() == 0
              ? ""
              : breakdown.holes() == 1 ? ", 1 hole" : ", " + breakdown.holes() + " holes");
    }
  }

  /**
   * An error to two digits. Between two finite doubles it may still be beyond the largest double,
   * as 2 is from 1e-300 in ulps of 1e-300: it is written as such, not as Infinity.
   */
  private static String error(double error) {
    return Double.isInfinite(error) ? ">1.8e+308" : Digits.of(error, ERROR_DIGITS);
  }

  private int index(String formulation) {
    for (int f = 0; f < formulations.size(); f++) {
      if (formulations.get(f).name().equals(formulation)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no formulation named '" + formulation + "'");
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
