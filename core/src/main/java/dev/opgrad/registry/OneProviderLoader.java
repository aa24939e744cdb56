package dev.opgrad.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader that shows {@link java.util.ServiceLoader} one services file of one line, naming
 * one provider, and leaves every class to its parent. Loading through it, ServiceLoader concerns
 * that provider alone, so whatever fails is that provider's failure, however ServiceLoader reports
 * it.
 */
final class OneProviderLoader extends ClassLoader {

  private final URL servicesFile;

  OneProviderLoader(String providerClass, ClassLoader parent) {
    super(parent);
    byte[] line = (providerClass + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      // A URL of its own scheme, served from memory: the line is not a file anywhere.
      @SuppressWarnings("deprecation") // URL.of(URI, handler) is JDK 20+; opgrad runs on 17
      URL url = new URL("opgrad-provider", null, -1, "/" + providerClass, new OneLine(line));
      this.servicesFile = url;
    } catch (IOException e) {
      throw new IllegalStateException("cannot make a URL for " + providerClass, e);
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return name.equals(ServicesFile.PATH)
        ? Collections.enumeration(List.of(servicesFile))
        : super.getResources(name);
  }

  /** Serves the one line. */
  private static final class OneLine extends URLStreamHandler {

    private final byte[] line;

    OneLine(byte[] line) {
      this.line = line;
    }

    @Override
    protected URLConnection openConnection(URL url) {
      return new URLConnection(url) {
        @Override
        public void connect() {}

        @Override
        public InputStream getInputStream() {
          return new ByteArrayInputStream(line);
        }
      };
    }
  }
}
