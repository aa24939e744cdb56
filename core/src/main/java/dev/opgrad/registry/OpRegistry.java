package dev.opgrad.registry;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.opgrad.spi.Op;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The ops available by name: every {@link Op} that the {@code META-INF/services/dev.opgrad.spi.Op}
 * files a class loader sees list, as {@link java.util.ServiceLoader} would find them on the class
 * path, built once and immutable afterwards, so it can be shared between threads.
 *
 * <p>Loading never stops at a faulty provider. Any failure of a provider (its class cannot be
 * loaded, linked or instantiated, it throws, even an {@code Error}, when asked its name, arity or
 * constant count, it describes itself wrongly, or another provider claims its name), a services
 * file line that names no class, and a plugin jar left out are each listed once in {@link
 * #problems()} and repeated in the exception thrown when an op they may concern is asked for;
 * nothing is logged. Only an {@link OutOfMemoryError} is rethrown. All other ops work as usual.
 */
public final class OpRegistry {

  /** How many problems an exception's message repeats before it only counts the rest. */
  private static final int PROBLEMS_IN_A_MESSAGE = 20;

  private final ImmutableMap<String, Op> ops; // in alphabetical order
  private final ImmutableMap<String, String> locations;
  private final ImmutableList<ProviderProblem> problems;

  private OpRegistry(OpDiscovery.Result discovered) {
    this.ops = ImmutableSortedMap.copyOf(discovered.ops());
    this.locations = ImmutableMap.copyOf(discovered.locations());
    this.problems = ImmutableList.copyOf(discovered.problems());
  }

  /**
   * The registry that {@link dev.opgrad.Value}'s methods use: the ops that opgrad's own class
   * loader (the one that loaded opgrad-core; for an application, its class path) sees, loaded on
   * first use and kept for the life of that class loader. Which thread asks first, and its context
   * class loader, make no difference. Ops that only another class loader sees, such as a child
   * loader of a web application or a plugin folder, are not in it: load them with {@link
   * #load(ClassLoader)} or {@link #withPlugins(Path)} and apply them by name with {@code
   * x.apply(registry, name, constants)}.
   */
  public static OpRegistry defaultRegistry() {
    return DefaultRegistryHolder.INSTANCE;
  }

  /**
   * Loads every op visible to the current thread's context class loader, or to opgrad's own class
   * loader where the thread has none.
   */
  public static OpRegistry load() {
    return load(contextClassLoader());
  }

  private static ClassLoader contextClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : opgradClassLoader();
  }

  /** The class loader that loaded opgrad, or the system class loader where that is the JVM's. */
  private static ClassLoader opgradClassLoader() {
    ClassLoader own = OpRegistry.class.getClassLoader();
    return own != null ? own : ClassLoader.getSystemClassLoader();
  }

  /** Loads every op visible to {@code classLoader}. */
  public static OpRegistry load(ClassLoader classLoader) {
    checkNotNull(classLoader, "classLoader");
    return new OpRegistry(OpDiscovery.discover(classLoader));
  }

  /**
   * Loads the ops of the class path, as {@link #load()} does, together with those of every jar
   * directly in {@code pluginFolder}. A jar that cannot be read, has no {@code
   * META-INF/services/dev.opgrad.spi.Op} entry or one that lists nothing is left out and reported
   * in {@link #problems()}. Jars of the folder that list the same provider class (two versions of
   * one plugin) are all left out, with one problem naming them and the classes: which copy would
   * load is an accident of file names. A jar that brings a provider class the class path already
   * has (a copy of a jar the application bundles, say) is reported too: the class path's copy is
   * the one used. An op that another jar or the class path also provides is reported as a clash
   * naming both jars. The plugins' class loader stays open as long as their ops are in use.
   *
   * @throws IllegalArgumentException if {@code pluginFolder} is not a directory
   */
  public static OpRegistry withPlugins(Path pluginFolder) {
    checkNotNull(pluginFolder, "pluginFolder");
    return new OpRegistry(
        OpDiscovery.discover(PluginFolder.open(pluginFolder, contextClassLoader())));
  }

  /**
   * Returns the op named {@code name}.
   *
   * @throws IllegalArgumentException if no op has that name; the message lists the known names and
   *     the problems that may concern it (the first {@value #PROBLEMS_IN_A_MESSAGE}, then how many
   *     more there are)
   * @throws IllegalStateException if that name belongs to a provider with a {@link #problems()
   *     problem}, such as two providers claiming it
   */
  public Op get(String name) {
    checkNotNull(name, "name");
    Op op = ops.get(name);
    if (op != null) {
      return op;
    }
    ImmutableList<ProviderProblem> concerned =
        problems.stream()
            .filter(p -> p.opName().filter(name::equals).isPresent())
            .collect(ImmutableList.toImmutableList());
    if (!concerned.isEmpty()) {
      throw new IllegalStateException(
          "op '" + name + "' is unusable: " + join(concerned),
          concerned.get(0).cause().orElse(null));
    }
    StringBuilder message = new StringBuilder("no op named '").append(name).append("'; ");
    message.append(
        ops.isEmpty() ? "no op is registered" : "known ops: " + String.join(", ", ops.keySet()));
    ImmutableList<ProviderProblem> unnamed =
        problems.stream()
            .filter(p -> p.opName().isEmpty())
            .collect(ImmutableList.toImmutableList());
    if (!unnamed.isEmpty()) {
      message
          .append("; providers that failed to load, one of which may be it: ")
          .append(join(unnamed));
    }
    throw new IllegalArgumentException(message.toString());
  }

  /** Whether an op named {@code name} is available. */
  public boolean contains(String name) {
    return ops.containsKey(name);
  }

  /** The names of the available ops, in alphabetical order. */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(ops.keySet()));
  }

  /** The available ops by name, in alphabetical order. */
  public Map<String, Op> ops() {
    return ops;
  }

  /**
   * The jar or class directory that the op named {@code name} was loaded from.
   *
   * @throws IllegalArgumentException if no op has that name
   */
  public String location(String name) {
    get(name);
    return locations.get(name);
  }

  /**
   * Every problem met while loading: the providers and jars left out and why, each once, in the
   * order they were found.
   */
  public List<ProviderProblem> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return "OpRegistry"
        + ops.keySet()
        + (problems.isEmpty() ? "" : " with " + problems.size() + " problem(s)");
  }

  /**
   * The messages of {@code problems}, the first {@value #PROBLEMS_IN_A_MESSAGE} of them, then how
   * many more there are: a services file of thousands of bad lines must not make a message of
   * thousands of lines.
   */
  private static String join(ImmutableList<ProviderProblem> problems) {
    String shown =
        problems.stream()
            .limit(PROBLEMS_IN_A_MESSAGE)
            .map(ProviderProblem::message)
            .collect(Collectors.joining("; "));
    int more = problems.size() - PROBLEMS_IN_A_MESSAGE;
    return more > 0 ? shown + "; … and " + more + " more" : shown;
  }

  /** Loads the default registry on first use, as the JVM initializes classes lazily. */
  private static final class DefaultRegistryHolder {
    static final OpRegistry INSTANCE = load(opgradClassLoader());
  }
}
