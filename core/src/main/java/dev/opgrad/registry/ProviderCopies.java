package dev.opgrad.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jars of a plugin folder that list the same provider classes: two versions of one plugin, say. One
 * class loader over the folder would load each such class from whichever jar sorts first and mix in
 * the other classes of both, so every jar involved is left out, with one problem for each group of
 * jars that share classes.
 *
 * @param jars the jars to leave out
 * @param problems one for each group of jars sharing provider classes, naming the jars and classes
 */
record ProviderCopies(Set<Path> jars, List<ProviderProblem> problems) {

  /** Finds the copies among {@code servicesFiles}, the services file of each jar, in jar order. */
  static ProviderCopies among(Map<Path, ServicesFile> servicesFiles) {
    Map<String, List<Path>> jarsByClass = new LinkedHashMap<>();
    servicesFiles.forEach(
        (jar, file) ->
            file.providerClasses()
                .forEach(c -> jarsByClass.computeIfAbsent(c, k -> new ArrayList<>()).add(jar)));
    Map<List<Path>, List<String>> classesBySharingJars = new LinkedHashMap<>();
    jarsByClass.forEach(
        (providerClass, jars) -> {
          if (jars.size() > 1) {
            classesBySharingJars.computeIfAbsent(jars, k -> new ArrayList<>()).add(providerClass);
          }
        });
    Set<Path> leftOut = new HashSet<>();
    List<ProviderProblem> problems = new ArrayList<>();
    classesBySharingJars.forEach(
        (jars, classes) -> {
          leftOut.addAll(jars);
          problems.add(problem(jars, classes));
        });
    return new ProviderCopies(leftOut, problems);
  }

  private static ProviderProblem problem(List<Path> jars, List<String> classes) {
    List<String> locations = jars.stream().map(Path::toString).toList();
    String message =
        (classes.size() == 1 ? "op provider " : "op providers ")
            + EnglishList.of(classes)
            + (classes.size() == 1 ? " is" : " are")
            + " in "
            + jars.size()
            + " jars of the plugin folder, "
            + EnglishList.of(locations)
            + "; none of these jars is used: remove all but one of them";
    return new ProviderProblem(classes, locations, Optional.empty(), message, Optional.empty());
  }
}
