package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Anomalies;
import dev.opgrad.AnomalyException;
import dev.opgrad.Scope;
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
        .containsExactly(
            "abs", "add", "div", "exp", "linear", "log", "mean", "mul", "neg", "pow", "relu",
            "sign", "sqrt", "step", "sub", "sum", "tanh");
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
    // An op defined for positive inputs only (log, sqrt) declares positive points: keep to its domain.
    boolean positive = op.gradCheckPoints().stream().allMatch(p -> p.inputs()[0] > 0);
    List<Point> points = new ArrayList<>();
    for (double x = -3.05; x < 3; x += 0.1) {
      if (op.arity() == 1) {
        points.addAll(unaryPoints(op, positive ? Math.abs(x) : x));
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

  private static final double[] AWKWARD = {0.1, 0.7, -1e-3, 3.3, 1e5, -2.2, 0.3};

  /** The chain {@code v0.add(v1)…} of these values, or its mean {@code chain.div(n)}. */
  private static Value chain(List<Value> v, boolean mean) {
    Value sum = v.get(0);
    for (int i = 1; i < v.size(); i++) {
      sum = sum.add(v.get(i));
    }
    return mean ? sum.div(v.size()) : sum;
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void sumAndMeanAreOneNodeWithTheChainsNumbersBitForBit(Driver driver) {
    // times 1.7 so that the gradients are not all 1 and 1/7: their rounding shows.
    Driver.Result sum = driver.run(v -> Value.sum(v).mul(1.7), AWKWARD);
    Driver.Result chainSum = driver.run(v -> chain(v, false).mul(1.7), AWKWARD);
    Driver.Result mean = driver.run(v -> Value.mean(v).mul(1.7), AWKWARD);
    Driver.Result chainMean = driver.run(v -> chain(v, true).mul(1.7), AWKWARD);

    assertThat(sum.output()).isEqualTo(chainSum.output()).isEqualTo(170003.7383);
    assertThat(sum.grads()).containsExactly(chainSum.grads());
    assertThat(mean.output()).isEqualTo(chainMean.output());
    assertThat(mean.grads()).containsExactly(chainMean.grads());
    assertThat(mean.grads()[0]).isEqualTo(1.7 * (1.0 / 7));
  }

  @Test
  void sumAndMeanOfOneNodeEachAndOfNoValues() {
    List<Value> values = List.of(Value.of(1), Value.of(2), Value.of(4));

    assertThat(Value.sum(values).inputs()).isEqualTo(values);
    assertThat(Value.sum(values).op().name()).isEqualTo("sum");
    assertThat(Value.mean(values).data()).isEqualTo(7.0 / 3);
    assertThat(Value.sum(List.of()).data()).isEqualTo(0.0);
    assertThat(Value.sum(List.of()).requiresGrad()).isFalse();
    assertThatThrownBy(() -> Value.mean(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the mean of no values");
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void theDoubleOverloadsUseConstants(Driver driver) {
    Driver.Result result = driver.run(v -> v.get(0).mul(3).add(1).sub(4).div(0.5), 5);

    assertThat(result.output()).isEqualTo(24.0);
    assertThat(result.grads()).containsExactly(6.0);
    Value x = Value.of(5);
    assertThat(x.mul(3).inputs().get(1).requiresGrad()).isFalse();
    assertThat(x.add(3).inputs().get(1).requiresGrad()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void logIsBuiltIn(Driver driver) {
    Driver.Result result = driver.run(v -> v.get(0).log(), 0.25);

    assertThat(result.output()).isEqualTo(-2 * Math.log(2));
    assertThat(result.grads()).containsExactly(4.0);
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
