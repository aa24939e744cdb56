package dev.opgrad.samples.compare;

import static java.util.Objects.requireNonNull;

import dev.opgrad.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * Compares formulations of one function of one variable over a range, in value and in derivative,
 * against a reference: where each one is NaN, infinite or wrong, and by how many ulps it is off
 * elsewhere.
 *
 * <pre>{@code
 * ComparisonReport report =
 *     Comparison.of("tanh")
 *         .reference(HighPrecision.tanh())
 *         .formulation(new Formulation("atomic", "tanh(x)", Value::tanh))
 *         .formulation(new Formulation("exp", "(exp(2x) - 1)/(exp(2x) + 1)", x -> {
 *           Value e = x.mul(2).exp();
 *           return e.sub(1).div(e.add(1));
 *         }))
 *         .range(-400, 400)
 *         .run();
 * report.print(System.out);
 * }</pre>
 *
 * <p>It evaluates every formulation and the reference on a grid (evenly spaced points, log-spaced
 * points in |x| down to the smallest normal double, and 0), finds on it the runs of points where a
 * formulation's value or derivative breaks down ({@link Breakdown}), and bisects between the grid
 * points at each run's ends down to adjacent doubles. The points bisection evaluates join the
 * grid's in the {@linkplain ErrorSummary error summary} and the picture. Everything is computed in
 * one thread in a fixed order, so a comparison gives the same report every time.
 */
public final class Comparison {

  /** The number of evenly spaced points unless {@link #points} says otherwise. */
  public static final int DEFAULT_POINTS = 1001;

  /** The most evenly spaced points a comparison takes. */
  public static final int MAX_POINTS = 1_000_000;

  private final String function;
  private final List<Formulation> formulations = new ArrayList<>();
  private Reference reference;
  private String variable = "x";
  private double lo = Double.NaN;
  private double hi = Double.NaN;
  private int points = DEFAULT_POINTS;

  private Comparison(String function) {
    this.function = requireNonNull(function, "function");
  }

  /** Starts a comparison of formulations of {@code function}, a name for the report: "tanh". */
  public static Comparison of(String function) {
    return new Comparison(function);
  }

  /** Adds a formulation; the first one added is the reference unless {@link #reference} is set. */
  public Comparison formulation(Formulation formulation) {
    formulations.add(requireNonNull(formulation, "formulation"));
    return this;
  }

  /** Adds a formulation made of a name, its formula and the function that builds its graph. */
  public Comparison formulation(String name, String formula, Function<Value, Value> function) {
    return formulation(new Formulation(name, formula, function));
  }

  /** Measures errors against {@code reference} (by default, against the first formulation). */
  public Comparison reference(Reference reference) {
    this.reference = requireNonNull(reference, "reference");
    return this;
  }

  /** Names the variable in the report: {@code d/dy} for "y" (default "x"). */
  public Comparison variable(String name) {
    this.variable = requireNonNull(name, "name");
    return this;
  }

  /** Compares over [lo, hi]: finite, lo < hi. */
  public Comparison range(double lo, double hi) {
    this.lo = lo;
    this.hi = hi;
    return this;
  }

  /** Takes {@code n} evenly spaced points, from 2 to {@link #MAX_POINTS} (default 1001). */
  public Comparison points(int n) {
    this.points = n;
    return this;
  }

  /**
   * Runs the comparison. A formulation's exception, such as an op rejecting its input at some
   * point, propagates as it is.
   *
   * @throws IllegalStateException if no formulation is given, two have one name, or no range is
   * @throws IllegalArgumentException if the range is empty, inverted or not finite, or the number
   *     of points is out of bounds
   */
  public ComparisonReport run() {
    check();
    Reference truth = reference != null ? reference : Reference.of(formulations.get(0));
    Grid grid = Grid.of(lo, hi, points);
    Map<Double, Sample> evaluated = new HashMap<>();
    Function<Double, Sample> at = x -> evaluated.computeIfAbsent(x, p -> evaluate(truth, p));
    double[] xs = grid.points();
    Sample[] onGrid = new Sample[xs.length];
    for (int i = 0; i < xs.length; i++) {
      onGrid[i] = at.apply(xs[i]);
    }
    List<Breakdown> breakdowns = new ArrayList<>();
    for (int f = 0; f < formulations.size(); f++) {
      for (Quantity quantity : Quantity.values()) {
        findBreakdowns(f, quantity, onGrid, at, breakdowns);
      }
    }
    Sample[] all = new TreeMap<>(evaluated).values().toArray(Sample[]::new);
    List<GraphSize> graphs = new ArrayList<>();
    for (Formulation formulation : formulations) {
      graphs.add(GraphSize.of(formulation.function().apply(Value.of(lo))));
    }
    return new ComparisonReport(
        function,
        variable,
        lo,
        hi,
        truth.name(),
        List.copyOf(formulations),
        graphs,
        grid,
        all,
        breakdowns);
  }

