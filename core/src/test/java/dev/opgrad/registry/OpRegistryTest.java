package dev.opgrad.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import dev.opgrad.testing.PluginJar;
import dev.opgrad.testing.TestOps;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpRegistryTest {

  @TempDir Path dir;

  private static PluginJar twice(String className) {
    return new PluginJar().op(className, "twice", 1, "2 * x[0]", "g[0] = 2;");
  }

  /** The registry's healthy op works in a graph, and graphs unrelated to it still work. */
  private static void assertTwiceStillWorks(OpRegistry registry) {
    Value x = Value.of(3, "x");
    Value y = x.apply(registry.get("twice"), new double[0]);
    y.backward();
    assertThat(y.data()).isEqualTo(6.0);
    assertThat(x.grad()).isEqualTo(2.0);
  }

  private static URLClassLoader loaderOf(Path... jars) throws Exception {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      urls[i] = jars[i].toUri().toURL();
    }
    return new URLClassLoader(urls, OpRegistryTest.class.getClassLoader());
  }

  @Test
  void discoversAnOpThroughASeparateClassLoaderAndUsesItInAGraph() throws Exception {
    Path jar = twice("plugin.Twice").writeTo(dir.resolve("twice.jar"));

    try (URLClassLoader loader = loaderOf(jar)) {
      OpRegistry registry = OpRegistry.load(loader);

      assertThat(registry.names()).containsExactly("twice");
      assertThat(registry.problems()).isEmpty();
      assertThat(registry.location("twice")).isEqualTo(jar.toString());
      Op twice = registry.get("twice");
      assertThat(twice.getClass().getName()).isEqualTo("plugin.Twice");
      assertThat(twice.getClass().getClassLoader()).isSameAs(loader);

      Value x = Value.of(3, "x");
      Value y = x.apply(twice, new double[0]);
      y.backward();
      assertThat(y.data()).isEqualTo(6.0);
      assertThat(x.grad()).isEqualTo(2.0);
    }
    // The class path of this test has no op at all.
    assertThat(OpRegistry.load(OpRegistryTest.class.getClassLoader()).names()).isEmpty();
  }

  @Test
  void anOpCompiledFromSourceAndDroppedInAsAJarIsUsedByNameWithCorrectGradients() throws Exception {
    Path jar =
        new PluginJar()
            .source(
                "com.example.ops.Hypot",
                """
package com.example.ops;

import dev.opgrad.spi.Op;

/** hypot(a, b) = sqrt(a² + b²), written by a third party against opgrad-core only. */
public final class Hypot implements Op {
  @Override public String name() { return "hypot"; }
  @Override public int arity() { return 2; }
  @Override public double forward(double[] in, double[] constants) {
    return Math.hypot(in[0], in[1]);
  }
  @Override public void localGrad(
      double[] in, double[] constants, double out, double[] grads) {
    grads[0] = in[0] / out;
    grads[1] = in[1] / out;
  }
}
""")
            .service("com.example.ops.Hypot")
            .writeTo(dir.resolve("hypot.jar"));

    try (URLClassLoader loader = loaderOf(jar)) {
      OpRegistry registry = OpRegistry.load(loader);
      Value x = Value.of(3, "x");
      Value y = Value.of(4, "y");

      // s = hypot(x, y) * hypot(x, y) = x² + y², so ds/dx = 2x and ds/dy = 2y.
      Value r = x.apply(registry.get("hypot"), new double[0], y);
      Value s = r.apply(TestOps.TIMES, new double[0], r);
      s.backward();

      assertThat(registry.location("hypot")).isEqualTo(jar.toString());
      assertThat(r.op().getClass().getClassLoader()).isSameAs(loader);
      assertThat(r.data()).isEqualTo(5.0);
      assertThat(s.data()).isEqualTo(25.0);
      assertThat(r.grad()).isEqualTo(10.0);
      assertThat(x.grad()).isCloseTo(6.0, within(1e-15));
      assertThat(y.grad()).isCloseTo(8.0, within(1e-15));
      GradCheckResult check =
          GradCheck.defaults()
              .check(registry.get("hypot"), List.of(Point.of(3, 4), Point.of(-1, 0.5)));
      assertThat(check.passed()).as(check.toString()).isTrue();
    }

    // The same jar dropped into a plugin folder: the op is there by name, on top of the class path.
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Files.copy(jar, folder.resolve("hypot.jar"));
    OpRegistry withPlugins = OpRegistry.withPlugins(folder);
    Value a = Value.of(-5, "a");
    Value b = Value.of(12, "b");
    Value c = a.apply(withPlugins.get("hypot"), new double[0], b);
    c.backward();
    assertThat(withPlugins.names()).containsExactly("hypot");
    assertThat(withPlugins.problems()).isEmpty();
    assertThat(c.data()).isEqualTo(13.0);
    assertThat(a.grad()).isEqualTo(-5.0 / 13);
    assertThat(b.grad()).isEqualTo(12.0 / 13);
  }

  @Test
  void twoProvidersOfOneNameAreReportedWithBothClassesAndJarsAndOtherOpsStillWork()
      throws Exception {
    Path first = twice("one.Twice").writeTo(dir.resolve("one.jar"));
    Path second = twice("two.Doubler").writeTo(dir.resolve("two.jar"));
    Path other =
        new PluginJar()
            .op("three.Square", "square", 1, "x[0] * x[0]", "g[0] = 2 * x[0];")
            .writeTo(dir.resolve("three.jar"));

    try (URLClassLoader loader = loaderOf(first, second, other)) {
      OpRegistry registry = OpRegistry.load(loader);

      String expected =
          "2 providers are named 'twice': one.Twice (from "
              + first
              + ") and two.Doubler (from "
              + second
              + "); remove all but one of them";
      assertThat(registry.problems())
          .extracting(ProviderProblem::message)
          .containsExactly(expected);
      ProviderProblem clash = registry.problems().get(0);
      assertThat(clash.providerClasses()).containsExactly("one.Twice", "two.Doubler");
      assertThat(clash.locations()).containsExactly(first.toString(), second.toString());
      assertThat(clash.opName()).contains("twice");
      assertThatThrownBy(() -> registry.get("twice"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("op 'twice' is unusable: " + expected);
      assertThat(registry.names()).containsExactly("square");
      assertThat(Value.of(3).apply(registry.get("square"), new double[0]).data()).isEqualTo(9.0);
    }
  }

  @Test
  void aProviderWhoseConstructorThrowsIsReportedWithItsClassAndCause() throws Exception {
    Path broken =
        new PluginJar()
            .source(
                "bad.Broken",
                """
package bad;
public final class Broken implements dev.opgrad.spi.Op {
  public Broken() { throw new IllegalStateException("no licence key"); }
  public String name() { return "broken"; }
  public int arity() { return 1; }
  public double forward(double[] x, double[] c) { return x[0]; }
  public void localGrad(double[] x, double[] c, double out, double[] g) { g[0] = 1; }
}
""")
            .service("bad.Broken")
            .op("good.Twice", "twice", 1, "2 * x[0]", "g[0] = 2;")
            .writeTo(dir.resolve("mixed.jar"));

    try (URLClassLoader loader = loaderOf(broken)) {
      OpRegistry registry = OpRegistry.load(loader);

      assertThat(registry.names()).containsExactly("twice");
      ProviderProblem problem = registry.problems().get(0);
      assertThat(registry.problems()).hasSize(1);
      assertThat(problem.providerClasses()).containsExactly("bad.Broken");
      assertThat(problem.locations()).containsExactly(broken.toString());
      assertThat(problem.opName()).isEmpty();
      assertThat(problem.cause())
          .get()
          .isInstanceOf(IllegalStateException.class)
          .extracting(Throwable::getMessage)
          .isEqualTo("no licence key");
      assertThat(problem.message())
          .isEqualTo(
              "op provider bad.Broken (from "
                  + broken
                  + ") cannot be instantiated: java.lang.IllegalStateException: no licence key");
      assertThatThrownBy(() -> registry.get("broken"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "no op named 'broken'; known ops: twice; providers that failed to load, one of"
                  + " which may be it: "
                  + problem.message());
      assertTwiceStillWorks(registry);
    }
  }

  @Test
  void anOpThatDescribesItselfWronglyIsLeftOut() throws Exception {
    Path jar =
        new PluginJar()
            .op("bad.Spaced", "Bad Name", 1, "x[0]", "g[0] = 1;")
            .op("bad.Nullary", "nullary", 0, "1", "")
            .writeTo(dir.resolve("bad.jar"));

    try (URLClassLoader loader = loaderOf(jar)) {
      OpRegistry registry = OpRegistry.load(loader);

      assertThat(registry.names()).isEmpty();
      assertThat(registry.problems())
          .extracting(ProviderProblem::message)
          .containsExactly(
              "op provider bad.Spaced (from "
                  + jar
                  + ") has an invalid name 'Bad Name': a name is a"
                  + " lowercase letter followed by lowercase letters, digits or underscores",
              "op provider bad.Nullary (from "
                  + jar
                  + ") (op 'nullary') has arity 0; an op takes at"
                  + " least 1 input");
      assertThatThrownBy(() -> registry.get("nullary"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("has arity 0");
    }
  }

  @Test
  void anUnknownNameListsTheKnownNames() throws Exception {
    Path jar =
        new PluginJar()
            .op("p.Twice", "twice", 1, "2 * x[0]", "g[0] = 2;")
            .op("p.Square", "square", 1, "x[0] * x[0]", "g[0] = 2 * x[0];")
            .writeTo(dir.resolve("p.jar"));

    try (URLClassLoader loader = loaderOf(jar)) {
      OpRegistry registry = OpRegistry.load(loader);

      assertThat(registry.names()).containsExactly("square", "twice");
      assertThat(registry.contains("cube")).isFalse();
      assertThatThrownBy(() -> registry.get("cube"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no op named 'cube'; known ops: square, twice");
      assertThatThrownBy(() -> registry.location("cube"))
          .hasMessage("no op named 'cube'; known ops: square, twice");
    }
  }

  @Test
  void anEmptyRegistrySaysSo() {
    OpRegistry registry = OpRegistry.load(OpRegistryTest.class.getClassLoader());

    assertThatThrownBy(() -> registry.get("add"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no op named 'add'; no op is registered");
    assertThat(registry).hasToString("OpRegistry[]");
  }

  @Test
  void loadUsesTheThreadContextClassLoader() throws Exception {
    Path jar = twice("ctx.Twice").writeTo(dir.resolve("ctx.jar"));
    try (URLClassLoader loader = loaderOf(jar)) {
      assertThat(withContextClassLoader(loader, OpRegistry::load).names()).containsExactly("twice");
    }
  }

  /** Runs {@code action} with {@code loader} as the thread's context class loader. */
  private static <T> T withContextClassLoader(ClassLoader loader, Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  @Test
  void aPluginFoldersOpsApplyByNameThroughTheirRegistry() throws Exception {
    Path folder = java.nio.file.Files.createDirectories(dir.resolve("plugins"));
    twice("plug.Twice").writeTo(folder.resolve("twice.jar"));
    OpRegistry plugins = OpRegistry.withPlugins(folder);
    Value x = Value.of(3, "x");

    Value y = x.apply(plugins, "twice", new double[0]);
    y.backward();

    assertThat(y.data()).isEqualTo(6.0);
    assertThat(x.grad()).isEqualTo(2.0);
    assertThatThrownBy(() -> x.apply(plugins, "thrice", new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot apply 'thrice' to 'x' (3.0): no op named 'thrice'; known ops: twice");
    // The default registry, on this test's class path, has no op: the name is not found there.
    assertThatThrownBy(() -> x.apply("twice"))
        .hasMessage("cannot apply 'twice' to 'x' (3.0): no op named 'twice'; no op is registered");
  }

  @Test
  void aPluginFolderAddsItsJarsOpsAndReportsJarsThatAreNotPlugins() throws Exception {
    Path folder = java.nio.file.Files.createDirectories(dir.resolve("plugins"));
    Path good = twice("plug.Twice").writeTo(folder.resolve("b-twice.jar"));
    Path clash = twice("plug.OtherTwice").writeTo(folder.resolve("c-clash.jar"));
    Path empty =
        new PluginJar()
            .source("plug.Nothing", "package plug; public class Nothing {}")
            .writeTo(folder.resolve("a-empty.jar"));
    Path corrupt = java.nio.file.Files.writeString(folder.resolve("d-corrupt.jar"), "not a zip");
    Path square =
        new PluginJar()
            .op("plug.Square", "square", 1, "x[0] * x[0]", "g[0] = 2 * x[0];")
            .writeTo(folder.resolve("e-square.jar"));
    Path commented =
        new PluginJar().service("# no provider yet").writeTo(folder.resolve("f-commented.jar"));
    java.nio.file.Files.writeString(folder.resolve("notes.txt"), "ignored");

    OpRegistry registry = OpRegistry.withPlugins(folder);

    assertThat(registry.names()).containsExactly("square");
    assertThat(registry.location("square")).isEqualTo(square.toString());
    assertThat(registry.problems())
        .extracting(ProviderProblem::message)
        .containsExactly(
            "jar "
                + empty
                + " is not a valid op plugin: it has no META-INF/services/dev.opgrad.spi.Op"
                + " entry, so it provides no op",
            "jar "
                + corrupt
                + " is not a valid op plugin: it cannot be read as a jar ("
                + corruptJarMessage(corrupt)
                + ")",
            "jar "
                + commented
                + " is not a valid op plugin: its META-INF/services/dev.opgrad.spi.Op entry"
                + " lists no class",
            "2 providers are named 'twice': plug.Twice (from "
                + good
                + ") and plug.OtherTwice (from "
                + clash
                + "); remove all but one of them");
    assertThatThrownBy(() -> registry.get("twice")).hasMessageContaining(clash.toString());
    assertThatThrownBy(() -> OpRegistry.withPlugins(dir.resolve("absent")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plugin folder " + dir.resolve("absent") + " is not a directory");
  }

  /** What this JDK says of a file that is not a zip. */
  private static String corruptJarMessage(Path file) {
    try (java.util.jar.JarFile ignored = new java.util.jar.JarFile(file.toFile())) {
      throw new AssertionError(file + " opened as a jar");
    } catch (java.io.IOException e) {
      return e.getMessage();
    }
  }

  @Test
  void aPluginJarBringingAProviderTheClassPathAlreadyHasIsReported() throws Exception {
    Path onClassPath = twice("shadow.Twice").writeTo(dir.resolve("app/twice.jar"));
    Path folder = java.nio.file.Files.createDirectories(dir.resolve("plugins"));
    Path copy = java.nio.file.Files.copy(onClassPath, folder.resolve("twice-copy.jar"));
    try (URLClassLoader application = loaderOf(onClassPath)) {
      OpRegistry registry =
          withContextClassLoader(application, () -> OpRegistry.withPlugins(folder));

      assertThat(registry.names()).containsExactly("twice");
      assertThat(registry.location("twice")).isEqualTo(onClassPath.toString());
      assertThat(registry.problems())
          .extracting(ProviderProblem::message)
          .containsExactly(
              "jar "
                  + copy
                  + " brings op provider shadow.Twice, which is already on the"
                  + " class path (from "
                  + onClassPath
                  + "); the class path's copy is used: remove it"
                  + " from the plugin folder");
    }
  }
}
