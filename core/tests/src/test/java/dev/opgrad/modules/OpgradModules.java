package dev.opgrad.modules;

import static com.google.common.base.Preconditions.checkState;

import dev.opgrad.Value;
import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds opgrad's three modules, and the modules they require (Guava, and what Guava requires), on
 * this JVM's class path, so that a forked JVM can put them on its module path.
 *
 * <p>Maven puts a reactor module on the class path as its jar under {@code verify} and as its
 * {@code target/classes} directory under {@code test}; both are modules on a module path, the
 * directory as an exploded module, since both hold {@code module-info.class}. Nothing here depends
 * on the working directory.
 */
final class OpgradModules {

  /** opgrad's modules: the engine and the two op modules. */
  static final List<String> OPGRAD =
      List.of("dev.opgrad.core", "dev.opgrad.ops.builtin", "dev.opgrad.ops.extra");

  private OpgradModules() {}

  /**
   * The jar or exploded module of each of {@link #OPGRAD} and of each module they require that the
   * JDK does not provide, by module name, opgrad's first. Static requirements (Guava's annotation
   * modules) are left out, as the module system leaves them out at run time.
   *
   * @throws IllegalStateException if one of them is not on the class path as an explicit module
   */
  static Map<String, Path> locate() {
    Map<String, Path> explicit = explicitModulesOnClassPath();
    ModuleFinder jdk = ModuleFinder.ofSystem();
    Map<String, Path> found = new LinkedHashMap<>();
    Deque<String> pending = new ArrayDeque<>(OPGRAD);
    while (!pending.isEmpty()) {
      String name = pending.removeFirst();
      if (found.containsKey(name) || jdk.find(name).isPresent()) {
        continue;
      }
      Path location = explicit.get(name);
      checkState(
          location != null,
          "module %s is not on the class path as a jar or directory with a module-info.class;"
              + " explicit modules found: %s",
          name,
          explicit);
      found.put(name, location);
      ModuleDescriptor descriptor = ModuleFinder.of(location).find(name).orElseThrow().descriptor();
      for (Requires requires : descriptor.requires()) {
        if (!requires.modifiers().contains(Requires.Modifier.STATIC)) {
          pending.addLast(requires.name());
        }
      }
    }
    return found;
  }

  /** {@link #locate()}'s locations, as a module path. */
  static List<Path> modulePath() {
    return new ArrayList<>(locate().values());
  }

  /**
   * Every explicit module (one with a {@code module-info.class}) among the class path's entries,
   * by name; the first entry wins, as on a module path. Also looks at where core was loaded from,
   * in case {@code java.class.path} names a manifest-only jar.
   */
  private static Map<String, Path> explicitModulesOnClassPath() {
    Set<Path> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).toAbsolutePath());
      }
    }
    entries.add(locationOf(Value.class));
    Map<String, Path> modules = new LinkedHashMap<>();
    for (Path entry : entries) {
      boolean moduleDirectory = Files.isRegularFile(entry.resolve("module-info.class"));
      boolean jar = Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar");
      if (!moduleDirectory && !jar) {
        continue; // test-classes, say: not a module
      }
      try {
        for (ModuleReference module : ModuleFinder.of(entry).findAll()) {
          if (!module.descriptor().isAutomatic()) {
            modules.putIfAbsent(module.descriptor().name(), entry);
          }
        }
      } catch (FindException e) {
        // A plain jar whose file name makes no valid automatic module name: not one we need.
      }
    }
    return modules;
  }

  /** The jar or directory {@code type} was loaded from. */
  static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
