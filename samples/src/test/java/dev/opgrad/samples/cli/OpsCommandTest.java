package dev.opgrad.samples.cli;

import static dev.opgrad.samples.cli.OpgradCliTest.run;
import static dev.opgrad.samples.cli.OpgradCliTest.runIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.samples.cli.OpgradCliTest.Run;
import dev.opgrad.testing.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
            "name                 arity  constants  gradcheck  provider"
                + "                                 location\n"
                + "abs                  1      0          -          dev.opgrad.ops.builtin.Abs"
                + "               ")
        .endsWith("\n24 ops\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void checkGradchecksEveryOp() {
    Run run = run("ops", "--check");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "\nlegendre             1      1          passed (72 points)   "
                + "dev.opgrad.ops.extra.Legendre            ")
        .endsWith("\n24 ops\n");
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
            "\ncube                 1      0          passed (4 points)    ext.Cube"
                + "                                 "
                + jar
                + "\n")
        .endsWith("\n25 ops\n");
    assertThat(eval.exitCode()).isZero();
    assertThat(eval.out()).isEqualTo("cube(x) + x = 10.0\nd/dx = 13.0\n");
  }

  @Test
  void aJarThatIsNotAPluginOrClashesIsNamedAndTheOtherOpsStillWork() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path empty = notAPlugin(folder);
    Path clash = clashingTanh(folder);

    Run listing = run("--plugins", folder.toString(), "ops");
    Run unrelated = run("--plugins", folder.toString(), "eval", "sin(x)", "x=0");

    assertThat(listing.exitCode()).isEqualTo(1);
    assertThat(listing.out())
        .doesNotContain("\ntanh ")
        .endsWith(
            "\n23 ops\n2 problem(s):\n  "
                + notAPluginMessage(empty)
                + "\n  "
                + clashMessage(clash)
                + "\n");
    assertThat(listing.err()).isEmpty();
    assertThat(unrelated.exitCode()).isZero();
    assertThat(unrelated.out()).isEqualTo("sin(x) = 0.0\nd/dx = 1.0\n");
  }

  @Test
  void eachProblemIsPrintedOnceAndNothingGoesThroughLogging() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path empty = notAPlugin(folder);
    Path clash = clashingTanh(folder);
    List<LogRecord> logged = new ArrayList<>();
    Handler handler = recordingInto(logged);
    Logger opgradLogger = Logger.getLogger("dev.opgrad");
    opgradLogger.addHandler(handler);

    Run run;
    try {
      run = run("--plugins", folder.toString(), "eval", "tanh(x)", "x=0");
    } finally {
      opgradLogger.removeHandler(handler);
    }

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "opgrad: warning: "
                + notAPluginMessage(empty)
                + "\nopgrad: warning: "
                + clashMessage(clash)
                + "\nopgrad: column 1: op 'tanh' is unusable, as a warning above says\n"
                + "  tanh(x)\n"
                + "  ^\n");
    assertThat(logged)
        .extracting(LogRecord::getMessage)
        .as("messages logged through java.util.logging")
        .isEmpty();
  }

  private static Path notAPlugin(Path folder) throws IOException {
    return new PluginJar()
        .source("x.Nothing", "package x; public class Nothing {}")
        .writeTo(folder.resolve("empty.jar"));
  }

  private static String notAPluginMessage(Path jar) {
    return "jar "
        + jar
        + " is not a valid op plugin: it has no"
        + " META-INF/services/dev.opgrad.spi.Op entry, so it provides no op";
  }

  private static Path clashingTanh(Path folder) throws IOException {
    return new PluginJar()
        .op("x.Tanh", "tanh", 1, "Math.tanh(x[0])", "g[0] = 1 - out * out;")
        .writeTo(folder.resolve("tanh.jar"));
  }

  /** Both providers with their jars, and no word of a class path the plugin is not on. */
  private static String clashMessage(Path jar) {
    return "2 providers are named 'tanh': dev.opgrad.ops.builtin.Tanh (from "
        + OpRegistry.load().location("tanh")
        + ") and x.Tanh (from "
        + jar
        + "); remove all but one of them";
  }

  @Test
  void anOpWhoseLocalGradientThrowsIsNamedWithItsValues() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    new PluginJar()
        .op("ext.Flaky", "flaky", 1, "x[0]", "throw new ArithmeticException(\"no derivative\");")
        .writeTo(folder.resolve("flaky.jar"));

    Run run = run("--plugins", folder.toString(), "eval", "2 * flaky(x)", "x=3");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "opgrad: op 'flaky' failed computing its local gradient for output of 'flaky' (3.0)"
                + " at 'x' (3.0): no derivative\n");
  }

  @Test
  void anErrorFromAnOpsCodeIsOneLineToo() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    new PluginJar()
        .op("ext.Broken", "broken", 1, "Boom.now()", "g[0] = 1;")
        .source(
            "ext.Boom",
            "package ext; public class Boom { public static double now() {"
                + " throw new AssertionError(\"no forward today\"); } }")
        .writeTo(folder.resolve("broken.jar"));

    Run run = run("--plugins", folder.toString(), "eval", "broken(x)", "x=1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("opgrad: java.lang.AssertionError: no forward today\n");
  }

  @Test
  void aGradCheckThatCannotRunFailsThatOpAndTheListingGoesOn() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    String throwing = "throw new IllegalStateException(\"no\");";
    new PluginJar()
        .source("ext.Pointless", withPoints("Pointless", throwing))
        .service("ext.Pointless")
        .source("ext.Misfit", withPoints("Misfit", "return List.of(Point.of(1, 2));"))
        .service("ext.Misfit")
        .op("ext.Asserting", "asserting", 1, "x[0]", "throw new AssertionError(\"unreachable\");")
        .writeTo(folder.resolve("odd.jar"));

    Run run = run("--plugins", folder.toString(), "ops", "--check");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("\nasserting            1      0          ERROR                ext.Asserting   ")
        .contains("\nmisfit               1      0          ERROR                ext.Misfit      ")
        .contains("\npointless            1      0          ERROR                ext.Pointless   ")
        .contains(
            "\ntanh                 1      0          passed (4 points)    "
                + "dev.opgrad.ops.builtin.Tanh")
        .endsWith(
            "\n27 ops\n"
                + "3 gradcheck failure(s):\n"
                + "  op 'asserting' failed its gradcheck: java.lang.AssertionError: unreachable\n"
                + "  op 'misfit' takes 1 inputs and 0 constants; the point has inputs [1.0, 2.0]\n"
                + "  op 'pointless': gradCheckPoints() threw java.lang.IllegalStateException:"
                + " no\n");
  }

  /**
   * The source of op {@code ext.ClassName}, named in lower case, the identity of one input, whose
   * {@code gradCheckPoints()} runs {@code body}.
   */
  private static String withPoints(String className, String body) {
    return "package ext;\n"
        + "import dev.opgrad.spi.Point;\n"
        + "import java.util.List;\n"
        + "public final class "
        + className
        + " implements dev.opgrad.spi.Op {\n"
        + "  public String name() { return \""
        + className.toLowerCase(Locale.ROOT)
        + "\"; }\n"
        + "  public int arity() { return 1; }\n"
        + "  public double forward(double[] x, double[] c) { return x[0]; }\n"
        + "  public void localGrad(double[] x, double[] c, double out, double[] g) { g[0] = 1; }\n"
        + "  public List<Point> gradCheckPoints() { "
        + body
        + " }\n"
        + "}\n";
  }

  private static Handler recordingInto(List<LogRecord> records) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  @Test
  void thePluginFolderComesFromOpgradPluginsUnlessTheOptionNamesOne() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    new PluginJar()
        .op("ext.Cube", "cube", 1, "x[0] * x[0] * x[0]", "g[0] = 3 * x[0] * x[0];")
        .writeTo(folder.resolve("cube.jar"));
    Path other = Files.createDirectories(dir.resolve("other"));

    Run fromTheVariable = runIn(Map.of("OPGRAD_PLUGINS", folder.toString()), "ops");
    Run fromTheOption =
        runIn(Map.of("OPGRAD_PLUGINS", folder.toString()), "--plugins", other.toString(), "ops");

    assertThat(fromTheVariable.out()).contains("\ncube ").endsWith("\n25 ops\n");
    assertThat(fromTheOption.out()).doesNotContain("\ncube ").endsWith("\n24 ops\n");
  }

  @Test
  void anEmptyPluginPathIsAUsageErrorNotTheWorkingDirectory() {
    Run option = run("--plugins", "", "ops");
    Run optionAfterTheCommand = run("eval", "--plugins=", "x", "x=1");
    Run blank = run("--plugins", "  ", "ops");
    Run variable = runIn(Map.of("OPGRAD_PLUGINS", ""), "ops");

    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.out()).isEmpty();
    assertThat(option.err()).isEqualTo("opgrad: --plugins names no folder: it is empty\n");
    assertThat(optionAfterTheCommand.exitCode()).isEqualTo(2);
    assertThat(optionAfterTheCommand.err()).isEqualTo(option.err());
    assertThat(blank.err()).isEqualTo(option.err());
    assertThat(variable.exitCode()).isEqualTo(2);
    assertThat(variable.out()).isEmpty();
    assertThat(variable.err()).isEqualTo("opgrad: OPGRAD_PLUGINS names no folder: it is empty\n");
  }
}
