package dev.opgrad.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module declarations of opgrad's jars (or class directories) as built: what core exports and
 * requires, and that each op module provides exactly the ops its {@code META-INF/services} file
 * lists, so an op works on the module path exactly when it works on the class path.
 */
class ModuleDescriptorsTest {

  private static final String OP = "dev.opgrad.spi.Op";

  @Test
  void coreExportsEveryPackageRequiresGuavaAloneAndUsesOp() {
    ModuleDescriptor core = descriptor("dev.opgrad.core");

    assertThat(core.isAutomatic()).isFalse();
    assertThat(core.exports()).allMatch(e -> !e.isQualified() && e.modifiers().isEmpty());
    assertThat(core.exports().stream().map(Exports::source))
        .containsExactlyInAnyOrder(
            "dev.opgrad",
            "dev.opgrad.spi",
            "dev.opgrad.registry",
            "dev.opgrad.check",
            "dev.opgrad.nn",
            "dev.opgrad.viz");
    assertThat(core.packages())
        .as("every package of core is API")
        .isEqualTo(core.exports().stream().map(Exports::source).collect(Collectors.toSet()));
    assertThat(core.requires().stream().map(Requires::name))
        .containsExactlyInAnyOrder("java.base", "com.google.common");
    assertThat(core.requires())
        .as("Guava appears in no API signature")
        .noneMatch(r -> r.modifiers().contains(Requires.Modifier.TRANSITIVE));
    assertThat(core.uses()).containsExactly(OP);
    assertThat(core.provides()).isEmpty();
    assertThat(core.opens()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev.opgrad.ops.builtin", "dev.opgrad.ops.extra"})
  void anOpModuleProvidesExactlyTheOpsOfItsServicesFileAndExportsNothing(String name)
      throws IOException {
    ModuleDescriptor ops = descriptor(name);

    assertThat(ops.exports()).isEmpty();
    assertThat(ops.requires())
        .extracting(Requires::name, Requires::modifiers)
        .containsExactlyInAnyOrder(
            tuple("dev.opgrad.core", Set.of()),
            tuple("com.google.auto.service", Set.of(Requires.Modifier.STATIC)),
            tuple("java.base", Set.of(Requires.Modifier.MANDATED)));
    assertThat(ops.provides()).hasSize(1);
    Provides provides = ops.provides().iterator().next();
    assertThat(provides.service()).isEqualTo(OP);
    assertThat(provides.providers())
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(servicesFileOf(name));
  }

  @Test
  void onTheModulePathOpgradNeedsGuavaAndFailureaccessBesidesTheJdk() {
    assertThat(OpgradModules.locate().keySet())
        .containsExactly(
            "dev.opgrad.core",
            "dev.opgrad.ops.builtin",
            "dev.opgrad.ops.extra",
            "com.google.common",
            "com.google.common.util.concurrent.internal");
  }

  private static ModuleDescriptor descriptor(String name) {
    return reference(name).descriptor();
  }

  private static ModuleReference reference(String name) {
    Map<String, Path> modules = OpgradModules.locate();
    return ModuleFinder.of(modules.get(name)).find(name).orElseThrow();
  }

  /** The provider classes of the module's {@code META-INF/services/dev.opgrad.spi.Op}. */
  private static List<String> servicesFileOf(String name) throws IOException {
    try (ModuleReader reader = reference(name).open();
        InputStream in = reader.open("META-INF/services/" + OP).orElseThrow()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(line -> line.replaceAll("#.*", "").trim())
          .filter(line -> !line.isEmpty())
          .toList();
    }
  }
}
