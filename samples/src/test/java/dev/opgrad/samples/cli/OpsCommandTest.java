package dev.opgrad.samples.cli;

import static dev.opgrad.samples.cli.OpgradCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.samples.cli.OpgradCliTest.Run;
import dev.opgrad.testing.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsCommandTest {

  @TempDir Path dir;

  @Test
  void listsTheClassPathsOpsWithoutCheckingThem() {
    Run run = run("ops");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            "name       arity  constants  gradcheck  provider                        location\n"
                + "add        2      0          -          dev.opgrad.ops.builtin.Add      ")
        .endsWith("\n19 ops\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void checkGradchecksEveryOp() {
    Run run = run("ops", "--check");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "\nlegendre   1      1          passed (72 points)  dev.opgrad.ops.extra.Legendre   ")
        .endsWith("\n19 ops\n");
  }

  @Test
  void addsTheOpsOfAPluginFolderBuiltAtTestTimeAndUsesThemInExpressions() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path jar =
        new PluginJar()
            .op("ext.Cube", "cube", 1, "x[0] * x[0] * x[0]", "g[0] = 3 * x[0] * x[0];")
            .writeTo(folder.resolve("cube.jar"));

    Run listing = run("--plugins", folder.toString(), "ops", "--check");
    Run eval = run("eval", "--plugins=" + folder, "cube(x) + x", "x=2");

    assertThat(listing.exitCode()).isZero();
    assertThat(listing.out())
        .contains(
            "\ncube       1      0          passed (4 points)   ext.Cube                        "
                + jar
                + "\n")
        .endsWith("\n20 ops\n");
    assertThat(eval.exitCode()).isZero();
    assertThat(eval.out()).isEqualTo("cube(x) + x = 10.0\nd/dx = 13.0\n");
  }

  @Test
  void aJarThatIsNotAPluginOrClashesIsNamedAndTheOtherOpsStillWork() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path empty =
        new PluginJar()
            .source("x.Nothing", "package x; public class Nothing {}")
            .writeTo(folder.resolve("empty.jar"));
    Path clash =
        new PluginJar()
            .op("x.Tanh", "tanh", 1, "Math.tanh(x[0])", "g[0] = 1 - out * out;")
            .writeTo(folder.resolve("tanh.jar"));
    String notAPlugin =
        "jar "
            + empty
            + " is not a valid op plugin: it has no"
            + " META-INF/services/dev.opgrad.spi.Op entry, so it provides no op";

    Run listing = run("--plugins", folder.toString(), "ops");
    Run unrelated = run("--plugins", folder.toString(), "eval", "sin(x)", "x=0");
    Run clashing = run("--plugins", folder.toString(), "eval", "tanh(x)", "x=0");

    assertThat(listing.exitCode()).isEqualTo(1);
    assertThat(listing.out())
        .doesNotContain("\ntanh ")
        .contains("\n18 ops\n2 problem(s):\n  " + notAPlugin + "\n")
        .contains("  2 providers are named 'tanh': dev.opgrad.ops.builtin.Tanh (from ")
        .contains(
            " and x.Tanh (from " + clash + "); remove all but one of them\n");
    assertThat(unrelated.exitCode()).isZero();
    assertThat(unrelated.out()).isEqualTo("sin(x) = 0.0\nd/dx = 1.0\n");
    assertThat(unrelated.err()).startsWith("opgrad: warning: " + notAPlugin + "\n");
    assertThat(clashing.exitCode()).isEqualTo(1);
    assertThat(clashing.err())
        .contains("\nopgrad: column 1: op 'tanh' is unusable: 2 providers are named 'tanh': ");
  }

  @Test
  void thePluginFolderCanComeFromTheEnvironmentVariablesDefault() {
    // picocli resolves ${env:OPGRAD_PLUGINS}; without it set, the class path alone is used.
    assertThat(System.getenv("OPGRAD_PLUGINS")).isNull();
    assertThat(run("ops").out()).endsWith("\n19 ops\n");
  }
}
