package dev.opgrad.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A folder of op plugin jars: a class loader over the usable ones, on top of a parent, their
 * services files, and a problem for each jar left out.
 */
final class PluginFolder {

  private final ClassLoader parent;
  private final ClassLoader loader;
  private final List<ServicesFile> servicesFiles;
  private final List<ProviderProblem> problems;

  private PluginFolder(
      ClassLoader parent,
      ClassLoader loader,
      List<ServicesFile> servicesFiles,
      List<ProviderProblem> problems) {
    this.parent = parent;
    this.loader = loader;
    this.servicesFiles = List.copyOf(servicesFiles);
    this.problems = List.copyOf(problems);
  }

  /**
   * Opens every {@code *.jar} directly in {@code folder}, in name order. A jar is left out if it
   * cannot be read, has no services file or one that lists nothing, or lists a provider class that
   * another jar of the folder lists too.
   *
   * @throws IllegalArgumentException if {@code folder} is not a directory
   */
  static PluginFolder open(Path folder, ClassLoader parent) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("plugin folder " + folder + " is not a directory");
    }
    List<Path> jars;
    try (Stream<Path> entries = Files.list(folder)) {
      jars = entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plugin folder " + folder, e);
    }
    List<ProviderProblem> problems = new ArrayList<>();
    Map<Path, ServicesFile> plugins = new LinkedHashMap<>();
    for (Path jar : jars) {
      Optional<ServicesFile> services;
      try {
        services = servicesFileOf(jar);
      } catch (IOException e) {
        problems.add(jarProblem(jar, "it cannot be read as a jar (" + e.getMessage() + ")"));
        continue;
      }
      if (services.isEmpty()) {
        problems.add(
            jarProblem(jar, "it has no " + ServicesFile.PATH + " entry, so it provides no op"));
      } else if (services.get().providerClasses().isEmpty()
          && services.get().problems().isEmpty()) {
        problems.add(jarProblem(jar, "its " + ServicesFile.PATH + " entry lists no class"));
      } else {
        plugins.put(jar, services.get());
      }
    }
    ProviderCopies copies = ProviderCopies.among(plugins);
    problems.addAll(copies.problems());
    plugins.keySet().removeAll(copies.jars());

    List<URL> urls = new ArrayList<>();
    plugins.forEach(
        (jar, services) -> {
          services
              .providerClasses()
              .forEach(c -> shadowed(jar, c, parent).ifPresent(problems::add));
          try {
            urls.add(jar.toUri().toURL());
          } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot turn " + jar + " into a URL", e);
          }
        });
    return new PluginFolder(
        parent,
        new URLClassLoader(urls.toArray(URL[]::new), parent),
        List.copyOf(plugins.values()),
        problems);
  }

  /** The services file of {@code jar}, if it has one. */
  private static Optional<ServicesFile> servicesFileOf(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry services = file.getJarEntry(ServicesFile.PATH);
      if (services == null) {
        return Optional.empty();
      }
      try (InputStream in = file.getInputStream(services)) {
        return Optional.of(ServicesFile.read(jar.toString(), in));
      }
    }
  }

  /**
   * A problem if the parent already has {@code providerClass}: it loads the class first, so the
   * jar's copy would go unused without a word.
   */
  private static Optional<ProviderProblem> shadowed(
      Path jar, String providerClass, ClassLoader parent) {
    String resource = providerClass.replace('.', '/') + ".class";
    URL onParent = parent.getResource(resource);
    if (onParent == null) {
      return Optional.empty();
    }
    String parentCopy = ClassLocation.containerOf(onParent, resource);
    String message =
        "jar "
            + jar
            + " brings op provider "
            + providerClass
            + ", which is already on the class path (from "
            + parentCopy
            + "); the class path's copy is used: remove it from the plugin folder";
    return Optional.of(
        new ProviderProblem(
            List.of(providerClass),
            List.of(jar.toString(), parentCopy),
            Optional.empty(),
            message,
            Optional.empty()));
  }

  private static ProviderProblem jarProblem(Path jar, String why) {
    String message = "jar " + jar + " is not a valid op plugin: " + why;
    return new ProviderProblem(
        List.of(), List.of(jar.toString()), Optional.empty(), message, Optional.empty());
  }

  /** The class loader the plugin folder was opened on. */
  ClassLoader parent() {
    return parent;
  }

  /** The class loader over the usable jars, whose parent is {@link #parent()}. */
  ClassLoader loader() {
    return loader;
  }

  /** The services files of the usable jars, in jar order. */
  List<ServicesFile> servicesFiles() {
    return servicesFiles;
  }

  /** One problem for each jar or group of jars left out, and for each provider the parent has. */
  List<ProviderProblem> problems() {
    return problems;
  }
}
