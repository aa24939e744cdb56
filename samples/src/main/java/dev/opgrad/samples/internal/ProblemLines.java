package dev.opgrad.samples.internal;

import dev.opgrad.ProviderProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A registry's problems in the words the samples and the command line print them: each once, and a
 * name clash as one line naming every provider and where it comes from.
 *
 * <p>Core reports a clash as one problem per provider, all with one message, which ends by asking
 * to remove the others "from the class path" even where a provider sits in a plugin folder. The
 * line here names each provider's jar and asks to remove all but one, wherever they are.
 */
public final class ProblemLines {

  /** What the problems of one clash share, one problem per provider. */
  private record Shared(Optional<String> opName, String message) {}

  private ProblemLines() {}

  /** One line per distinct problem, in the order the registry found them. */
  public static List<String> of(List<ProviderProblem> problems) {
    Map<Shared, List<ProviderProblem>> byMessage = new LinkedHashMap<>();
    for (ProviderProblem problem : problems) {
      byMessage
          .computeIfAbsent(
              new Shared(problem.opName(), problem.message()), shared -> new ArrayList<>())
          .add(problem);
    }
    List<String> lines = new ArrayList<>();
    byMessage.forEach(
        (shared, providers) ->
            lines.add(
                shared.opName().isPresent() && providers.size() > 1
                    ? clash(shared.opName().get(), providers)
                    : shared.message()));
    return List.copyOf(lines);
  }

  private static String clash(String opName, List<ProviderProblem> providers) {
    return providers.size()
        + " providers are named '"
        + opName
        + "': "
        + providers.stream()
            .map(p -> p.providerClass() + " (from " + p.location() + ")")
            .collect(Collectors.joining(" and "))
        + "; remove all but one of them";
  }
}
