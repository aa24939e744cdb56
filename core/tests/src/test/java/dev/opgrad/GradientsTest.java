package dev.opgrad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Gradients}' contract over the built-in ops: what it computes, what it leaves alone, and
 * what it rejects. Each op's own derivatives are tested with the op.
 */
class GradientsTest {

  /** {@code cube(x) = x³}, which gives its local gradient as numbers only, as plugins did. */
  private static final Op CUBE =
      new Op() {
        @Override
        public String name() {
          return "cube";
        }

        @Override
        public int arity() {
          return 1;
        }

        @Override
        public double forward(double[] inputs, double[] constants) {
          return inputs[0] * inputs[0] * inputs[0];
        }

        @Override
        public void localGrad(double[] inputs, double[] constants, double output, double[] g) {
          g[0] = 3 * inputs[0] * inputs[0];
        }
      };

  /** {@code cube} again, giving its local gradient {@code 3·x·x} as a value too. */
  private static final HigherOrderOp CUBE_TWICE =
      new HigherOrderOp() {
        @Override
        public String name() {
          return "cube_twice";
        }

        @Override
        public int arity() {
          return 1;
        }

        @Override
        public double forward(double[] inputs, double[] constants) {
          return CUBE.forward(inputs, constants);
        }

        @Override
        public void localGrad(double[] inputs, double[] constants, double output, double[] g) {
          CUBE.localGrad(inputs, constants, output, g);
        }

        @Override
        public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
          grads[0] = inputs[0].mul(3).mul(inputs[0]);
        }
      };

  /** {@code 2a − b}, declaring its local gradients constant or not. */
  private static HigherOrderOp twiceMinus(boolean declared) {
    return new HigherOrderOp() {
      @Override
      public String name() {
        return "twice_minus";
      }

      @Override
      public int arity() {
        return 2;
      }

      @Override
      public double forward(double[] inputs, double[] constants) {
        return 2 * inputs[0] - inputs[1];
      }

      @Override
      public void localGrad(double[] inputs, double[] constants, double output, double[] g) {
        g[0] = 2;
        g[1] = -1;
      }

      @Override
      public void localGrad(Value[] inputs, double[] constants, Value output, Value[] grads) {
        grads[0] = Value.constant(2);
        grads[1] = Value.constant(-1);
      }

      @Override
      public boolean localGradsConstant() {
        return declared;
      }
    };
  }

  private static Value cube(Value x) {
    return x.apply(CUBE, new double[0]);
  }

  @Test
  void firstDerivativesAreWhatBackwardComputesBitForBit() {
    Value a = Value.of(-4.0);
    Value b = Value.of(2.0);
    Value g = ReadmeExpression.g(a, b);

    List<Value> gradients = Gradients.of(g, List.of(a, b));
    g.backward();

    assertThat(gradients.get(0).data()).isEqualTo(a.grad()).isCloseTo(138.8338, within(5e-5));
    assertThat(gradients.get(1).data()).isEqualTo(b.grad()).isCloseTo(645.5773, within(5e-5));
    assertThat(gradients).allMatch(Value::requiresGrad);
  }

  @Test
  void changesNoGradient() {
    Value a = Value.of(-4.0);
    Value b = Value.of(2.0);
    Value g = ReadmeExpression.g(a, b);
    g.backward();
    List<Value> nodes = g.topologicalOrder();
    double[] before = nodes.stream().mapToDouble(Value::grad).toArray();

    Gradients.of(g, List.of(a, b));
    Gradients.jvp(g, List.of(a, b), new double[] {1, 2});
    Gradients.hvp(g, List.of(a, b), new double[] {1, 2});
    Gradients.hessian(g, List.of(a, b));

    assertThat(nodes.stream().mapToDouble(Value::grad).toArray()).isEqualTo(before);
  }

  @Test
  void secondAndThirdDerivativesOfAnOpThatGivesItsGradientAsValues() {
    Value x = Value.of(1.5);
    Value y = x.apply(CUBE_TWICE, new double[0]);

    Value first = Gradients.of(y, List.of(x)).get(0);
    Value second = Gradients.of(first, List.of(x)).get(0);
    Value third = Gradients.of(second, List.of(x)).get(0);
    Value fourth = Gradients.of(third, List.of(x)).get(0);

    assertThat(first.data()).isEqualTo(6.75); // 3x²
    assertThat(second.data()).isEqualTo(9.0); // 6x
    assertThat(third.data()).isEqualTo(6.0);
    assertThat(fourth.data()).isEqualTo(0.0);
    assertThat(Gradients.hessian(y, List.of(x))).isEqualTo(new double[][] {{9.0}});
  }

  @Test
  void hessianIsSymmetricAndHvpAndJvpAgreeWithIt() {
    Value x = Value.of(0.7);
    Value y = Value.of(-1.3);
    // f = x²y + y³/x: ∂²f/∂x² = 2y + 2y³/x³, ∂²f/∂x∂y = 2x − 3y²/x², ∂²f/∂y² = 6y/x.
    Value f = x.mul(x).mul(y).add(y.pow(3).div(x));

    double[][] hessian = Gradients.hessian(f, List.of(x, y));
    double[] hvp = Gradients.hvp(f, List.of(x, y), new double[] {0.5, -2});
    double jvp = Gradients.jvp(f, List.of(x, y), new double[] {0.5, -2});

    double xx = 2 * -1.3 + 2 * Math.pow(-1.3, 3) / Math.pow(0.7, 3);
    double xy = 2 * 0.7 - 3 * 1.69 / 0.49;
    double yy = 6 * -1.3 / 0.7;
    assertThat(hessian[0][0]).isCloseTo(xx, within(1e-13 * Math.abs(xx)));
    assertThat(hessian[0][1]).isCloseTo(xy, within(1e-13 * Math.abs(xy)));
    assertThat(hessian[1][0]).isCloseTo(hessian[0][1], within(1e-14 * Math.abs(xy)));
    assertThat(hessian[1][1]).isCloseTo(yy, within(1e-13 * Math.abs(yy)));
    assertThat(hvp[0]).isCloseTo(0.5 * xx - 2 * xy, within(1e-12));
    assertThat(hvp[1]).isCloseTo(0.5 * xy - 2 * yy, within(1e-12));
    // ∂f/∂x = 2xy − y³/x², ∂f/∂y = x² + 3y²/x.
    double dx = 2 * 0.7 * -1.3 - Math.pow(-1.3, 3) / 0.49;
    double dy = 0.49 + 3 * 1.69 / 0.7;
    assertThat(jvp).isCloseTo(0.5 * dx - 2 * dy, within(1e-12));
  }

  @Test
  void anInputTheOutputDoesNotDependOnGetsAConstantZero() {
    Value x = Value.of(2);
    Value unused = Value.of(5);
    Value y = x.mul(x);

    List<Value> gradients = Gradients.of(y, List.of(x, unused));

    assertThat(gradients.get(0).data()).isEqualTo(4.0);
    assertThat(gradients.get(1).data()).isEqualTo(0.0);
    assertThat(gradients.get(1).requiresGrad()).isFalse();
    assertThat(Gradients.hessian(y, List.of(x, unused)))
        .isEqualTo(new double[][] {{2.0, 0.0}, {0.0, 0.0}});
    assertThat(Gradients.jvp(y, List.of(unused), new double[] {1})).isEqualTo(0.0);
  }

  @Test
  void theDerivativeOfAnInputIsOneAndOfAConstantZero() {
    Value x = Value.of(2);

    assertThat(Gradients.of(x, List.of(x)).get(0).data()).isEqualTo(1.0);
    assertThat(Gradients.of(Value.constant(3), List.of(x)).get(0).data()).isEqualTo(0.0);
  }

  @Test
  void theOutputBeingAnInputOrAnotherLeafGivesOneOrZeroInEveryMode() {
    Value x = Value.of(2);
    Value other = Value.of(3);
    double[] one = {0.5};

    assertThat(Gradients.jvp(x, List.of(x), one)).isEqualTo(0.5);
    assertThat(Gradients.hvp(x, List.of(x), one)).containsExactly(0.0);
    assertThat(Gradients.jvp(other, List.of(x), one)).isEqualTo(0.0);
    assertThat(Gradients.hvp(other, List.of(x), one)).containsExactly(0.0);
    assertThat(Gradients.of(other, List.of(x)).get(0).data()).isEqualTo(0.0);
    assertThat(Gradients.jvp(Value.constant(3), List.of(x), one)).isEqualTo(0.0);
  }

  @Test
  void leavesOtherThanTheInputsAreHeldFixed() {
    Value x = Value.of(0.5);
    Value w = Value.of(-1.5); // a weight: wants a gradient, but is not an input
    Value b = Value.of(0.25);
    Value y = w.mul(x).add(b).tanh().mul(w); // w·tanh(w·x + b)
    double t = Math.tanh(-1.5 * 0.5 + 0.25);
    double dy = -1.5 * (1 - t * t) * -1.5; // w²·(1 − t²)
    double d2y = -1.5 * -2 * t * (1 - t * t) * -1.5 * -1.5; // w³·(−2t)(1 − t²)

    assertThat(Gradients.of(y, List.of(x)).get(0).data()).isCloseTo(dy, within(1e-15));
    assertThat(Gradients.jvp(y, List.of(x), new double[] {2})).isCloseTo(2 * dy, within(1e-15));
    assertThat(Gradients.hvp(y, List.of(x), new double[] {2})[0])
        .isCloseTo(2 * d2y, within(1e-15));
    assertThat(Gradients.hessian(y, List.of(x, b))[1][1])
        .isCloseTo(-1.5 * -2 * t * (1 - t * t), within(1e-15));
  }

  @Test
  void localGradientsDeclaredConstantChangeNoSecondDerivative() {
    double[][][] hessians = new double[2][][];
    double[][] products = new double[2][];
    for (int declared = 0; declared < 2; declared++) {
      Value x = Value.of(0.7);
      Value z = Value.of(-0.4);
      Value f = x.mul(x).apply(twiceMinus(declared == 1), new double[0], x.mul(z));
      Value y = f.tanh().mul(z); // z·tanh(2x² − xz)
      hessians[declared] = Gradients.hessian(y, List.of(x, z));
      products[declared] = Gradients.hvp(y, List.of(x, z), new double[] {0.3, -1.1});
    }

    assertThat(hessians[1]).isEqualTo(hessians[0]);
    assertThat(products[1]).isEqualTo(products[0]);
    double t = Math.tanh(2 * 0.49 + 0.28);
    double fx = 4 * 0.7 + 0.4; // ∂f/∂x = 4x − z, and ∂²f/∂x² = 4
    double dxx = -0.4 * (-2 * t * (1 - t * t) * fx * fx + (1 - t * t) * 4);
    assertThat(hessians[0][0][0]).isCloseTo(dxx, within(1e-14));
  }

  @Test
  void firstOrderThroughAnOpWithoutValuesWorksInEveryMode() {
    Value x = Value.of(2);
    Value y = cube(x).mul(x); // x⁴

    assertThat(Gradients.of(y, List.of(x)).get(0).data()).isEqualTo(32.0);
    assertThat(Gradients.jvp(y, List.of(x), new double[] {0.5})).isEqualTo(16.0);
  }

  @Test
  void aSecondDerivativeThroughAnOpWithoutValuesNamesTheOp() {
    Value x = Value.of(2, "x");
    Value y = cube(x);
    String expected =
        "op 'cube' gives its local gradient as numbers only, so its derivative cannot be"
            + " differentiated: implement dev.opgrad.spi.HigherOrderOp in "
            + CUBE.getClass().getName();

    assertThatThrownBy(() -> Gradients.hessian(y, List.of(x)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "op 'grad of cube' failed computing its local gradient for output of 'grad of cube'"
                + " (12.0) at 'x' (2.0), output of 'cube' (8.0): "
                + expected);
    assertThatThrownBy(() -> Gradients.hvp(y, List.of(x), new double[] {1}))
        .hasMessageEndingWith(expected);
    Value first = Gradients.of(y, List.of(x)).get(0);
    assertThatThrownBy(() -> first.backward()).hasMessageEndingWith(expected);
  }

  @Test
  void rejectsInputsThatAreComputedNullRepeatedOrConstant() {
    Value x = Value.of(2, "x");
    Value y = x.mul(3);

    assertThatThrownBy(() -> Gradients.of(y, List.of(x, y)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "inputs[1], output of 'mul' (6.0), is computed by op 'mul': differentiate with"
                + " respect to leaves");
    assertThatThrownBy(() -> Gradients.of(y, java.util.Arrays.asList(x, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("inputs[1] is null");
    assertThatThrownBy(() -> Gradients.hessian(y, List.of(x, x)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inputs[0] and inputs[1] are the same value, 'x' (2.0)");
    assertThatThrownBy(() -> Gradients.jvp(y, List.of(Value.constant(1)), new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "inputs[0], leaf 1.0, is a constant, which has no gradient: make it with Value.of");
    assertThatThrownBy(() -> Gradients.of(null, List.of(x)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("output");
  }

  @Test
  void rejectsAVectorOrTangentsOfAnotherLength() {
    Value x = Value.of(2);
    Value z = Value.of(3);
    Value y = x.mul(z);

    assertThatThrownBy(() -> Gradients.hvp(y, List.of(x, z), new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hvp: vector has 3 elements for 2 inputs");
    assertThatThrownBy(() -> Gradients.jvp(y, List.of(x, z), new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jvp: tangents has 1 elements for 2 inputs");
  }

  @Test
  void ofGivesNumbersOnlyUnderNoGradButHessianAndHvpStillWork() {
    Value x = Value.of(3);
    Value y = x.mul(x).mul(x);

    try (Scope scope = NoGrad.enter()) {
      Value first = Gradients.of(y, List.of(x)).get(0);
      assertThat(first.data()).isEqualTo(27.0);
      assertThat(first.requiresGrad()).isFalse();
      assertThat(Gradients.hessian(y, List.of(x))).isEqualTo(new double[][] {{18.0}});
      assertThat(Gradients.hvp(y, List.of(x), new double[] {2})).containsExactly(36.0);
      assertThat(NoGrad.isOn()).isTrue();
    }
  }

  @Test
  void higherDerivativesAreTheSameOnEveryRun() {
    double[][] first = hessianOfTanhNetwork();
    for (int run = 0; run < 5; run++) {
      assertThat(hessianOfTanhNetwork()).isEqualTo(first);
    }
  }

  private static double[][] hessianOfTanhNetwork() {
    Value a = Value.of(0.3);
    Value b = Value.of(-0.8);
    Value c = Value.of(1.1);
    Value h = a.mul(b).add(c).tanh().mul(a.sub(c).tanh()).add(b.mul(b).exp());
    return Gradients.hessian(h, List.of(a, b, c));
  }
}
