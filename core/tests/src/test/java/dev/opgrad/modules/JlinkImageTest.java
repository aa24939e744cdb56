package dev.opgrad.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code jlink} image of {@link ModuleApp}'s application runs it. jlink takes explicit modules
 * only, so the image holds the app, opgrad's three modules, the named plugin module, Guava and
 * failureaccess (and java.base and java.logging), but not the plain plugin jar; and it does not
 * bind services unless told to, so the op modules are named with {@code --add-modules}. Once in
 * the image, they are found by service binding at startup, as on a module path.
 */
class JlinkImageTest {

  @TempDir Path dir;

  @Test
  void aJlinkImageRunsTheApplicationWithTheOpsOfItsExplicitModules() throws Exception {
    Path jmods = Path.of(System.getProperty("java.home"), "jmods");
    assumeTrue(
        Files.isDirectory(jmods),
        "this JDK has no "
            + jmods
            + ", the JDK's own modules that jlink links; some distributions ship them in a package"
            + " of their own, such as Debian's openjdk-17-jmods");
    Optional<ToolProvider> jlink = ToolProvider.findFirst("jlink");
    assumeTrue(jlink.isPresent(), "this Java runtime has no jlink tool (module jdk.jlink)");
    List<Path> modulePath = new ArrayList<>();
    modulePath.add(jmods);
    List<Path> opgrad = OpgradModules.modulePath();
    modulePath.addAll(opgrad);
    modulePath.add(ModuleApp.app(dir, opgrad));
    modulePath.add(ModuleApp.cubePlugin(dir, opgrad));
    Path image = dir.resolve("image");

    StringWriter messages = new StringWriter();
    PrintWriter out = new PrintWriter(messages, true);
    int status =
        jlink
            .get()
            .run(
                out,
                out,
                "--module-path",
                ModuleApp.pathOf(modulePath),
                "--add-modules",
                "app,dev.opgrad.ops.builtin,dev.opgrad.ops.extra," + ModuleApp.CUBE_MODULE,
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--output",
                image.toString());
    assertThat(status).as("jlink's exit status; it said: %s", messages).isZero();

    assertThat(modulesOf(image))
        .containsExactlyInAnyOrder(
            "java.base",
            "java.logging",
            "com.google.common.util.concurrent.internal",
            "com.google.common",
            "dev.opgrad.core",
            "dev.opgrad.ops.builtin",
            "dev.opgrad.ops.extra",
            ModuleApp.CUBE_MODULE,
            "app");
    List<String> output =
        ModuleApp.run(
            List.of(image.resolve("bin").resolve("java").toString(), "--module", ModuleApp.MAIN),
            dir);
    assertThat(output)
        .containsExactly(
            "app in module app, core in module dev.opgrad.core",
            "ops [abs, add, cos, cube, div, exp, legendre, legendre3, legendre_derivative, linear,"
                + " log, mean, mul, neg, pow, relu, sigmoid, sign, sin, softplus, sqrt, step, sub,"
                + " sum, tanh]",
            "problems []",
            "mul(2.0, 3.0) = 6.0, gradients 3.0 and 2.0, from module dev.opgrad.ops.builtin",
            "sigmoid(0.0) = 0.5, gradient 0.25, from module dev.opgrad.ops.extra",
            "legendre(0.5; 3.0) = -0.4375, gradient 0.375, from module dev.opgrad.ops.extra",
            "cube(2.0) = 8.0, gradient 12.0, from module com.example.cube",
            "square is not there");
  }

  /** The modules an image holds, from the {@code MODULES} line of its {@code release} file. */
  private static List<String> modulesOf(Path image) throws Exception {
    for (String line : Files.readAllLines(image.resolve("release"))) {
      if (line.startsWith("MODULES=")) {
        return Arrays.asList(line.substring("MODULES=".length()).replace("\"", "").split(" "));
      }
    }
    throw new AssertionError("no MODULES line in " + image.resolve("release"));
  }
}
