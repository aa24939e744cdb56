package dev.opgrad.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.testing.PluginJar;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each problem is said once, in {@link OpRegistry#problems()}, and messages stay readable. */
class ProblemReportingTest {

  @TempDir Path dir;

  private static URLClassLoader loaderOf(Path... jars) throws Exception {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      urls[i] = jars[i].toUri().toURL();
    }
    return new URLClassLoader(urls, ProblemReportingTest.class.getClassLoader());
  }

  private static PluginJar twice(String className) {
    return new PluginJar().op(className, "twice", 1, "2 * x[0]", "g[0] = 2;");
  }

  @Test
  void aNameClaimedByThreeProvidersIsOneProblemSaidOnce() throws Exception {
    Path one = twice("one.Twice").writeTo(dir.resolve("one.jar"));
    Path two = twice("two.Doubler").writeTo(dir.resolve("two.jar"));
    Path three = twice("three.Dup").writeTo(dir.resolve("three.jar"));

    try (URLClassLoader loader = loaderOf(one, two, three)) {
      OpRegistry registry = OpRegistry.load(loader);

      String clash =
          "3 providers are named 'twice': one.Twice (from "
              + one
              + "), two.Doubler (from "
              + two
              + ") and three.Dup (from "
              + three
              + "); remove all but one of them";
      assertThat(registry.problems()).extracting(ProviderProblem::message).containsExactly(clash);
      assertThatThrownBy(() -> registry.get("twice"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("op 'twice' is unusable: " + clash);
    }
  }

  @Test
  void problemsAreNotLogged() throws Exception {
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    twice("one.Twice").writeTo(folder.resolve("one.jar"));
    twice("two.Doubler").service("gone.Missing").writeTo(folder.resolve("two.jar"));
    try {
      assertThat(OpRegistry.withPlugins(folder).problems()).hasSize(2);
    } finally {
      root.removeHandler(capture);
      root.setLevel(level);
    }

    assertThat(records)
        .extracting(LogRecord::getLoggerName)
        .noneMatch(name -> name.startsWith("dev.opgrad"));
  }

  @Test
  void anUnknownNameEmbedsAtMostTwentyProblemsOfAHugeServicesFile() throws Exception {
    PluginJar huge = twice("p.Twice");
    for (int i = 0; i < 10_000; i++) {
      huge.service("gone.Missing" + i);
    }
    Path jar = huge.writeTo(dir.resolve("huge.jar"));

    try (URLClassLoader loader = loaderOf(jar)) {
      OpRegistry registry = OpRegistry.load(loader);

      assertThat(registry.problems()).hasSize(10_000);
      assertThat(registry.problems().get(9_999).message())
          .isEqualTo(
              "op provider gone.Missing9999 (listed in "
                  + jar
                  + ") cannot be loaded: Provider gone.Missing9999 not found");
      String first20 =
          registry.problems().stream()
              .limit(20)
              .map(ProviderProblem::message)
              .collect(Collectors.joining("; "));
      assertThatThrownBy(() -> registry.get("cube"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "no op named 'cube'; known ops: twice; providers that failed to load, one of which"
                  + " may be it: "
                  + first20
                  + "; … and 9980 more");
    }
  }
}
