package dev.opgrad.internal;

import com.google.common.collect.ImmutableList;
import dev.opgrad.ProviderProblem;
import dev.opgrad.spi.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A folder of op plugin jars: a class loader over the valid ones, on top of a parent, and a
 * problem for each jar that is not a plugin.
 */
public final class PluginFolder {

  private static final String SERVICES = "META-INF/services/" + Op.class.getName();

  private final ClassLoader loader;
  private final ImmutableList<ProviderProblem> problems;

  private PluginFolder(ClassLoader loader, ImmutableList<ProviderProblem> problems) {
    this.loader = loader;
    this.problems = problems;
  }

  /**
   * Opens every {@code *.jar} directly in {@code folder}, in name order.
   *
   * @throws IllegalArgumentException if {@code folder} is not a directory
   */
  public static PluginFolder open(Path folder, ClassLoader parent) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("plugin folder " + folder + " is not a directory");
    }
    List<Path> jars;
    try (Stream<Path> entries = Files.list(folder)) {
      jars = entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plugin folder " + folder, e);
    }
    List<URL> urls = new ArrayList<>();
    ImmutableList.Builder<ProviderProblem> problems = ImmutableList.builder();
    for (Path jar : jars) {
      String why = invalidPlugin(jar);
      if (why != null) {
        String message = "jar " + jar + " is not a valid op plugin: " + why;
        problems.add(new ProviderProblem("", jar.toString(), Optional.empty(), message, Optional.empty()));
        continue;
      }
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("cannot turn " + jar + " into a URL", e);
      }
    }
    return new PluginFolder(new URLClassLoader(urls.toArray(URL[]::new), parent), problems.build());
  }

  /** Returns why {@code jar} cannot be a plugin, or null if it can. */
  private static String invalidPlugin(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry(SERVICES) == null
          ? "it has no " + SERVICES + " entry, so it provides no op"
          : null;
    } catch (IOException e) {
      return "it cannot be read as a jar (" + e.getMessage() + ")";
    }
  }

  /** The class loader over the valid jars, whose parent is the loader given to {@link #open}. */
  public ClassLoader loader() {
    return loader;
  }

  /** One problem for each jar that was left out. */
  public ImmutableList<ProviderProblem> problems() {
    return problems;
  }
}
