package dev.opgrad.registry;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/**
 * Why op providers that were found are not in an {@link OpRegistry}: a class that could not be
 * loaded, linked or instantiated, that failed or described itself wrongly when asked, several
 * providers claiming one name, a line of a services file that names no class, or a jar of a plugin
 * folder that was left out.
 *
 * @param providerClasses the provider classes concerned, as services files name them: one for a
 *     faulty class, every claimant for a name clash; empty when the problem is with a jar or a line
 *     of a services file rather than with a class
 * @param locations the jars or directories concerned, at least one: where each provider class was
 *     found, or the jar or directory whose services file lists it when the class could not be
 *     loaded
 * @param opName the op name the problem concerns, when it is known
 * @param message a complete description, naming the classes, the locations and the cause
 * @param cause the exception behind the problem, if there was one
 */
public record ProviderProblem(
    List<String> providerClasses,
    List<String> locations,
    Optional<String> opName,
    String message,
    Optional<Throwable> cause) {

  /** Checks that no component is null and that there is a location; copies the lists. */
  public ProviderProblem {
    providerClasses = List.copyOf(providerClasses);
    locations = List.copyOf(locations);
    checkArgument(!locations.isEmpty(), "a problem has a location: %s", message);
    checkNotNull(opName, "opName");
    checkNotNull(message, "message");
    checkNotNull(cause, "cause");
  }

  /** Returns {@link #message()}. */
  @Override
  public String toString() {
    return message;
  }
}
