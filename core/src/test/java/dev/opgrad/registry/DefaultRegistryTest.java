package dev.opgrad.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import dev.opgrad.testing.IsolatedCore;
import dev.opgrad.testing.PluginJar;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default registry, which {@link Value}'s methods use, is built once per copy of opgrad; each
 * test therefore runs a fresh copy of core ({@link IsolatedCore}) whose class path holds plugin
 * jars, and asks it through probes that run inside that copy.
 */
class DefaultRegistryTest {

  @TempDir Path dir;

  /** The default registry's op names. */
  public static final class DefaultNames implements Callable<List<String>> {
    @Override
    public List<String> call() {
      return List.copyOf(OpRegistry.defaultRegistry().names());
    }
  }

  /** The default registry's problems. */
  public static final class DefaultProblems implements Callable<List<String>> {
    @Override
    public List<String> call() {
      return OpRegistry.defaultRegistry().problems().stream()
          .map(ProviderProblem::message)
          .toList();
    }
  }

  /** {@code Value.of(1).add(2)}, through the op "add" of the default registry. */
  public static final class OnePlusTwo implements Callable<Double> {
    @Override
    public Double call() {
      return Value.of(1).add(2).data();
    }
  }

  private static PluginJar add() {
    return new PluginJar().op("app.Add", "add", 2, "x[0] + x[1]", "g[0] = 1; g[1] = 1;");
  }

  /** A context class loader that sees no class and no resource at all, not even the JDK's. */
  private static URLClassLoader seesNothing() {
    return new URLClassLoader(new URL[0], null);
  }

  @Test
  void theDefaultRegistryIsTheSameWhicheverThreadAsksFirst() throws Exception {
    Path twice =
        new PluginJar()
            .op("app.Twice", "twice", 1, "2 * x[0]", "g[0] = 2;")
            .writeTo(dir.resolve("twice.jar"));

    try (IsolatedCore core = IsolatedCore.with(twice);
        URLClassLoader nothing = seesNothing()) {
      assertThat(core.call(DefaultNames.class, nothing)).containsExactly("twice");
      assertThat(core.call(DefaultNames.class, core.loader())).containsExactly("twice");
    }
  }

  @Test
  void arithmeticWorksWhenTheFirstCallerIsAThreadWhoseContextClassLoaderSeesNoOp()
      throws Exception {
    Path add = add().writeTo(dir.resolve("add.jar"));

    try (IsolatedCore core = IsolatedCore.with(add);
        URLClassLoader nothing = seesNothing()) {
      assertThat(core.call(OnePlusTwo.class, nothing)).isEqualTo(3.0);
      assertThat(core.call(OnePlusTwo.class, core.loader())).isEqualTo(3.0);
    }
  }

  @Test
  void aCorruptProviderOnTheClassPathCostsOnlyItself() throws Exception {
    Path corrupt =
        new PluginJar()
            .op("bad.Corrupt", "corrupt", 1, "x[0]", "g[0] = 1;")
            .editClassFile(
                "bad.Corrupt",
                bytes -> {
                  bytes[3] = (byte) 0xBF; // the magic number CAFEBABE becomes CAFEBABF
                  return bytes;
                })
            .writeTo(dir.resolve("corrupt.jar"));
    Path add = add().writeTo(dir.resolve("add.jar"));

    try (IsolatedCore core = IsolatedCore.with(corrupt, add)) {
      assertThat(core.call(OnePlusTwo.class, core.loader())).isEqualTo(3.0);
      assertThat(core.call(OnePlusTwo.class, core.loader())).isEqualTo(3.0);
      assertThat(core.call(DefaultProblems.class, core.loader()))
          .containsExactly(
              "op provider bad.Corrupt (listed in "
                  + corrupt
                  + ") cannot be loaded: java.lang.ClassFormatError: Incompatible magic value"
                  + " 3405691583 in class file bad/Corrupt");
    }
  }
}
