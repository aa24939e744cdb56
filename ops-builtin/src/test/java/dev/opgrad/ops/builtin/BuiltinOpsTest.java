package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Scope;
import dev.opgrad.Anomalies;
import dev.opgrad.AnomalyException;
import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import dev.opgrad.testing.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinOpsTest {

  private static final OpRegistry REGISTRY = OpRegistry.load(BuiltinOpsTest.class.getClassLoader());

  @Test
  void everyBuiltinOpIsDiscoveredFromThisModule() {
    assertThat(REGISTRY.names())
        .containsExactly("add", "div", "exp", "linear", "mul", "neg", "pow", "relu", "sub", "tanh");
    assertThat(REGISTRY.problems()).isEmpty();
    assertThat(REGISTRY.location("tanh")).endsWith("ops-builtin/target/classes");
  }

  static Stream<String> opNames() {
    return REGISTRY.names().stream();
  }

  @ParameterizedTest
  @MethodSource("opNames")
  void theLocalGradientMatchesCentralDifferencesAtTheDeclaredPoints(String name) {
    GradCheckResult result = GradCheck.defaults().check(REGISTRY.get(name));

    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.pointCount()).isGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest
  @MethodSource("opNames")
  void theLocalGradientMatchesCentralDifferencesOnADenseGrid(String name) {
    Op op = REGISTRY.get(name);
    List<Point> points = new ArrayList<>();
    for (double x = -3.05; x < 3; x += 0.1) {
      if (op.arity() == 1) {
        points.addAll(unaryPoints(op, x));
      } else if (op.arity() == Op.VARIADIC) {
        for (double y = -3.05; y < 3; y += 0.25) {
          points.add(Point.of(0.5, x, y)); // linear: 0.5 + x·y
        }
      } else {
        for (double y = -3.05; y < 3; y += 0.25) {
          points.add(Point.of(x, y));
        }
      }
    }

    GradCheckResult result = GradCheck.defaults().check(op, points);

    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.pointCount()).isGreaterThanOrEqualTo(61);
  }

  private static List<Point> unaryPoints(Op op, double x) {
    if (op.constantCount() == 0) {
      return List.of(Point.of(x));
    }
    List<Point> points = new ArrayList<>();
    for (double exponent : new double[] {-3, -1, 0, 1, 2, 4}) {
      points.add(Point.withConstants(new double[] {exponent}, x));
    }
    if (x > 0) {
      points.add(Point.withConstants(new double[] {0.5}, x));
      points.add(Point.withConstants(new double[] {-1.5}, x));
    }
    return points;
  }

  @Test
  void reluHasGradientZeroAtExactlyZero() {
    Value x = Value.of(0.0, "x");

    Value y = x.relu();
    y.backward();

    assertThat(y.data()).isEqualTo(0.0);
    assertThat(x.grad()).isEqualTo(0.0);
    Value positive = Value.of(1e-300);
    positive.relu().backward();
    assertThat(positive.grad()).isEqualTo(1.0);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void reluOfNaNIsNaNAndPassesItsGradientOnAsInPyTorch(Driver driver) {
    // Twice, so that the replay's batched relu is checked as well as its per-node one.
    Driver.Result result = driver.run(v -> v.get(0).relu().add(v.get(1).relu()), Double.NaN, -0.0);

    assertThat(result.output()).isNaN();
    assertThat(result.grads()).containsExactly(1.0, 0.0);
    assertThat(Value.of(-0.0).relu().data()).isEqualTo(0.0);
  }

  @Test
  void reluOfNaNIsAnAnomaly() {
    try (Scope scope = Anomalies.detect()) {
      assertThatThrownBy(() -> Value.of(Double.NaN, "x").relu())
          .isInstanceOf(AnomalyException.class)
          .hasMessage("anomaly in forward: op 'relu' returned NaN for 'x' (NaN)");
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void powToTheZeroIsOneWithGradientZeroEverywhereZeroIncluded(Driver driver) {
    Driver.Result result =
        driver.run(v -> v.get(0).pow(0).add(v.get(1).pow(0)).add(v.get(2).pow(0)), 0, -2.5, 3);

    assertThat(result.output()).isEqualTo(3.0);
    assertThat(result.grads()).containsExactly(0.0, 0.0, 0.0);
  }

  @Test
  void divisionAndSubtractionByConstants() {
    Value x = Value.of(3.0, "x");

    Value y = x.div(4).sub(0.5).mul(x.neg());
    y.backward();

    assertThat(y.data()).isEqualTo(-0.75);
    // y = -(x²/4 - x/2), dy/dx = -(x/2 - 1/2) = -1
    assertThat(x.grad()).isEqualTo(-1.0);
  }

  @Test
  void powTreatsItsExponentAsAConstant() {
    Value x = Value.of(2.0, "x");

    Value y = x.pow(3);
    y.backward();

    assertThat(y.data()).isEqualTo(8.0);
    assertThat(y.inputs()).containsExactly(x);
    assertThat(y.constants()).containsExactly(3.0);
    assertThat(x.grad()).isEqualTo(12.0);
  }

  @Test
  void applyReachesAnOpByName() {
    Value x = Value.of(0.5, "x");

    Value y = x.apply("mul", Value.of(4)).apply("pow", new double[] {2});
    y.backward();

    assertThat(y.data()).isEqualTo(4.0);
    assertThat(x.grad()).isEqualTo(16.0);
  }
}
