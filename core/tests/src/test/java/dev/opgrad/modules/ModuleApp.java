package dev.opgrad.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.testing.PluginJar;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application that the module tests run, and the two plugins it finds: built at test time into
 * a folder, as a user and two third parties would build them.
 *
 * <ul>
 *   <li>{@code app.jar}: the named module {@code app}, which {@code requires dev.opgrad.core} and
 *       nothing else, and whose {@code app.Main} uses ops of every kind by name, printing their
 *       results, their gradients and the module each op came from;
 *   <li>{@code cube.jar}: the named plugin module {@code com.example.cube}, which declares {@code
 *       provides dev.opgrad.spi.Op with com.example.cube.Cube} and has no services file;
 *   <li>{@code opgrad-square.jar}: a plain plugin jar built by {@link PluginJar}, with only a
 *       {@code META-INF/services} entry, which the module path makes the automatic module {@code
 *       opgrad.square}.
 * </ul>
 */
final class ModuleApp {

  /** What {@code java -m} runs. */
  static final String MAIN = "app/app.Main";

  /** The named plugin module. */
  static final String CUBE_MODULE = "com.example.cube";

  private static final String MODULE_INFO = "module app {\n  requires dev.opgrad.core;\n}\n";

  private static final String MAIN_SOURCE =
      """
      package app;

      import dev.opgrad.Value;
      import dev.opgrad.registry.OpRegistry;

      public final class Main {
        public static void main(String[] args) {
          OpRegistry registry = OpRegistry.defaultRegistry();
          System.out.println("app in " + describe(Main.class.getModule())
              + ", core in " + describe(Value.class.getModule()));
          System.out.println("ops " + registry.names());
          System.out.println("problems " + registry.problems());
          Value a = Value.of(2);
          Value b = Value.of(3);
          Value product = a.mul(b);
          product.backward();
          System.out.println("mul(2.0, 3.0) = " + product.data() + ", gradients " + a.grad()
              + " and " + b.grad() + from(registry, "mul"));
          unary(registry, "sigmoid", 0.0);
          unary(registry, "legendre", 0.5, 3);
          unary(registry, "cube", 2.0);
          unary(registry, "square", 3.0);
        }

        private static void unary(OpRegistry registry, String name, double x, double... constants) {
          if (!registry.contains(name)) {
            System.out.println(name + " is not there");
            return;
          }
          Value in = Value.of(x);
          Value out = in.apply(name, constants);
          out.backward();
          StringBuilder call = new StringBuilder(name).append('(').append(x);
          for (int i = 0; i < constants.length; i++) {
            call.append(i == 0 ? "; " : ", ").append(constants[i]);
          }
          System.out.println(call + ") = " + out.data() + ", gradient " + in.grad()
              + from(registry, name));
        }

        private static String from(OpRegistry registry, String name) {
          return ", from " + describe(registry.get(name).getClass().getModule());
        }

        private static String describe(Module module) {
          if (!module.isNamed()) {
            return "the unnamed module";
          }
          return (module.getDescriptor().isAutomatic() ? "automatic module " : "module ")
              + module.getName();
        }
      }
      """;

  private static final String CUBE_MODULE_INFO =
      "module com.example.cube {\n"
          + "  requires dev.opgrad.core;\n"
          + "  provides dev.opgrad.spi.Op with com.example.cube.Cube;\n"
          + "}\n";

  private static final String CUBE_SOURCE =
      """
      package com.example.cube;

      import dev.opgrad.spi.Op;

      public final class Cube implements Op {
        public String name() { return "cube"; }
        public int arity() { return 1; }
        public double forward(double[] x, double[] c) { return x[0] * x[0] * x[0]; }
        public void localGrad(double[] x, double[] c, double out, double[] g) {
          g[0] = 3 * x[0] * x[0];
        }
      }
      """;

  private ModuleApp() {}

  /** Compiles the application module against {@code opgrad}, a module path, into {@code dir}. */
  static Path app(Path dir, List<Path> opgrad) throws IOException {
    return new ModularJar()
        .moduleInfo(MODULE_INFO)
        .source("app.Main", MAIN_SOURCE)
        .writeTo(dir.resolve("app.jar"), opgrad);
  }

  /** Compiles the named plugin module against {@code opgrad}, a module path, into {@code dir}. */
  static Path cubePlugin(Path dir, List<Path> opgrad) throws IOException {
    return new ModularJar()
        .moduleInfo(CUBE_MODULE_INFO)
        .source("com.example.cube.Cube", CUBE_SOURCE)
        .writeTo(dir.resolve("cube.jar"), opgrad);
  }

  /** Builds the plain plugin jar, whose file name makes it the automatic module opgrad.square. */
  static Path squarePlugin(Path dir) throws IOException {
    return new PluginJar()
        .op("com.example.square.Square", "square", 1, "x[0] * x[0]", "g[0] = 2 * x[0];")
        .writeTo(dir.resolve("opgrad-square.jar"));
  }

  /**
   * Runs {@code command} with no {@code CLASSPATH} in its environment, and returns what it printed
   * on standard output, after checking that it exited with 0 and printed nothing on standard error
   * but the JVM's own notes on options taken from the environment ("Picked up ...").
   */
  static List<String> run(List<String> command, Path scratch)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(scratch, "stdout", ".txt");
    Path err = Files.createTempFile(scratch, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("CLASSPATH");
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 2 minutes");
    }
    String output = Files.readString(out);
    List<String> errors =
        Files.readAllLines(err).stream().filter(line -> !line.startsWith("Picked up ")).toList();
    assertThat(process.exitValue())
        .as("exit code of %s; it printed:%n%s%nand on standard error:%n%s", command, output, errors)
        .isZero();
    assertThat(errors).as("standard error of %s", command).isEmpty();
    return output.lines().toList();
  }

  /** {@code paths} as a module path, in order. */
  static String pathOf(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
