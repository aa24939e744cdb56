package dev.opgrad.registry;

import dev.opgrad.ProviderProblem;
import dev.opgrad.spi.Op;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads the provider classes that services files name, one at a time, with {@link
 * java.util.ServiceLoader}'s rules for a provider on the class path: the class is loaded through
 * the class loader without being initialized, must implement {@link Op}, and must be public with a
 * public no-argument constructor, which is called once. That is all the reflection it does.
 *
 * <p>Why not ServiceLoader itself: its iterator lets a {@link LinkageError} (a missing superclass,
 * a corrupt or too new class file) out of {@code hasNext()} and {@code next()}, naming a class that
 * may not be the provider (a missing superclass is named, not the class that needs it), so the
 * failure cannot be pinned on a provider and a jar; and it drops a whole services file at its first
 * illegal line. Going through the names that {@link ServicesFile} read, each failure is caught
 * where it happens, with the provider's name and jar at hand.
 *
 * <p>Every {@code Throwable} but {@link OutOfMemoryError}, from loading, linking, initializing or
 * instantiating the class or from its {@code name()}, {@code arity()} or {@code constantCount()},
 * becomes a problem naming the class, its jar and the cause's own message.
 */
final class ProviderLoading {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final ClassLoader classLoader;
  private final List<ProviderProblem> problems;

  /** Loads through {@code classLoader}, adding what goes wrong to {@code problems}. */
  ProviderLoading(ClassLoader classLoader, List<ProviderProblem> problems) {
    this.classLoader = classLoader;
    this.problems = problems;
  }

  /**
   * Loads {@code className}, listed in the services file of {@code listedIn}, and asks it to
   * describe itself.
   *
   * @return the op, or empty when it has a problem, which has been added
   */
  Optional<DiscoveredOp> load(String className, String listedIn) {
    Class<?> type;
    try {
      type = Class.forName(className, false, classLoader);
    } catch (Throwable e) {
      Unrecoverable.rethrowIfOutOfMemory(e);
      String message =
          "op provider "
              + className
              + " (listed in "
              + listedIn
              + ") cannot be loaded: "
              + describe(e);
      return problem(className, listedIn, Optional.empty(), message, e);
    }
    String location = ClassLocation.of(type);
    String provider = "op provider " + className + " (from " + location + ") ";
    if (!Op.class.isAssignableFrom(type)) {
      String message = provider + "is not an op: it does not implement " + Op.class.getName();
      return problem(className, location, Optional.empty(), message, null);
    }
    if (!Modifier.isPublic(type.getModifiers())) {
      String message = provider + "cannot be instantiated: it is not a public class";
      return problem(className, location, Optional.empty(), message, null);
    }
    Op op;
    try {
      op = type.asSubclass(Op.class).getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      String message =
          provider + "cannot be instantiated: it has no public no-argument constructor";
      return problem(className, location, Optional.empty(), message, e);
    } catch (Throwable e) {
      // What the constructor threw, rather than reflection's wrapper around it.
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      Unrecoverable.rethrowIfOutOfMemory(cause);
      String message = provider + "cannot be instantiated: " + describe(cause);
      return problem(className, location, Optional.empty(), message, cause);
    }
    return describeItself(op, className, location, provider);
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
   * The failure as its own message gives it; for a static initializer's failure, the exception the
   * initializer threw, which the JVM's {@link ExceptionInInitializerError} only wraps.
   */
  private static String describe(Throwable failure) {
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
