package dev.opgrad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import dev.opgrad.testing.PluginJar;
import dev.opgrad.testing.TestOps;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariadicOpTest {

  /** {@code squares(x0, x1, …) = x0² + x1² + …}, of any number of inputs. */
  private static final Op SQUARES =
      TestOps.op(
          "squares",
          Op.VARIADIC,
          x -> {
            double sum = 0;
            for (double xi : x) {
              sum += xi * xi;
            }
            return sum;
          },
          (x, out, g) -> {
            for (int i = 0; i < x.length; i++) {
              g[i] = 2 * x[i];
            }
          });

  @TempDir Path dir;

  private static Value squares(Value first, Value... others) {
    return first.apply(SQUARES, new double[0], others);
  }

  @Test
  void aVariadicOpTakesAnyNumberOfInputsForwardAndBackward() {
    Value a = Value.of(1);
    Value b = Value.of(2);
    Value c = Value.of(3);
    Value d = Value.of(4);
    Value e = Value.of(5);
    Value f = Value.of(6);

    Value one = squares(a);
    Value three = squares(b, c, d);
    Value six = squares(a, b, c, d, e, f); // more inputs than backward's first scratch space
    Value root = TestOps.plus(TestOps.plus(one, three), six);
    root.backward();

    assertThat(one.data()).isEqualTo(1.0);
    assertThat(three.data()).isEqualTo(29.0);
    assertThat(six.data()).isEqualTo(91.0);
    assertThat(six.inputs()).containsExactly(a, b, c, d, e, f);
    assertThat(List.of(a, b, c, d, e, f))
        .extracting(Value::grad)
        .containsExactly(4.0, 8.0, 12.0, 16.0, 10.0, 12.0);
  }

  @Test
  void theCompiledReplayOfVariadicNodesGivesTheEagerResultsBitForBit() {
    Value a = Value.of(0.3);
    Value b = Value.of(-1.7);
    Value c = Value.of(2.9);
    Value root = TestOps.times(squares(a, b, c), squares(TestOps.plus(a, c), b, b, a, c));
    root.backward();

    CompiledGraph compiled = CompiledGraph.capture(root, List.of(a, b, c));

    assertThat(compiled.forward()).isEqualTo(root.data());
    compiled.backward();
    assertThat(compiled.grad(0)).isEqualTo(a.grad());
    assertThat(compiled.grad(1)).isEqualTo(b.grad());
    assertThat(compiled.grad(2)).isEqualTo(c.grad());
  }

  @Test
  void gradCheckTakesTheNumberOfInputsFromEachPoint() {
    GradCheckResult result =
        GradCheck.defaults().check(SQUARES, List.of(Point.of(0.5), Point.of(1.5, -2, 3.25, 0.1)));

    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.pointCount()).isEqualTo(2);
    assertThat(SQUARES.gradCheckPoints()).as("a variadic op has no default points").isEmpty();
    assertThatThrownBy(() -> GradCheck.defaults().check(SQUARES, List.of(Point.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "op 'squares' takes any number ≥ 1 of inputs and 0 constants; the point has"
                + " inputs []");
  }

  @Test
  void theRegistryAcceptsAVariadicOpFromAPluginJar() throws Exception {
    Path jar =
        new PluginJar()
            .op(
                "var.Total",
                "total",
                Op.VARIADIC,
                "java.util.Arrays.stream(x).sum()",
                "java.util.Arrays.fill(g, 0, x.length, 1);")
            .writeTo(dir.resolve("total.jar"));

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      OpRegistry registry = OpRegistry.load(loader);

      assertThat(registry.problems()).isEmpty();
      assertThat(registry.get("total").arity()).isEqualTo(Op.VARIADIC);
      Value x = Value.of(1.5);
      Value total = x.apply(registry.get("total"), new double[0], Value.of(2), Value.of(-0.25));
      assertThat(total.data()).isEqualTo(3.25);
    }
  }
}
