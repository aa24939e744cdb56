package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every built-in op's local gradients as values: the same numbers as its {@code localGrad}, bit
 * for bit, and differentiable again, to the exact second and third derivatives.
 */
class HigherOrderOpsTest {

  private static final OpRegistry REGISTRY =
      OpRegistry.load(HigherOrderOpsTest.class.getClassLoader());

  private static final double[] SPECIAL = {
    0.0,
    -0.0,
    Double.MIN_VALUE,
    -Double.MIN_NORMAL,
    1e-200,
    -1e300,
    Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.NaN,
    1.3,
    -0.6,
    0.4,
    2.5
  };

  /** Exponents of {@code pow}, its constant. */
  private static final double[] EXPONENTS = {
    0, 1, 2, 3, -1, -2, 0.5, -0.5, 1.7, -2.5, Double.POSITIVE_INFINITY, Double.NaN
  };

  static Stream<String> opNames() {
    return REGISTRY.names().stream();
  }

  @Test
  void everyBuiltinOpIsAHigherOrderOp() {
    assertThat(REGISTRY.ops().values())
        .hasSizeGreaterThanOrEqualTo(14)
        .allMatch(op -> op instanceof HigherOrderOp);
  }

  @ParameterizedTest
  @MethodSource("opNames")
  void theLocalGradientsAsValuesAreTheNumbersBitForBit(String name) {
    Op op = REGISTRY.get(name);
    List<Point> points = new ArrayList<>(op.gradCheckPoints());
    if (op.constantCount() == 1) {
      for (double a : SPECIAL) {
        for (double exponent : EXPONENTS) {
          points.add(Point.withConstants(new double[] {exponent}, a));
        }
      }
    } else if (op.arity() == 1) {
      Arrays.stream(SPECIAL).forEach(a -> points.add(Point.of(a)));
    } else if (op.arity() == 2) {
      for (double a : SPECIAL) {
        for (double b : SPECIAL) {
          points.add(Point.of(a, b));
        }
      }
    } else {
      for (double a : SPECIAL) {
        for (double b : SPECIAL) {
          points.add(Point.of(a, b, 0.7)); // linear: a + b·0.7; a sum or mean of three
          points.add(Point.of(0.25, a, b, -1.5, 3));
        }
      }
    }

    for (Point point : points) {
      assertLocalGradientsAgree(op, point);
    }
    assertThat(points).hasSizeGreaterThanOrEqualTo(14);
  }

  /** The op's {@code localGrad} as numbers and as values at {@code point}, compared as bits. */
  static void assertLocalGradientsAgree(Op op, Point point) {
    double[] inputs = point.inputs();
    double[] constants = point.constants();
    double output = op.forward(inputs, constants);
    double[] expected = new double[inputs.length];
    op.localGrad(inputs, constants, output, expected);
    Value[] leaves = Arrays.stream(inputs).mapToObj(Value::of).toArray(Value[]::new);
    Value node = leaves[0].apply(op, constants, Arrays.copyOfRange(leaves, 1, leaves.length));
    Value[] locals = new Value[inputs.length];
    ((HigherOrderOp) op).localGrad(leaves, constants, node, locals);

    assertThat(Double.doubleToLongBits(node.data())).isEqualTo(Double.doubleToLongBits(output));
    for (int i = 0; i < inputs.length; i++) {
      assertThat(Double.doubleToLongBits(locals[i].data()))
          .as("%s at %s, input %d: number %s, value %s", op.name(), point, i, expected[i],
              locals[i].data())
          .isEqualTo(Double.doubleToLongBits(expected[i]));
    }
  }

