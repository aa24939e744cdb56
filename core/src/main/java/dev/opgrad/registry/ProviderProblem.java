package dev.opgrad.registry;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * Why an op provider found on the class path is not in an {@link OpRegistry}: its class could not
 * be loaded or instantiated, it describes itself wrongly, or its name clashes with another
 * provider's.
 *
 * @param providerClass the provider's class name, as its services entry gives it; empty for a
 *     plugin jar that provides no op at all
 * @param location the jar or directory the provider came from, or {@code "unknown location"}
 * @param opName the op name the problem concerns, when it is known
 * @param message a complete description, naming the class, the location and the cause
 * @param cause the exception behind the problem, if there was one
 */
public record ProviderProblem(
    String providerClass,
    String location,
    Optional<String> opName,
    String message,
    Optional<Throwable> cause) {

  /** Checks that no component is null. */
  public ProviderProblem {
    checkNotNull(providerClass, "providerClass");
    checkNotNull(location, "location");
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
