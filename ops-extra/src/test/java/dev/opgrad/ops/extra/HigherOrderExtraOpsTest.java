package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every op of the class path, extra and built-in, gives its local gradients as values, the same
 * numbers as its {@code localGrad} bit for bit; the extra ops' second and third derivatives against
 * exact closed forms.
 */
class HigherOrderExtraOpsTest {

  private static final OpRegistry REGISTRY =
      OpRegistry.load(HigherOrderExtraOpsTest.class.getClassLoader());

  private static final double[] SPECIAL = {
    0.0,
    -0.0,
    Double.MIN_VALUE,
    -1e-200,
    1,
    -1,
    1 - 0x1p-53,
    1.2,
    -1.2,
    40,
    -745,
    1e300,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.NaN
  };

  static Stream<String> unaryOpNames() {
    return REGISTRY.names().stream().filter(name -> REGISTRY.get(name).arity() == 1);
  }

  @Test
  void everyOpOfTheClassPathIsAHigherOrderOp() {
    assertThat(REGISTRY.ops().values())
        .hasSizeGreaterThanOrEqualTo(21)
        .allMatch(op -> op instanceof HigherOrderOp);
  }

  /**
   * At the declared points, and at special inputs with each of the declared constants (and
   * degrees 1000 and 10⁵ for the Legendre ops).
   */
  @ParameterizedTest
  @MethodSource("unaryOpNames")
  void theLocalGradientsAsValuesAreTheNumbersBitForBit(String name) {
    Op op = REGISTRY.get(name);
    Set<List<Double>> constants = new LinkedHashSet<>();
    for (Point point : op.gradCheckPoints()) {
      constants.add(doubles(point.constants()));
    }
    if (name.startsWith("legendre_")) {
      for (double degree : new double[] {1000, 100_000}) {
        for (double order : new double[] {0, 1, 2, 3, 4}) {
          constants.add(List.of(degree, order));
        }
      }
    } else if (name.equals("legendre")) {
      constants.add(List.of(1000.0));
      constants.add(List.of(100_000.0));
    }
    List<Point> points = new ArrayList<>(op.gradCheckPoints());
    for (List<Double> c : constants) {
      for (double x : SPECIAL) {
        points.add(Point.withConstants(c.stream().mapToDouble(d -> d).toArray(), x));
      }
    }

    for (Point point : points) {
      assertLocalGradientsAgree(op, point);
    }
    assertThat(points).hasSizeGreaterThanOrEqualTo(SPECIAL.length);
  }

  private static List<Double> doubles(double[] array) {
    List<Double> list = new ArrayList<>();
    for (double d : array) {
      list.add(d);
    }
    return list;
  }

  /** The op's {@code localGrad} as numbers and as values at {@code point}, compared as bits. */
  private static void assertLocalGradientsAgree(Op op, Point point) {
    double x = point.inputs()[0];
    double[] constants = point.constants();
    double output = op.forward(new double[] {x}, constants);
    double[] expected = new double[1];
    op.localGrad(new double[] {x}, constants, output, expected);
    Value leaf = Value.of(x);
    Value node = leaf.apply(op, constants);
    Value[] locals = new Value[1];
    ((HigherOrderOp) op).localGrad(new Value[] {leaf}, constants, node, locals);

    assertThat(Double.doubleToLongBits(locals[0].data()))
        .as("%s at %s: number %s, value %s", op.name(), point, expected[0], locals[0].data())
        .isEqualTo(Double.doubleToLongBits(expected[0]));
  }

  /** d/dx of {@code y}, as a value. */
  private static Value d(Value y, Value x) {
    return Gradients.of(y, List.of(x)).get(0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-30, -1.7, -0.6, 0, 0.4, 1.3, 5})
  void sigmoidsSecondAndThirdDerivatives(double at) {
    Value x = Value.of(at);
    double s = Sigmoid.sigmoid(at);

    Value d2 = d(d(x.apply("sigmoid"), x), x);
    Value d3 = d(d2, x);

    // σ(1−σ)(1−2σ) and σ(1−σ)(1−6σ+6σ²): a few roundings of numbers below 2.
    assertThat(d2.data()).isCloseTo(s * (1 - s) * (1 - 2 * s), within(0x1p-52));
    assertThat(d3.data()).isCloseTo(s * (1 - s) * (1 - 6 * s + 6 * s * s), within(0x1p-51));
  }

  @Test
  void sigmoidsSecondDerivativeAtZeroIsZeroAndItsThirdMinusOneEighth() {
    Value x = Value.of(0);

    Value d2 = d(d(x.apply("sigmoid"), x), x);

    assertThat(d2.data()).isEqualTo(0.0);
    assertThat(d(d2, x).data()).isEqualTo(-0.125);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-30, -1.7, 0, 0.4, 1.3, 30})
  void softplusSecondAndThirdDerivativesAreThoseOfSigmoidOneOrderDown(double at) {
    Value x = Value.of(at);
    double s = Sigmoid.sigmoid(at);

    Value d1 = d(x.apply("softplus"), x);
    Value d2 = d(d1, x);
    Value d3 = d(d2, x);

    assertThat(d1.data()).isEqualTo(s);
    assertThat(d2.data()).isEqualTo(s * (1 - s)); // sigmoid's local gradient, bit for bit
    assertThat(d3.data()).isCloseTo(s * (1 - s) * (1 - 2 * s), within(0x1p-52));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-10, -Math.PI / 2, 0, 0.5, 1, 3})
  void sinAndCosDerivativesCycleExactly(double at) {
    Value x = Value.of(at);

    Value sin1 = d(x.apply("sin"), x);
    Value sin2 = d(sin1, x);
    Value sin3 = d(sin2, x);
    Value cos2 = d(d(x.apply("cos"), x), x);

    // Each is sin or cos of x, negated: no rounding at all.
    assertThat(sin1.data()).isEqualTo(Math.cos(at));
    assertThat(sin2.data()).isEqualTo(-Math.sin(at));
    assertThat(sin3.data()).isEqualTo(-Math.cos(at));
    assertThat(d(sin3, x).data()).isEqualTo(Math.sin(at));
    assertThat(cos2.data()).isEqualTo(-Math.cos(at));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-2, -1, -0.5, 0, 0.25, 1, 1.5})
  void legendre3sDerivativesAreExactAtDyadicPoints(double at) {
    Value x = Value.of(at);

    Value d1 = d(x.apply("legendre3"), x);
    Value d2 = d(d1, x);
    Value d3 = d(d2, x);

    // 1.5(5x² − 1), 15x, 15, 0: exact at these points.
    assertThat(d1.data()).isEqualTo(1.5 * (5 * at * at - 1));
    assertThat(d2.data()).isEqualTo(15 * at);
    assertThat(d3.data()).isEqualTo(15.0);
    assertThat(d(d3, x).data()).isEqualTo(0.0);
  }
}
