package dev.opgrad.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * opgrad on the module path, in a separate JVM with nothing on its class path: a named application
 * module that requires {@code dev.opgrad.core} and nothing else ({@link ModuleApp}) finds the ops
 * of {@code dev.opgrad.ops.builtin} and {@code dev.opgrad.ops.extra}, of a plugin module that
 * declares {@code provides dev.opgrad.spi.Op}, and of a plain plugin jar, which the module path
 * takes as an automatic module. No {@code --add-modules} is needed: since core {@code uses
 * dev.opgrad.spi.Op}, service binding resolves every module on the module path that provides it.
 */
class ModulePathTest {

  @TempDir Path dir;

  @Test
  void anApplicationModuleFindsOpsOfEveryKindOfModuleByServiceBinding() throws Exception {
    List<Path> opgrad = OpgradModules.modulePath();
    List<Path> modulePath = new ArrayList<>(opgrad);
    modulePath.add(ModuleApp.app(dir, opgrad));
    modulePath.add(ModuleApp.cubePlugin(dir, opgrad));
    modulePath.add(ModuleApp.squarePlugin(dir));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    List<String> output =
        ModuleApp.run(
            List.of(
                java.toString(),
                "--module-path",
                ModuleApp.pathOf(modulePath),
                "--module",
                ModuleApp.MAIN),
            dir);

    assertThat(output)
        .containsExactly(
            "app in module app, core in module dev.opgrad.core",
            "ops [abs, add, cos, cube, div, exp, legendre, legendre3, legendre_derivative, linear,"
                + " log, mean, mul, neg, pow, relu, sigmoid, sign, sin, softplus, sqrt, square, step, sub,"
                + " sum, tanh]",
            "problems []",
            "mul(2.0, 3.0) = 6.0, gradients 3.0 and 2.0, from module dev.opgrad.ops.builtin",
            "sigmoid(0.0) = 0.5, gradient 0.25, from module dev.opgrad.ops.extra",
            "legendre(0.5; 3.0) = -0.4375, gradient 0.375, from module dev.opgrad.ops.extra",
            "cube(2.0) = 8.0, gradient 12.0, from module com.example.cube",
            "square(3.0) = 9.0, gradient 6.0, from automatic module opgrad.square");
  }
}
