package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.registry.OpRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every op of the class path, built-in and extra, must keep: it passes {@link
 * GradCheck} with PyTorch's defaults at the points it declares.
 */
class AllOpsContractTest {

  private static final OpRegistry REGISTRY =
      OpRegistry.load(AllOpsContractTest.class.getClassLoader());

  @Test
  void theRegistryDiscoversTheBuiltinAndTheExtraOpsWithoutProblems() {
    assertThat(REGISTRY.names())
        .containsExactly(
            "abs",
            "add",
            "cos",
            "div",
            "exp",
            "legendre",
            "legendre3",
            "legendre_derivative",
            "linear",
            "log",
            "mean",
            "mul",
            "neg",
            "pow",
            "relu",
            "sigmoid",
            "sign",
            "sin",
            "softplus",
            "sqrt",
            "step",
            "sub",
            "sum",
            "tanh");
    assertThat(REGISTRY.problems()).isEmpty();
    assertThat(REGISTRY.location("legendre3")).endsWith("ops-extra/target/classes");
  }

  static Stream<String> opNames() {
    return REGISTRY.names().stream();
  }

  @ParameterizedTest
  @MethodSource("opNames")
  void everyDiscoveredOpPassesGradCheckAtItsDeclaredPoints(String name) {
    GradCheckResult result = GradCheck.defaults().check(REGISTRY.get(name));

    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.pointCount()).isGreaterThanOrEqualTo(4);
  }
}
