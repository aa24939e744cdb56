package dev.opgrad.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Value;
import dev.opgrad.testing.PluginJar;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any {@code Throwable} from loading, linking, instantiating or asking a provider for its name,
 * arity or constants leaves that provider out with a problem naming its class, its jar and the
 * cause's own message, and the other ops load: through a class loader and from a plugin folder.
 * Only {@link OutOfMemoryError} is rethrown.
 */
class ProviderFailuresTest {

  /** Bodies for the constructor and methods of {@link #op}: nothing, or a throwing statement. */
  private static final String NOTHING = "";

  private static final String ASSERTION =
      "if (Boolean.TRUE) throw new AssertionError(\"not yet\");";
  private static final String OVERFLOW = "if (deeper(0) > 0) throw new AssertionError();";

  @TempDir Path dir;

  /** A plugin folder holding {@code plugin}, with a healthy op "twice" next to the faulty one. */
  private Path folderWith(PluginJar plugin) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    plugin.op("good.Twice", "twice", 1, "2 * x[0]", "g[0] = 2;").writeTo(folder.resolve("p.jar"));
    return folder;
  }

  /**
   * Loads the folder's jar both through a class loader and as a plugin folder: either way "twice"
   * works and the only problem is {@code expected}, once the jar's path is put in for "JAR".
   */
  private static void assertLeftOutAlone(Path folder, String expected) throws Exception {
    Path jar = folder.resolve("p.jar");
    String message = expected.replace("JAR", jar.toString());
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {jar.toUri().toURL()}, ProviderFailuresTest.class.getClassLoader())) {
      assertLeftOutAlone(OpRegistry.load(loader), message);
    }
    assertLeftOutAlone(OpRegistry.withPlugins(folder), message);
  }

  private static void assertLeftOutAlone(OpRegistry registry, String message) {
    assertThat(registry.problems()).extracting(ProviderProblem::message).containsExactly(message);
    assertThat(registry.names()).containsExactly("twice");
    Value x = Value.of(3, "x");
    Value y = x.apply(registry.get("twice"), new double[0]);
    y.backward();
    assertThat(y.data()).isEqualTo(6.0);
    assertThat(x.grad()).isEqualTo(2.0);
  }

  @Test
  void aProviderWhoseSuperclassIsMissingIsLeftOut() throws Exception {
    Path folder =
        folderWith(
            new PluginJar()
                .source("dep.Base", "package dep; public abstract class Base {}")
                .source(
                    "dep.Needy",
"""
package dep;
public final class Needy extends Base implements dev.opgrad.spi.Op {
  public String name() { return "needy"; }
  public int arity() { return 1; }
  public double forward(double[] x, double[] c) { return x[0]; }
  public void localGrad(double[] x, double[] c, double out, double[] g) { g[0] = 1; }
}
""")
                .omitClassFile("dep.Base")
                .service("dep.Needy"));

    assertLeftOutAlone(
        folder,
        "op provider dep.Needy (listed in JAR) cannot be loaded:"
            + " java.lang.NoClassDefFoundError: dep/Base");
  }

  @Test
  void aCorruptClassFileIsLeftOut() throws Exception {
    Path folder =
        folderWith(
            new PluginJar()
                .op("bad.Corrupt", "corrupt", 1, "x[0]", "g[0] = 1;")
                .editClassFile(
                    "bad.Corrupt",
                    bytes -> {
                      bytes[3] = (byte) 0xBF; // the magic number CAFEBABE becomes CAFEBABF
                      return bytes;
                    }));

    assertLeftOutAlone(
        folder,
        "op provider bad.Corrupt (listed in JAR) cannot be loaded: java.lang.ClassFormatError:"
            + " Incompatible magic value 3405691583 in class file bad/Corrupt");
  }

  @Test
  void aClassFileForANewerJdkIsLeftOut() throws Exception {
    int newer = Runtime.version().feature() + 45; // class file major versions: 61 is Java 17
    Path folder =
        folderWith(
            new PluginJar()
                .op("future.Op", "future", 1, "x[0]", "g[0] = 1;")
                .editClassFile(
                    "future.Op",
                    bytes -> {
                      bytes[6] = (byte) (newer >> 8);
                      bytes[7] = (byte) newer;
                      return bytes;
                    }));

    assertLeftOutAlone(
        folder,
        "op provider future.Op (listed in JAR) cannot be loaded:"
            + " java.lang.UnsupportedClassVersionError: future/Op has been compiled by a more"
            + " recent version of the Java Runtime (class file version "
            + newer
            + ".0), this version of the Java Runtime only recognizes class file versions up to "
            + (newer - 1)
            + ".0");
  }

  @Test
  void aProviderWhoseStaticInitializerThrowsIsReportedWithTheInitializersException()
      throws Exception {
    Path folder =
        folderWith(
            new PluginJar()
                .source(
                    "bad.Static",
"""
package bad;
public final class Static implements dev.opgrad.spi.Op {
  static { connect(); }
  private static void connect() { throw new IllegalStateException("no licence server"); }
  public String name() { return "static"; }
  public int arity() { return 1; }
  public double forward(double[] x, double[] c) { return x[0]; }
  public void localGrad(double[] x, double[] c, double out, double[] g) { g[0] = 1; }
}
""")
                .service("bad.Static"));

    assertLeftOutAlone(
        folder,
        "op provider bad.Static (from JAR) cannot be instantiated: a static initializer threw"
            + " java.lang.IllegalStateException: no licence server");
  }

  /**
   * The source of the op {@code packageName.ClassName}, named in lowercase, whose constructor,
   * {@code name()}, {@code arity()} and {@code constantCount()} first run the code given.
   */
  private static String op(
      String className, String constructor, String name, String arity, String constantCount) {
    int dot = className.indexOf('.');
    return """
    package %s;
    public final class %s implements dev.opgrad.spi.Op {
      public %2$s() { %s }
      public String name() { %s return "%s"; }
      public int arity() { %s return 1; }
      public int constantCount() { %s return 0; }
      public double forward(double[] x, double[] c) { return x[0]; }
      public void localGrad(double[] x, double[] c, double out, double[] g) { g[0] = 1; }
      private static int deeper(int n) { return deeper(n + 1) + 1; }
    }
    """
        .formatted(
            className.substring(0, dot),
            className.substring(dot + 1),
            constructor,
            name,
            className.substring(dot + 1).toLowerCase(Locale.ROOT),
            arity,
            constantCount);
  }

  @Test
  void anErrorFromAProvidersConstructorNameArityOrConstantCountLeavesItOut() throws Exception {
    Path folder =
        folderWith(
            new PluginJar()
                .source("err.Building", op("err.Building", ASSERTION, NOTHING, NOTHING, NOTHING))
                .service("err.Building")
                .source("err.Naming", op("err.Naming", NOTHING, OVERFLOW, NOTHING, NOTHING))
                .service("err.Naming")
                .source("err.Counting", op("err.Counting", NOTHING, NOTHING, ASSERTION, NOTHING))
                .service("err.Counting")
                .source("err.Constants", op("err.Constants", NOTHING, NOTHING, NOTHING, OVERFLOW))
                .service("err.Constants"));
    Path jar = folder.resolve("p.jar");

    OpRegistry registry = OpRegistry.withPlugins(folder);

    assertThat(registry.names()).containsExactly("twice");
    assertThat(registry.problems())
        .extracting(ProviderProblem::message)
        .containsExactly(
            "op provider err.Building (from "
                + jar
                + ") cannot be instantiated: java.lang.AssertionError: not yet",
            "op provider err.Naming (from "
                + jar
                + ") fails in name(): java.lang.StackOverflowError",
            "op provider err.Counting (from "
                + jar
                + ") fails in arity(): java.lang.AssertionError: not yet",
            "op provider err.Constants (from "
                + jar
                + ") fails in constantCount(): java.lang.StackOverflowError");
    // Once its name is known, asking for the op says what is wrong with it.
    assertThatThrownBy(() -> registry.get("counting"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("op 'counting' is unusable: " + registry.problems().get(2).message());
  }

  @Test
  void anOutOfMemoryErrorFromAProviderIsRethrown() throws Exception {
    Path folder =
        folderWith(
            new PluginJar()
                .source(
                    "oom.Hungry",
                    op(
                        "oom.Hungry",
                        "if (Boolean.TRUE) throw new OutOfMemoryError(\"simulated\");",
                        NOTHING,
                        NOTHING,
                        NOTHING))
                .service("oom.Hungry"));

    assertThatThrownBy(() -> OpRegistry.withPlugins(folder))
        .isExactlyInstanceOf(OutOfMemoryError.class)
        .hasMessage("simulated");
  }
}
