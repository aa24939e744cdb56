package dev.opgrad.registry;

import dev.opgrad.spi.Op;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Loads op providers with {@link ServiceLoader}, one at a time, and asks each to describe itself.
 *
 * <p>A class that a services file lists is loaded through a {@link ServiceLoader} of its own, over
 * a {@link OneProviderLoader} that shows it that one name: ServiceLoader's own iterator lets a
 * {@link LinkageError} (a missing dependency class, a corrupt or too new class file) escape without
 * naming the provider, and stops reading a services file at its first illegal line; one provider
 * per ServiceLoader pins every failure on its provider and its jar. The providers that named
 * modules declare with {@code provides … with} come from the module layer opgrad runs in.
 *
 * <p>Every {@code Throwable} but {@link OutOfMemoryError}, from loading, linking, initializing or
 * instantiating a provider or from its {@code name()}, {@code arity()} or {@code constantCount()},
 * becomes a problem naming the class, its jar and the cause's own message.
 */
final class ProviderLoading {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final String SERVICE_PREFIX = Op.class.getName() + ": ";

  private final ClassLoader classLoader;
  private final List<ProviderProblem> problems;

  /** Loads through {@code classLoader}, adding what goes wrong to {@code problems}. */
  ProviderLoading(ClassLoader classLoader, List<ProviderProblem> problems) {
    this.classLoader = classLoader;
    this.problems = problems;
  }

  /**
   * Loads {@code className}, listed in the services file of {@code listedIn}.
   *
   * @return the op; empty when it has a problem, which has been added, or when the class is in a
   *     named module, whose providers {@link #loadModuleProviders} loads
   */
  Optional<DiscoveredOp> load(String className, String listedIn) {
    ServiceLoader.Provider<Op> provider = null;
    try {
      Iterator<ServiceLoader.Provider<Op>> providers =
          ServiceLoader.load(Op.class, new OneProviderLoader(className, classLoader))
              .stream()
              .iterator();
      // Named modules' providers come first, and the class itself is skipped if it is in one.
      while (provider == null && providers.hasNext()) {
        ServiceLoader.Provider<Op> next = providers.next();
        if (!next.type().getModule().isNamed()) {
          provider = next;
        }
      }
    } catch (Throwable e) {
      Unrecoverable.rethrowIfOutOfMemory(e);
      String message =
          "op provider " + className + " (listed in " + listedIn + ") cannot be loaded: ";
      return problem(className, listedIn, Optional.empty(), message + describe(e), e);
    }
    return provider == null ? Optional.empty() : instantiate(provider);
  }

  /**
   * Loads the providers that named modules of opgrad's module layer declare, whose class loader
   * {@code classLoader} sees, skipping the classes in {@code skip}, and passes each op to {@code
   * found}.
   */
  void loadModuleProviders(Set<String> skip, Consumer<DiscoveredOp> found) {
    ModuleLayer layer = OpRegistry.class.getModule().getLayer();
    Iterator<ServiceLoader.Provider<Op>> providers =
        ServiceLoader.load(layer == null ? ModuleLayer.boot() : layer, Op.class).stream().iterator();
    while (true) {
      ServiceLoader.Provider<Op> provider;
      try {
        if (!providers.hasNext()) {
          return;
        }
        provider = providers.next();
      } catch (Throwable e) {
        // ServiceLoader names the class in its message; the iterator has moved past it.
        Unrecoverable.rethrowIfOutOfMemory(e);
        String location = "the module path";
        problem(
            "unknown class",
            location,
            Optional.empty(),
            "an op provider of a named module cannot be loaded: " + describe(e),
            e);
        continue;
      }
      Class<?> type = provider.type();
      if (sees(classLoader, type.getClassLoader()) && skip.add(type.getName())) {
        instantiate(provider).ifPresent(found);
      }
    }
  }

  /** Whether {@code loader}, or a loader it delegates to, is {@code definer}. */
  private static boolean sees(ClassLoader loader, ClassLoader definer) {
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l == definer) {
        return true;
      }
    }
    return definer == null;
  }

  private Optional<DiscoveredOp> instantiate(ServiceLoader.Provider<Op> provider) {
    String className = provider.type().getName();
    String location = ClassLocation.of(provider.type());
    String description = "op provider " + className + " (from " + location + ") ";
    Op op;
    try {
      op = provider.get();
    } catch (Throwable e) {
      // ServiceLoader wraps what the constructor threw, an OutOfMemoryError included.
      Throwable cause =
          e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
      Unrecoverable.rethrowIfOutOfMemory(cause);
      String why =
          cause instanceof IllegalAccessException ? "it is not a public class" : describe(cause);
      return problem(
          className, location, Optional.empty(), description + "cannot be instantiated: " + why, cause);
    }
    return describeItself(op, className, location, description);
  }

  /** Asks {@code op} for its name, arity and constant count, and checks them. */
  private Optional<DiscoveredOp> describeItself(
      Op op, String className, String location, String provider) {
    String asking = "name()";
    String name = null;
    try {
      name = op.name();
      if (name == null || !NAME.matcher(name).matches()) {
        String message =
            provider
                + "has an invalid name "
                + (name == null ? "null" : "'" + name + "'")
                + ": a name is a lowercase letter followed by lowercase letters, digits or"
                + " underscores";
        return problem(className, location, Optional.ofNullable(name), message, null);
      }
      asking = "arity()";
      int arity = op.arity();
      if (arity < 1 && arity != Op.VARIADIC) {
        String message =
            provider + "(op '" + name + "') has arity " + arity + "; an op takes at least 1 input";
        return problem(className, location, Optional.of(name), message, null);
      }
      asking = "constantCount()";
      int constantCount = op.constantCount();
      if (constantCount < 0) {
        String message =
            provider + "(op '" + name + "') has a negative constant count " + constantCount;
        return problem(className, location, Optional.of(name), message, null);
      }
    } catch (Throwable e) {
      Unrecoverable.rethrowIfOutOfMemory(e);
      String message = provider + "fails in " + asking + ": " + describe(e);
      return problem(className, location, Optional.ofNullable(name), message, e);
    }
    return Optional.of(new DiscoveredOp(op, name, className, location));
  }

  /**
   * The failure in its own words: ServiceLoader's message without the service's name, followed by
   * the failure it wraps; for a static initializer, the exception the initializer threw, which the
   * JVM's {@link ExceptionInInitializerError} only wraps.
   */
  private static String describe(Throwable failure) {
    if (failure instanceof ServiceConfigurationError) {
      String message = failure.getMessage();
      if (message.startsWith(SERVICE_PREFIX)) {
        message = message.substring(SERVICE_PREFIX.length());
      }
      return failure.getCause() == null ? message : message + ": " + describe(failure.getCause());
    }
    return failure instanceof ExceptionInInitializerError && failure.getCause() != null
        ? "a static initializer threw " + failure.getCause()
        : failure.toString();
  }

  private Optional<DiscoveredOp> problem(
      String className, String location, Optional<String> opName, String message, Throwable cause) {
    problems.add(
        new ProviderProblem(
            List.of(className), List.of(location), opName, message, Optional.ofNullable(cause)));
    return Optional.empty();
  }
}