  private void check() {
    if (formulations.isEmpty()) {
      throw new IllegalStateException("no formulation to compare: add one with formulation(…)");
    }
    Set<String> names = new HashSet<>();
    for (Formulation formulation : formulations) {
      if (!names.add(formulation.name())) {
        throw new IllegalStateException(
            "two formulations are named '" + formulation.name() + "': names must differ");
      }
    }
    if (Double.isNaN(lo) && Double.isNaN(hi)) {
      throw new IllegalStateException("no range: give one with range(lo, hi)");
    }
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException(
          "the range [" + lo + ", " + hi + "] is not finite: give finite ends");
    }
    if (lo >= hi) {
      throw new IllegalArgumentException(
          "the range ["
              + lo
              + ", "
              + hi
              + "] is "
              + (lo == hi ? "empty" : "inverted")
              + ": give lo < hi");
    }
    if (points < 2 || points > MAX_POINTS) {
      throw new IllegalArgumentException(
          "a comparison takes 2 to " + MAX_POINTS + " evenly spaced points, not " + points);
    }
  }

  private Sample evaluate(Reference truth, double x) {
    Evaluation[] results = new Evaluation[formulations.size()];
    for (int f = 0; f < results.length; f++) {
      results[f] = Evaluation.of(formulations.get(f), x);
    }
    return new Sample(
        x, results, truth.value().applyAsDouble(x), truth.derivative().applyAsDouble(x));
  }

  /**
   * Adds the breakdowns of formulation {@code f}'s {@code quantity}: each run of grid points of one
   * kind, its ends bisected against the grid points beside it, then runs of wrong results that only
   * narrow holes separate merged ({@link #mergeHoles}).
   */
  private void findBreakdowns(
      int f,
      Quantity quantity,
      Sample[] onGrid,
      Function<Double, Sample> at,
      List<Breakdown> breakdowns) {
    List<Breakdown> runs = new ArrayList<>();
    int last = onGrid.length - 1;
    int start = 0;
    while (start <= last) {
      Breakdown.Kind kind = onGrid[start].kind(f, quantity);
      int end = start;
      while (end < last && onGrid[end + 1].kind(f, quantity) == kind) {
        end++;
      }
      if (kind != null) {
        DoublePredicate inside = x -> at.apply(x).kind(f, quantity) == kind;
        double from =
            start == 0
                ? onGrid[0].x()
                : Bisection.lastInside(onGrid[start].x(), onGrid[start - 1].x(), inside);
        double to =
            end == last
                ? onGrid[last].x()
                : Bisection.lastInside(onGrid[end].x(), onGrid[end + 1].x(), inside);
        runs.add(new Breakdown(formulations.get(f).name(), quantity, kind, from, to, 0));
      }
      start = end + 1;
    }
    breakdowns.addAll(mergeHoles(runs));
  }

  /**
   * Merges consecutive runs of wrong results when the hole between them is narrow: on one side of
   * 0, its far end less than twice its near end in |x|. At the edge of a cancellation, whether a
   * point's error passes the threshold depends on how its roundings happen to fall, so wrong and
   * right points alternate over a stretch: one interval with its holes counted says that better
   * than a dozen fragments. NaN and infinities have sharp edges and are never merged.
   */
  private static List<Breakdown> mergeHoles(List<Breakdown> runs) {
    List<Breakdown> merged = new ArrayList<>();
    for (Breakdown run : runs) {
      Breakdown previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null
          && previous.kind() == Breakdown.Kind.WRONG
          && run.kind() == Breakdown.Kind.WRONG
          && isNarrowHole(previous.to(), run.from())) {
        merged.set(
            merged.size() - 1,
            new Breakdown(
                previous.formulation(),
                previous.quantity(),
                previous.kind(),
                previous.from(),
                run.to(),
                previous.holes() + run.holes() + 1));
      } else {
        merged.add(run);
      }
    }
    return merged;
  }

  /** Whether the hole between a and b is on one side of 0 and spans less than a factor of 2. */
  private static boolean isNarrowHole(double a, double b) {
    double near = Math.min(Math.abs(a), Math.abs(b));
    double far = Math.max(Math.abs(a), Math.abs(b));
    return Math.signum(a) == Math.signum(b) && near > 0 && far < 2 * near;
  }
}
