package dev.opgrad.registry;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every {@code META-INF/services/dev.opgrad.spi.Op} file a class loader sees, in the order it gives
 * them (for an application, class path order), read one by one: a file that cannot be read costs
 * only itself.
 */
final class ServicesFiles {

  private ServicesFiles() {}

  static List<ServicesFile> of(ClassLoader classLoader) {
    List<URL> urls;
    try {
      urls = Collections.list(classLoader.getResources(ServicesFile.PATH));
    } catch (Throwable e) { // a class loader is someone else's code too
      Unrecoverable.rethrowIfOutOfMemory(e);
      String loader = classLoader.toString();
      return List.of(
          ServicesFile.failed(
              loader, "the " + ServicesFile.PATH + " files of " + loader + " cannot be listed", e));
    }
    List<ServicesFile> files = new ArrayList<>();
    for (URL url : urls) {
      String location = ClassLocation.containerOf(url, ServicesFile.PATH);
      try (InputStream in = url.openStream()) {
        files.add(ServicesFile.read(location, in));
      } catch (Throwable e) {
        Unrecoverable.rethrowIfOutOfMemory(e);
        files.add(
            ServicesFile.failed(
                location, ServicesFile.PATH + " in " + location + " cannot be read", e));
      }
    }
    return files;
  }
}
