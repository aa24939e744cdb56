package dev.opgrad.registry;

import com.google.common.collect.ImmutableListMultimap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code META-INF/services} entries a class loader sees for one service, with the jar each came
 * from, so that a provider {@link java.util.ServiceLoader} cannot load can be traced to its jar.
 */
final class ServicesFiles {

  private static final Pattern CLASS_NAME =
      Pattern.compile("\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}.$]*");

  /** Provider class name to the jars or directories whose services file lists it. */
  private final ImmutableListMultimap<String, String> locations;

  private ServicesFiles(ImmutableListMultimap<String, String> locations) {
    this.locations = locations;
  }

  static ServicesFiles read(ClassLoader classLoader, Class<?> service) {
    String entry = "META-INF/services/" + service.getName();
    ImmutableListMultimap.Builder<String, String> locations = ImmutableListMultimap.builder();
    try {
      Enumeration<URL> files = classLoader.getResources(entry);
      while (files.hasMoreElements()) {
        URL file = files.nextElement();
        String container = ClassLocation.containerOf(file, entry);
        try (InputStream in = file.openStream()) {
          for (String name : providerNames(in)) {
            locations.put(name, container);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + entry, e);
    }
    return new ServicesFiles(locations.build());
  }

  /** Reads the provider class names of one services file, without comments and blank lines. */
  static List<String> providerNames(InputStream servicesFile) throws IOException {
    List<String> names = new ArrayList<>();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(servicesFile, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      int comment = line.indexOf('#');
      String name = (comment < 0 ? line : line.substring(0, comment)).trim();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** Returns the listed provider class that {@code message} names, if any. */
  Optional<String> classNamedIn(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher words = CLASS_NAME.matcher(message);
    while (words.find()) {
      if (locations.containsKey(words.group())) {
        return Optional.of(words.group());
      }
    }
    return Optional.empty();
  }

  /** Returns where {@code providerClass} is listed, or {@link ClassLocation#UNKNOWN}. */
  String locationOf(String providerClass) {
    return locations.containsKey(providerClass)
        ? String.join(", ", locations.get(providerClass))
        : ClassLocation.UNKNOWN;
  }
}
