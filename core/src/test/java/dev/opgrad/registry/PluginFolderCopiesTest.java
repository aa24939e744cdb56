package dev.opgrad.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Value;
import dev.opgrad.testing.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two jars of a plugin folder that bring the same provider classes (two versions of one plugin) are
 * both left out and reported together: which copy a class loader would pick is an accident of file
 * names, so opgrad picks neither.
 */
class PluginFolderCopiesTest {

  @TempDir Path dir;

  private static PluginJar myOps(int factor) {
    return new PluginJar()
        .op("my.Scale", "scale", 1, factor + " * x[0]", "g[0] = " + factor + ";")
        .op("my.Shift", "shift", 1, "x[0] + " + factor, "g[0] = 1;");
  }

  @Test
  void twoJarsBringingTheSameProviderClassesAreBothLeftOutAndNamedTogether() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path older = myOps(2).writeTo(folder.resolve("my-ops-1.0.0.jar"));
    Path newer =
        myOps(3)
            .op("my.Cube", "cube", 1, "x[0] * x[0] * x[0]", "g[0] = 3 * x[0] * x[0];")
            .writeTo(folder.resolve("my-ops-1.0.1.jar"));
    new PluginJar()
        .op("other.Twice", "twice", 1, "2 * x[0]", "g[0] = 2;")
        .writeTo(folder.resolve("other.jar"));

    OpRegistry registry = OpRegistry.withPlugins(folder);

    String copies =
        "op providers my.Scale and my.Shift are in 2 jars of the plugin folder, "
            + older
            + " and "
            + newer
            + "; none of these jars is used: remove all but one of them";
    assertThat(registry.names()).containsExactly("twice");
    assertThat(registry.problems()).extracting(ProviderProblem::message).containsExactly(copies);
    assertThat(registry.problems().get(0).providerClasses())
        .containsExactly("my.Scale", "my.Shift");
    assertThat(registry.problems().get(0).locations())
        .containsExactly(older.toString(), newer.toString());
    assertThatThrownBy(() -> registry.get("scale"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no op named 'scale'; known ops: twice; providers that failed to load, one of which"
                + " may be it: "
                + copies);
    assertThat(Value.of(4).apply(registry.get("twice"), new double[0]).data()).isEqualTo(8.0);
  }
}