  /** d/dx of {@code y}, as a value. */
  private static Value d(Value y, Value x) {
    return Gradients.of(y, List.of(x)).get(0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-2.2, -0.6, -0.1, 0, 0.3, 0.9, 1.7})
  void tanhsSecondAndThirdDerivatives(double at) {
    Value x = Value.of(at);
    double t = Math.tanh(at);

    Value d1 = d(x.tanh(), x);
    Value d2 = d(d1, x);
    Value d3 = d(d2, x);

    // Each is a short polynomial in t, |t| < 1, computed with a few roundings of numbers below 8.
    assertThat(d1.data()).isEqualTo(1 - t * t);
    assertThat(d2.data()).isCloseTo(-2 * t * (1 - t * t), within(0x1p-50));
    assertThat(d3.data()).isCloseTo(-2 + 8 * t * t - 6 * t * t * t * t, within(0x1p-49));
  }

  @Test
  void tanhsThirdDerivativeAtZeroIsMinusTwoExactly() {
    Value x = Value.of(0);

    assertThat(d(d(d(x.tanh(), x), x), x).data()).isEqualTo(-2.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-30, -1, 0, 0.5, 2, 700})
  void everyDerivativeOfExpIsExpBitForBit(double at) {
    Value x = Value.of(at);

    Value d1 = d(x.exp(), x);
    Value d2 = d(d1, x);
    Value d3 = d(d2, x);

    assertThat(d1.data()).isEqualTo(Math.exp(at));
    assertThat(d2.data()).isEqualTo(Math.exp(at));
    assertThat(d3.data()).isEqualTo(Math.exp(at));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.5, 1, 3, 40})
  void logsSecondAndThirdDerivatives(double at) {
    Value x = Value.of(at);

    Value d2 = d(d(x.log(), x), x);
    Value d3 = d(d2, x);

    assertThat(d2.data()).isEqualTo(-1 / (at * at)); // computed as div's local gradient is
    assertThat(d3.data()).isCloseTo(2 / (at * at * at), within(4 * Math.ulp(2 / (at * at * at))));
  }

  @Test
  void theSecondPartialsOfAQuotient() {
    // a/b at (3, 2): ∂²/∂a² = 0, ∂²/∂a∂b = −1/b² = −0.25, ∂²/∂b² = 2a/b³ = 0.75, all exact.
    Value a = Value.of(3);
    Value b = Value.of(2);
    List<Value> gradient = Gradients.of(a.div(b), List.of(a, b));

    List<Value> rowA = Gradients.of(gradient.get(0), List.of(a, b));
    List<Value> rowB = Gradients.of(gradient.get(1), List.of(a, b));

    assertThat(rowA.get(0).data()).isEqualTo(0.0);
    assertThat(rowA.get(1).data()).isEqualTo(-0.25);
    assertThat(rowB.get(0).data()).isEqualTo(-0.25);
    assertThat(rowB.get(1).data()).isEqualTo(0.75);
    assertThat(Gradients.hessian(a.div(b), List.of(a, b)))
        .isDeepEqualTo(new double[][] {{0, -0.25}, {-0.25, 0.75}});
  }

  @Test
  void theSecondPartialsOfAProductAreZeroAndOne() {
    Value a = Value.of(-1.7);
    Value b = Value.of(0.4);

    assertThat(Gradients.hessian(a.mul(b), List.of(a, b)))
        .isDeepEqualTo(new double[][] {{0, 1}, {1, 0}});
    assertThat(Gradients.hessian(a.add(b).sub(b.neg()), List.of(a, b)))
        .isDeepEqualTo(new double[][] {{0, 0}, {0, 0}});
  }

  @Test
  void powsDerivativesToTheFourth() {
    Value x = Value.of(1.5);

    Value d1 = d(x.pow(3), x);
    Value d2 = d(d1, x);
    Value d3 = d(d2, x);
    Value d4 = d(d3, x);

    // 3x², 6x, 6 and 0 at 1.5, all exact; x^0 in the last step has the constant gradient 0.
    assertThat(d1.data()).isEqualTo(6.75);
    assertThat(d2.data()).isEqualTo(9.0);
    assertThat(d3.data()).isEqualTo(6.0);
    assertThat(d4.data()).isEqualTo(0.0);
    assertThat(d4.requiresGrad()).isFalse();
  }

  @Test
  void powAtZeroHasNoNaNDerivatives() {
    // x² at 0: 2x, 2, then 0, not 0 · 0^-1 = NaN; x^0 has derivative 0 at every order.
    Value x = Value.of(0);
    Value d1 = d(x.pow(2), x);
    Value d2 = d(d1, x);

    assertThat(d1.data()).isEqualTo(0.0);
    assertThat(d2.data()).isEqualTo(2.0);
    assertThat(d(d2, x).data()).isEqualTo(0.0);
    assertThat(d(x.pow(0), x).data()).isEqualTo(0.0);
    assertThat(d(d(x.pow(0), x), x).data()).isEqualTo(0.0);
  }

  @Test
  void powsSecondDerivativeForAFractionalExponent() {
    // x^0.5 at 2.25: −¼·x^−1.5 = −0.25/3.375 = −2/27.
    Value x = Value.of(2.25);

    double second = d(d(x.pow(0.5), x), x).data();

    assertThat(second).isCloseTo(-2.0 / 27, within(2 * Math.ulp(2.0 / 27)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1.7, -1e-300, 0, -0.0, 1e-300, 0.4, 1.3})
  void relusDerivativeIsAStepWhoseDerivativeIsZero(double at) {
    Value x = Value.of(at);

    Value d1 = d(x.relu(), x);
    Value d2 = d(d1, x);

    assertThat(d1.data()).isEqualTo(at > 0 ? 1.0 : 0.0);
    assertThat(d1.op().name()).isEqualTo("step");
    assertThat(d2.data()).isEqualTo(0.0);
    assertThat(d2.requiresGrad()).isFalse();
  }

  @Test
  void relusDerivativeAtNaNIsOneAsInBackward() {
    Value x = Value.of(Double.NaN);
    Value y = x.relu();

    y.backward();
    Value d1 = d(y, x);

    assertThat(x.grad()).isEqualTo(1.0);
    assertThat(d1.data()).isEqualTo(1.0);
    assertThat(d(d1, x).data()).isEqualTo(0.0);
  }

  @Test
  void linearsHessianHasOnesBetweenEachWeightAndItsInput() {
    // b + w0·x0 + w1·x1: ∂²/∂w_i∂x_i = 1, every other second partial 0.
    List<Value> v = List.of(Value.of(0.5), Value.of(-1.7), Value.of(0.4), Value.of(2), Value.of(3));

    Value y = Value.linear(v.get(0), List.of(v.get(1), v.get(3)), List.of(v.get(2), v.get(4)));

    double[][] hessian = Gradients.hessian(y, v);
    List<Value> gradient = Gradients.of(y, v);

    double[][] expected = {
      {0, 0, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 0, 0, 1}, {0, 0, 0, 1, 0}
    };
    assertThat(hessian).isDeepEqualTo(expected);
    for (int i = 0; i < v.size(); i++) {
      List<Value> row = Gradients.of(gradient.get(i), v);
      for (int j = 0; j < v.size(); j++) {
        assertThat(row.get(j).data()).as("(%d, %d)", i, j).isEqualTo(expected[i][j]);
      }
    }
  }

  @Test
  void sumAndMeanHaveConstantGradientsAndZeroSecondDerivatives() {
    List<Value> v = List.of(Value.of(0.1), Value.of(0.7), Value.of(-3));

    List<Value> sumGradient = Gradients.of(Value.sum(v), v);
    List<Value> meanGradient = Gradients.of(Value.mean(v), v);

    for (int i = 0; i < v.size(); i++) {
      assertThat(sumGradient.get(i).data()).isEqualTo(1.0);
      assertThat(sumGradient.get(i).requiresGrad()).isFalse();
      assertThat(meanGradient.get(i).data()).isEqualTo(1.0 / 3);
      assertThat(meanGradient.get(i).requiresGrad()).isFalse();
    }
    assertThat(Gradients.hessian(Value.sum(v), v)).isDeepEqualTo(new double[3][3]);
    assertThat(Gradients.hessian(Value.mean(v), v)).isDeepEqualTo(new double[3][3]);
  }
}
