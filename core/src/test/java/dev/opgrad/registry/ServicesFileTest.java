package dev.opgrad.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.testing.PluginJar;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services files are read line by line with {@link java.util.ServiceLoader}'s syntax, and their
 * classes loaded with its rules, but a bad line or a bad class costs only itself.
 */
class ServicesFileTest {

  private static final String SERVICES = "META-INF/services/dev.opgrad.spi.Op";

  @TempDir Path dir;

  private static URLClassLoader loaderOf(Path jar) throws IOException {
    return new URLClassLoader(
        new URL[] {jar.toUri().toURL()}, ServicesFileTest.class.getClassLoader());
  }

  @Test
  void illegalLinesAreReportedWithJarLineAndTextAndTheFilesOtherProvidersLoad() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path jar =
        new PluginJar()
            .op("p.Twice", "twice", 1, "2 * x[0]", "g[0] = 2;")
            .service("# comments, blank lines and spaces around a name are fine")
            .service("")
            .service("  p.Twice  # listed twice: loaded once")
            .service("p.Bad Name")
            .service("1p.Digit")
            .service("p.Tab\tbed")
            .op("p.Square", "square", 1, "x[0] * x[0]", "g[0] = 2 * x[0];")
            .writeTo(folder.resolve("lines.jar"));
    String line = "line %d of " + SERVICES + " in " + jar + " is not a class name: '%s'";

    try (URLClassLoader loader = loaderOf(jar)) {
      for (OpRegistry registry : List.of(OpRegistry.load(loader), OpRegistry.withPlugins(folder))) {
        assertThat(registry.names()).containsExactly("square", "twice");
        assertThat(registry.problems())
            .extracting(ProviderProblem::message)
            .containsExactly(
                line.formatted(5, "p.Bad Name"),
                line.formatted(6, "1p.Digit"),
                line.formatted(7, "p.Tab\tbed"));
        assertThat(registry.problems().get(0).providerClasses()).isEmpty();
        assertThat(registry.problems().get(0).locations()).containsExactly(jar.toString());
      }
    }
  }

  @Test
  void aClassIsLoadedOnlyIfItIsAPublicOpWithAPublicNoArgumentConstructor() throws Exception {
    Path jar =
        new PluginJar()
            .service("gone.Missing")
            .source("odd.NotAnOp", "package odd; public final class NotAnOp {}")
            .service("odd.NotAnOp")
            .source(
                "odd.Hidden",
"""
package odd;
final class Hidden implements dev.opgrad.spi.Op {
  public Hidden() {}
  public String name() { return "hidden"; }
  public int arity() { return 1; }
  public double forward(double[] x, double[] c) { return x[0]; }
  public void localGrad(double[] x, double[] c, double out, double[] g) { g[0] = 1; }
}
""")
            .service("odd.Hidden")
            .source(
                "odd.Configured",
"""
package odd;
public final class Configured implements dev.opgrad.spi.Op {
  public Configured(double factor) {}
  public String name() { return "configured"; }
  public int arity() { return 1; }
  public double forward(double[] x, double[] c) { return x[0]; }
  public void localGrad(double[] x, double[] c, double out, double[] g) { g[0] = 1; }
}
""")
            .service("odd.Configured")
            .op("good.Twice", "twice", 1, "2 * x[0]", "g[0] = 2;")
            .writeTo(dir.resolve("odd.jar"));

    try (URLClassLoader loader = loaderOf(jar)) {
      OpRegistry registry = OpRegistry.load(loader);

      assertThat(registry.names()).containsExactly("twice");
      assertThat(registry.problems())
          .extracting(ProviderProblem::message)
          .containsExactly(
              "op provider gone.Missing (listed in "
                  + jar
                  + ") cannot be loaded: Provider gone.Missing not found",
              "op provider odd.NotAnOp (listed in " + jar + ") cannot be loaded: odd.NotAnOp not a subtype",
              "op provider odd.Hidden (from "
                  + jar
                  + ") cannot be instantiated: it is not a public class",
              "op provider odd.Configured (listed in "
                  + jar
                  + ") cannot be loaded: odd.Configured Unable to get public no-arg constructor:"
                  + " java.lang.NoSuchMethodException: odd.Configured.<init>()");
      ProviderProblem missing = registry.problems().get(0);
      assertThat(missing.providerClasses()).containsExactly("gone.Missing");
      assertThat(missing.locations()).containsExactly(jar.toString());
      assertThat(missing.cause()).get().isInstanceOf(java.util.ServiceConfigurationError.class);
    }
  }

  @Test
  void aServicesFileThatCannotBeReadIsReportedAndTheOthersAreRead() throws Exception {
    Path jar =
        new PluginJar()
            .op("p.Twice", "twice", 1, "2 * x[0]", "g[0] = 2;")
            .writeTo(dir.resolve("p.jar"));
    URL gone = dir.resolve("gone").resolve(SERVICES).toUri().toURL();
    URL present = new URL("jar:" + jar.toUri() + "!/" + SERVICES);
    try (URLClassLoader classes = loaderOf(jar)) {
      ClassLoader loader =
          new ClassLoader(classes) {
            @Override
            public Enumeration<URL> getResources(String name) {
              return Collections.enumeration(List.of(gone, present));
            }
          };

      OpRegistry registry = OpRegistry.load(loader);

      assertThat(registry.names()).containsExactly("twice");
      assertThat(registry.problems())
          .extracting(ProviderProblem::message)
          .containsExactly(
              SERVICES
                  + " in "
                  + dir.resolve("gone")
                  + " cannot be read: java.io.FileNotFoundException: "
                  + dir.resolve("gone").resolve(SERVICES)
                  + " (No such file or directory)");
    }
  }

  @Test
  void aClassLoaderThatCannotListItsServicesFilesIsReported() {
    ClassLoader loader =
        new ClassLoader(ServicesFileTest.class.getClassLoader()) {
          @Override
          public Enumeration<URL> getResources(String name) throws IOException {
            throw new IOException("disk on fire");
          }

          @Override
          public String toString() {
            return "the burning loader";
          }
        };

    OpRegistry registry = OpRegistry.load(loader);

    assertThat(registry.names()).isEmpty();
    assertThat(registry.problems())
        .extracting(ProviderProblem::message)
        .containsExactly(
            "the "
                + SERVICES
                + " files of the burning loader cannot be listed: java.io.IOException:"
                + " disk on fire");
  }
}
