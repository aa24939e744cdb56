package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.testing.PluginJar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpCatalogTest {

  private static final OpRegistry REGISTRY = OpRegistry.load(OpCatalogTest.class.getClassLoader());

  @TempDir Path dir;

  /** Prints the catalog, with the two jars of the class path shown as BUILTIN and EXTRA. */
  private static String print(OpCatalog catalog) {
    StringWriter text = new StringWriter();
    catalog.print(new PrintWriter(text, true));
    return text.toString()
        .replace(System.lineSeparator(), "\n")
        .replace(REGISTRY.location("add"), "BUILTIN")
        .replace(REGISTRY.location("legendre3"), "EXTRA");
  }

  @Test
  void listsEveryOpOfTheClassPathWithItsProviderJarAndGradCheck() {
    OpCatalog catalog = OpCatalog.checked(REGISTRY);

    assertThat(print(catalog))
        .isEqualTo(
            """
name                 arity  constants  gradcheck            provider                                 location
abs                  1      0          passed (4 points)    dev.opgrad.ops.builtin.Abs               BUILTIN
add                  2      0          passed (16 points)   dev.opgrad.ops.builtin.Add               BUILTIN
cos                  1      0          passed (4 points)    dev.opgrad.ops.extra.Cos                 EXTRA
div                  2      0          passed (16 points)   dev.opgrad.ops.builtin.Div               BUILTIN
exp                  1      0          passed (4 points)    dev.opgrad.ops.builtin.Exp               BUILTIN
legendre             1      1          passed (72 points)   dev.opgrad.ops.extra.Legendre            EXTRA
legendre3            1      0          passed (4 points)    dev.opgrad.ops.extra.Legendre3           EXTRA
legendre_derivative  1      2          passed (288 points)  dev.opgrad.ops.extra.LegendreDerivative  EXTRA
linear               any    0          passed (16 points)   dev.opgrad.ops.builtin.Linear            BUILTIN
log                  1      0          passed (6 points)    dev.opgrad.ops.builtin.Log               BUILTIN
mean                 any    0          passed (20 points)   dev.opgrad.ops.builtin.Mean              BUILTIN
mul                  2      0          passed (16 points)   dev.opgrad.ops.builtin.Mul               BUILTIN
neg                  1      0          passed (4 points)    dev.opgrad.ops.builtin.Neg               BUILTIN
pow                  1      1          passed (36 points)   dev.opgrad.ops.builtin.Pow               BUILTIN
relu                 1      0          passed (4 points)    dev.opgrad.ops.builtin.Relu              BUILTIN
sigmoid              1      0          passed (9 points)    dev.opgrad.ops.extra.Sigmoid             EXTRA
sign                 1      0          passed (4 points)    dev.opgrad.ops.builtin.Sign              BUILTIN
sin                  1      0          passed (4 points)    dev.opgrad.ops.extra.Sin                 EXTRA
softplus             1      0          passed (9 points)    dev.opgrad.ops.extra.Softplus            EXTRA
sqrt                 1      0          passed (6 points)    dev.opgrad.ops.builtin.Sqrt              BUILTIN
step                 1      0          passed (4 points)    dev.opgrad.ops.builtin.Step              BUILTIN
sub                  2      0          passed (16 points)   dev.opgrad.ops.builtin.Sub               BUILTIN
sum                  any    0          passed (20 points)   dev.opgrad.ops.builtin.Sum               BUILTIN
tanh                 1      0          passed (4 points)    dev.opgrad.ops.builtin.Tanh              BUILTIN
24 ops
""");
    assertThat(catalog.allGood()).isTrue();
    assertThat(catalog.entries().get(0))
        .isEqualTo(
            new OpCatalog.Entry(
                "abs",
                1,
                0,
                "dev.opgrad.ops.builtin.Abs",
                REGISTRY.location("abs"),
                "passed (4 points)",
                ""));
  }

  @Test
  void reportsAWrongGradientAnOpThatThrowsAndTheRegistrysProblems() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path wrong =
        new PluginJar()
            .op("p.Cube", "cube", 1, "x[0] * x[0] * x[0]", "g[0] = 3 * x[0];")
            .writeTo(folder.resolve("cube.jar"));
    Path throwing =
        new PluginJar()
            .op("p.Fussy", "fussy", 1, "x[0]", "throw new ArithmeticException(\"no\");")
            .writeTo(folder.resolve("fussy.jar"));
    Path clash =
        new PluginJar()
            .op("p.MySin", "sin", 1, "Math.sin(x[0])", "g[0] = Math.cos(x[0]);")
            .writeTo(folder.resolve("my-sin.jar"));
    Path notAPlugin = Files.writeString(folder.resolve("readme.jar"), "not a zip");

    OpCatalog catalog = OpCatalog.checked(OpRegistry.withPlugins(folder));

    assertThat(catalog.allGood()).isFalse();
    assertThat(catalog.entries())
        .extracting(OpCatalog.Entry::name)
        .contains("cube", "fussy")
        .doesNotContain("sin");
    OpCatalog.Entry cube =
        catalog.entries().stream().filter(e -> e.name().equals("cube")).findFirst().get();
    assertThat(cube.passed()).isFalse();
    assertThat(cube.location()).isEqualTo(wrong.toString());
    assertThat(cube.gradCheck()).isEqualTo("FAILED (4 points)");
    assertThat(cube.failure())
        .isEqualTo(
            "gradcheck of 'cube' failed on 4 points; worst: input 0 at inputs [-0.6]:"
                + " analytic "
                + 3 * -0.6
                + ", numeric "
                + centralDifferenceOfCube(-0.6));
    assertThat(catalog.problems().get(0).message())
        .startsWith(
            "jar " + notAPlugin + " is not a valid op plugin: it cannot be read as a jar (");
    assertThat(print(catalog))
        .contains(
            "\ncube                 1      0          FAILED (4 points)    p.Cube"
                + "                                   "
                + wrong
                + "\n")
        .contains(
            "\nfussy                1      0          ERROR                p.Fussy"
                + "                                  "
                + throwing
                + "\n")
        .endsWith(
            "\n25 ops\n"
                + "2 gradcheck failure(s):\n"
                + "  "
                + cube.failure()
                + "\n"
                + "  op 'fussy' failed at inputs [-1.7]: java.lang.ArithmeticException: no\n"
                + "2 problem(s):\n"
                + "  "
                + catalog.problems().get(0).message()
                + "\n"
                + "  2 providers are named 'sin': dev.opgrad.ops.extra.Sin (from EXTRA) and p.MySin"
                + " (from "
                + clash
                + "); remove all but one of them\n");
  }

  private static double centralDifferenceOfCube(double x) {
    double eps = 1e-6;
    double above = (x + eps) * (x + eps) * (x + eps);
    double below = (x - eps) * (x - eps) * (x - eps);
    return (above - below) / (2 * eps);
  }
}
