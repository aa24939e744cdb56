package dev.opgrad.registry;

import java.net.URL;

/** Finds the jar or class directory a class was loaded from, for messages and listings. */
public final class ClassLocation {

  /** What a location is reported as when it cannot be found. */
  public static final String UNKNOWN = "unknown location";

  private ClassLocation() {}

  /** Returns the jar file or class directory holding {@code type}, or {@link #UNKNOWN}. */
  public static String of(Class<?> type) {
    String resource = type.getName().replace('.', '/') + ".class";
    ClassLoader loader = type.getClassLoader();
    URL url =
        loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
    return url == null ? UNKNOWN : containerOf(url, resource);
  }

  /**
   * Returns the jar or directory of {@code url}, a resource or services file named {@code entry}.
   */
  static String containerOf(URL url, String entry) {
    String text = url.toString();
    if (text.startsWith("jar:")) {
      int separator = text.indexOf("!/");
      return fileOf(text.substring("jar:".length(), separator < 0 ? text.length() : separator));
    }
    if (text.endsWith(entry)) {
      return fileOf(text.substring(0, text.length() - entry.length()));
    }
    return text;
  }

  private static String fileOf(String url) {
    try {
      return new java.io.File(new java.net.URI(url)).getPath();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return url;
    }
  }
}
