package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.testing.PluginJar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListOpsTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ListOps.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void listsTheClassPathsOpsAndSucceedsWhenAllPass() {
    assertThat(run()).isEqualTo(0);

    assertThat(out()).startsWith("name       arity  constants  gradcheck ").endsWith("\n16 ops\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void addsTheOpsOfAPluginFolder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path jar = new PluginJar().op("ext.Cube", "cube", 1, "x[0] * x[0] * x[0]", "g[0] = 3 * x[0] * x[0];")
        .writeTo(folder.resolve("cube.jar"));

    assertThat(run("--plugins", folder.toString())).isEqualTo(0);

    assertThat(out())
        .contains("\ncube       1      0          passed (4 points)   ext.Cube                        "
            + jar + "\n")
        .endsWith("\n17 ops\n");
  }

  @Test
  void aJarThatIsNotAPluginOrClashesIsNamedAndTheOtherOpsStillList() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path empty = new PluginJar().source("x.Nothing", "package x; public class Nothing {}")
        .writeTo(folder.resolve("empty.jar"));
    Path clash = new PluginJar().op("x.Tanh", "tanh", 1, "Math.tanh(x[0])", "g[0] = 1 - out * out;")
        .writeTo(folder.resolve("tanh.jar"));

    assertThat(run("--plugins=" + folder)).isEqualTo(1);

    assertThat(out())
        .doesNotContain("\ntanh ")
        .contains("\nsin        1      0  ")
        .contains("\n15 ops\n2 problem(s):\n  jar " + empty + " is not a valid op plugin: it has no"
            + " META-INF/services/dev.opgrad.spi.Op entry, so it provides no op\n")
        .contains("  2 providers are named 'tanh': dev.opgrad.ops.builtin.Tanh (from ")
        .contains(" and x.Tanh (from " + clash + "); remove all but one of them from the class path\n");
  }

  @Test
  void wrongArgumentsGiveTheUsageAndStatusTwo() {
    assertThat(run("--plugins")).isEqualTo(2);
    assertThat(run("--plugins", dir.resolve("absent").toString())).isEqualTo(2);
    assertThat(run("--verbose")).isEqualTo(2);

    assertThat(err())
        .isEqualTo("option --plugins needs a folder\n" + usage()
            + "plugin folder " + dir.resolve("absent") + " is not a directory\n"
            + "unexpected argument '--verbose'\n" + usage());
    assertThat(out()).isEmpty();
  }

  @Test
  void helpPrintsTheUsage() {
    assertThat(run("--help")).isEqualTo(0);

    assertThat(out()).isEqualTo(usage());
  }

  private static String usage() {
    return """
        usage: ListOps [--plugins DIR]
          Lists every discovered op (name, arity, provider class, jar, gradcheck result).
          --plugins DIR  also load the op jars in DIR, on top of the class path
        """;
  }
}
