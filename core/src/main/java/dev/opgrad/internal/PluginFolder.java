package dev.opgrad.internal;

import com.google.common.collect.ImmutableList;
import dev.opgrad.ProviderProblem;
import dev.opgrad.spi.Op;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A folder of op plugin jars: a class loader over the valid ones, on top of a parent, and a problem
 * for each jar that is not a plugin.
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
      List<String> providers;
      try {
        providers = providersOf(jar);
      } catch (IOException e) {
        problems.add(jarProblem(jar, "it cannot be read as a jar (" + e.getMessage() + ")"));
        continue;
      }
      if (providers.isEmpty()) {
        problems.add(jarProblem(jar, "it has no " + SERVICES + " entry, so it provides no op"));
        continue;
      }
      for (String provider : providers) {
        String resource = provider.replace('.', '/') + ".class";
        URL onParent = parent.getResource(resource);
        if (onParent != null) {
          // The parent loads the class first, so the jar's copy would go unused without a word.
          String message =
              "jar "
                  + jar
                  + " brings op provider "
                  + provider
                  + ", which is already on"
                  + " the class path (from "
                  + ClassLocation.containerOf(onParent, resource)
                  + "); the class path's copy is used: remove it from the plugin folder";
          problems.add(
              new ProviderProblem(
                  List.of(provider),
                  List.of(jar.toString(), ClassLocation.containerOf(onParent, resource)),
                  Optional.empty(),
                  message,
                  Optional.empty()));
        }
      }
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("cannot turn " + jar + " into a URL", e);
      }
    }
    return new PluginFolder(new URLClassLoader(urls.toArray(URL[]::new), parent), problems.build());
  }

  /** The provider classes {@code jar}'s services file lists; empty if it has none. */
  private static List<String> providersOf(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry services = file.getJarEntry(SERVICES);
      if (services == null) {
        return List.of();
      }
      try (InputStream in = file.getInputStream(services)) {
        return ServicesFiles.providerNames(in);
      }
    }
  }

  private static ProviderProblem jarProblem(Path jar, String why) {
    String message = "jar " + jar + " is not a valid op plugin: " + why;
    return new ProviderProblem(
        List.of(), List.of(jar.toString()), Optional.empty(), message, Optional.empty());
  }

  /** The class loader over the valid jars, whose parent is the loader given to {@link #open}. */
  public ClassLoader loader() {
    return loader;
  }

  /** One problem for each jar that was left out, and for each provider the class path shadows. */
  public ImmutableList<ProviderProblem> problems() {
    return problems;
  }
}
