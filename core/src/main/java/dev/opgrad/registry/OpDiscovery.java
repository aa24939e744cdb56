package dev.opgrad.registry;

import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the ops that services files list, keeping going past every faulty provider and recording
 * what was wrong with it. Nothing is logged: every problem is in {@link Result#problems()}, for the
 * caller to show once.
 */
final class OpDiscovery {

  /**
   * What discovery found.
   *
   * @param ops the usable ops by name, in alphabetical order
   * @param locations the jar or directory of each usable op's class, by op name
   * @param problems the providers left out and why, in the order they were found
   */
  record Result(
      Map<String, Op> ops, Map<String, String> locations, List<ProviderProblem> problems) {}

  private OpDiscovery() {}

  /** Loads every op that the services files {@code classLoader} sees list. */
  static Result discover(ClassLoader classLoader) {
    return discover(classLoader, ServicesFiles.of(classLoader), List.of());
  }

  /**
   * Loads every op of the plugin folder's parent class loader and of its usable jars, after the
   * problems of the jars it left out.
   */
  static Result discover(PluginFolder plugins) {
    List<ServicesFile> files = new ArrayList<>(ServicesFiles.of(plugins.parent()));
    files.addAll(plugins.servicesFiles());
    return discover(plugins.loader(), files, plugins.problems());
  }

  private static Result discover(
      ClassLoader classLoader, List<ServicesFile> files, List<ProviderProblem> earlierProblems) {
    List<ProviderProblem> problems = new ArrayList<>(earlierProblems);
    ProviderLoading loading = new ProviderLoading(classLoader, problems);
    Set<String> seen = new HashSet<>();
    Map<String, List<DiscoveredOp>> byName = new LinkedHashMap<>();
    loading.loadModuleProviders(
        seen, op -> byName.computeIfAbsent(op.name(), n -> new ArrayList<>()).add(op));
    for (ServicesFile file : files) {
      problems.addAll(file.problems());
      for (String providerClass : file.providerClasses()) {
        // As with ServiceLoader, a class that several files list is loaded once, by the first.
        if (seen.add(providerClass)) {
          loading
              .load(providerClass, file.location())
              .ifPresent(op -> byName.computeIfAbsent(op.name(), n -> new ArrayList<>()).add(op));
        }
      }
    }
    Map<String, Op> ops = new TreeMap<>();
    Map<String, String> locations = new TreeMap<>();
    byName.forEach(
        (name, claimants) -> {
          if (claimants.size() == 1) {
            ops.put(name, claimants.get(0).op());
            locations.put(name, claimants.get(0).location());
          } else {
            problems.add(clash(name, claimants));
          }
        });
    return new Result(ops, locations, problems);
  }

  /** One problem for all the providers that claim {@code name}: none of them is used. */
  private static ProviderProblem clash(String name, List<DiscoveredOp> claimants) {
    List<String> classes = claimants.stream().map(DiscoveredOp::providerClass).toList();
    List<String> locations = claimants.stream().map(DiscoveredOp::location).distinct().toList();
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
}
