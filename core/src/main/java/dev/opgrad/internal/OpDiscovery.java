package dev.opgrad.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.opgrad.ProviderProblem;
import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Finds the ops a class loader provides, keeping going past every faulty provider and recording
 * what was wrong with it. Nothing is logged: every problem is in {@link Result#problems()}, for the
 * caller to show once.
 */
public final class OpDiscovery {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /** What discovery found: usable ops with their locations, and the problems. */
  public record Result(
      ImmutableMap<String, Op> ops,
      ImmutableMap<String, String> locations,
      ImmutableList<ProviderProblem> problems) {}

  private record Found(Op op, String providerClass, String location) {}

  private OpDiscovery() {}

  /** Loads every {@link Op} provider that {@code classLoader} can see. */
  public static Result discover(ClassLoader classLoader) {
    ServicesFiles services = ServicesFiles.read(classLoader, Op.class);
    List<ProviderProblem> problems = new ArrayList<>();
    Map<String, List<Found>> byName = new LinkedHashMap<>();
    Iterator<ServiceLoader.Provider<Op>> providers =
        ServiceLoader.load(Op.class, classLoader).stream().iterator();
    while (true) {
      ServiceLoader.Provider<Op> provider;
      try {
        if (!providers.hasNext()) {
          break;
        }
        provider = providers.next();
      } catch (ServiceConfigurationError e) {
        // The class is missing, is not an Op, or has no public no-argument constructor.
        String providerClass = services.classNamedIn(e.getMessage()).orElse("unknown class");
        String location = services.locationOf(providerClass);
        problems.add(
            problem(
                providerClass,
                location,
                Optional.empty(),
                "op provider "
                    + providerClass
                    + " (listed in "
                    + location
                    + ") cannot be loaded: "
                    + e.getMessage(),
                e));
        continue;
      }
      String providerClass = provider.type().getName();
      String location = ClassLocation.of(provider.type());
      Op op;
      String name;
      try {
        op = provider.get();
        name = op.name();
        String invalid = invalidDescription(op, name);
        if (invalid != null) {
          problems.add(
              problem(
                  providerClass,
                  location,
                  Optional.ofNullable(name),
                  "op provider " + providerClass + " (from " + location + ") " + invalid,
                  null));
          continue;
        }
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        Throwable cause =
            e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
        problems.add(
            problem(
                providerClass,
                location,
                Optional.empty(),
                "op provider "
                    + providerClass
                    + " (from "
                    + location
                    + ") cannot be instantiated: "
                    + cause,
                e));
        continue;
      }
      byName
          .computeIfAbsent(name, n -> new ArrayList<>())
          .add(new Found(op, providerClass, location));
    }

    ImmutableMap.Builder<String, Op> ops = ImmutableMap.builder();
    ImmutableMap.Builder<String, String> locations = ImmutableMap.builder();
    byName.forEach(
        (name, found) -> {
          if (found.size() == 1) {
            ops.put(name, found.get(0).op());
            locations.put(name, found.get(0).location());
            return;
          }
          problems.add(clash(name, found));
        });
    return new Result(ops.buildOrThrow(), locations.buildOrThrow(), ImmutableList.copyOf(problems));
  }

  /** One problem for all the providers that claim {@code name}: none of them is used. */
  private static ProviderProblem clash(String name, List<Found> claimants) {
    List<String> classes = claimants.stream().map(Found::providerClass).toList();
    List<String> locations = claimants.stream().map(Found::location).distinct().toList();
    String message =
        claimants.size()
            + " providers are named '"
            + name
            + "': "
            + EnglishList.of(
                claimants.stream()
                    .map(c -> c.providerClass() + " (from " + c.location() + ")")
                    .toList())
            + "; remove all but one of them";
    return new ProviderProblem(classes, locations, Optional.of(name), message, Optional.empty());
  }

  /** Returns what is wrong with how {@code op} describes itself, or null if nothing is. */
  private static String invalidDescription(Op op, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return "has an invalid name "
          + (name == null ? "null" : "'" + name + "'")
          + ": a name is a lowercase letter followed by lowercase letters, digits or underscores";
    }
    if (op.arity() < 1 && op.arity() != Op.VARIADIC) {
      return "(op '" + name + "') has arity " + op.arity() + "; an op takes at least 1 input";
    }
    if (op.constantCount() < 0) {
      return "(op '" + name + "') has a negative constant count " + op.constantCount();
    }
    return null;
  }

  private static ProviderProblem problem(
      String providerClass,
      String location,
      Optional<String> opName,
      String message,
      Throwable cause) {
    return new ProviderProblem(
        List.of(providerClass), List.of(location), opName, message, Optional.ofNullable(cause));
  }
}
