package dev.opgrad.samples;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.registry.ProviderProblem;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Every op of a registry with where it comes from and whether its local gradient passes {@link
 * GradCheck} at the points it declares, and the registry's problems: what {@code opgrad ops}
 * prints.
 *
 * <pre>{@code
 * OpCatalog.checked(OpRegistry.withPlugins(Path.of("plugins"))).print(new PrintWriter(System.out, true));
 * }</pre>
 */
public final class OpCatalog {

  private static final List<String> HEADER =
      List.of("name", "arity", "constants", "gradcheck", "provider", "location");

  /**
   * One op of the catalog.
   *
   * @param name the op's name
   * @param arity its number of inputs, or {@link Op#VARIADIC}, printed {@code any}
   * @param constantCount its number of constant parameters
   * @param providerClass the class implementing it
   * @param location the jar or class directory it was loaded from
   * @param gradCheck what {@link GradCheck#defaults()} found, in short: {@code passed (4 points)},
   *     {@code FAILED (4 points)}, {@code ERROR} when the check could not run (the op threw, or
   *     declared points it does not take), or {@code -} when not checked
   * @param failure why the check failed: the worst comparison, the op's exception or the point it
   *     does not take; empty when it passed
   */
  public record Entry(
      String name,
      int arity,
      int constantCount,
      String providerClass,
      String location,
      String gradCheck,
      String failure) {

    /** Whether the gradient check passed. */
    public boolean passed() {
      return failure.isEmpty();
    }

    Entry withCheck(String gradCheck, String failure) {
      return new Entry(name, arity, constantCount, providerClass, location, gradCheck, failure);
    }
  }

  private final ImmutableList<Entry> entries;
  private final ImmutableList<ProviderProblem> problems;

  private OpCatalog(ImmutableList<Entry> entries, ImmutableList<ProviderProblem> problems) {
    this.entries = entries;
    this.problems = problems;
  }

  /** Gradchecks every op of {@code registry} with PyTorch's defaults and catalogs it. */
  public static OpCatalog checked(OpRegistry registry) {
    return of(registry, true);
  }

  /** Catalogs every op of {@code registry} without checking its gradient. */
  public static OpCatalog unchecked(OpRegistry registry) {
    return of(registry, false);
  }

  private static OpCatalog of(OpRegistry registry, boolean check) {
    checkNotNull(registry, "registry");
    ImmutableList.Builder<Entry> entries = ImmutableList.builder();
    registry
        .ops()
        .forEach(
            (name, op) -> {
              Entry entry =
                  new Entry(
                      name,
                      op.arity(),
                      op.constantCount(),
                      op.getClass().getName(),
                      registry.location(name),
                      "-",
                      "");
              entries.add(check ? checked(entry, op) : entry);
            });
    return new OpCatalog(entries.build(), ImmutableList.copyOf(registry.problems()));
  }

  /**
   * {@code entry} with {@code op}'s gradient check. Whatever the op's code throws, from its points
   * or its arithmetic, fails this op's check only: the catalog goes on with the others.
   */
  private static Entry checked(Entry entry, Op op) {
    List<Point> points;
    try {
      points = op.gradCheckPoints();
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable e) {
      return entry.withCheck("ERROR", "op '" + entry.name() + "': gradCheckPoints() threw " + e);
    }
    try {
      GradCheckResult result = GradCheck.defaults().check(op, points);
      return entry.withCheck(
          (result.passed() ? "passed (" : "FAILED (") + result.pointCount() + " points)",
          result.passed() ? "" : result.toString());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // GradCheck's own: a point of the wrong size, or the op threw at a point; both name the op.
      return entry.withCheck("ERROR", e.getMessage());
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable e) { // an Error from the op's code, which GradCheck lets through
      return entry.withCheck("ERROR", "op '" + entry.name() + "' failed its gradcheck: " + e);
    }
  }

  /** The ops, in alphabetical order. */
  public ImmutableList<Entry> entries() {
    return entries;
  }

  /** The registry's problems: providers and plugin jars that were left out. */
  public ImmutableList<ProviderProblem> problems() {
    return problems;
  }

  /** Whether every op passed its gradient check and the registry has no problem. */
  public boolean allGood() {
    return problems.isEmpty() && entries.stream().allMatch(Entry::passed);
  }

  /**
   * Prints a table of the ops, one per line in aligned columns (name, arity, constants, gradcheck,
   * provider, location), then why each failing check failed, then each problem, if any.
   */
  public void print(PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Entry e : entries) {
      rows.add(
          List.of(
              e.name(),
              e.arity() == Op.VARIADIC ? "any" : String.valueOf(e.arity()),
              String.valueOf(e.constantCount()),
              e.gradCheck(),
              e.providerClass(),
              e.location()));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length - 1; i++) {
        line.append(String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      out.println(line.append(row.get(widths.length - 1)));
    }
    out.printf("%d ops%n", entries.size());
    List<Entry> failed = entries.stream().filter(e -> !e.passed()).toList();
    if (!failed.isEmpty()) {
      out.printf("%d gradcheck failure(s):%n", failed.size());
      failed.forEach(e -> out.println("  " + e.failure()));
    }
    List<String> messages = problems.stream().map(ProviderProblem::message).toList();
    if (!messages.isEmpty()) {
      out.printf("%d problem(s):%n", messages.size());
      messages.forEach(m -> out.println("  " + m));
    }
  }
}
