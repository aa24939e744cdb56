package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import org.junit.jupiter.api.Test;

class Legendre3Test {

  private final Legendre3 op = new Legendre3();

  @Test
  void valuesAndGradientsAtReferencePoints() {
    // P3(1) = 1, P3(-1) = -1, P3(0) = 0, P3(0.5) = (5/8 - 3/2)/2 = -0.4375.
    assertThat(op.forward(new double[] {1}, new double[0])).isEqualTo(1.0);
    assertThat(op.forward(new double[] {-1}, new double[0])).isEqualTo(-1.0);
    assertThat(op.forward(new double[] {0}, new double[0])).isEqualTo(0.0);
    assertThat(op.forward(new double[] {0.5}, new double[0])).isEqualTo(-0.4375);
    double[] grads = new double[1];
    op.localGrad(new double[] {1}, new double[0], 1, grads);
    assertThat(grads[0]).isEqualTo(6.0); // n(n+1)/2
    op.localGrad(new double[] {0}, new double[0], 0, grads);
    assertThat(grads[0]).isEqualTo(-1.5);
  }

  @Test
  void isUsableByNameInAGraph() {
    Value x = Value.of(0.5, "x");

    Value y = x.mul(2).apply("legendre3"); // P3(2x) = 20x³ - 3x
    y.backward();

    assertThat(y.data()).isEqualTo(1.0);
    assertThat(x.grad()).isEqualTo(12.0); // 60x² - 3
  }

  @Test
  void agreesWithTheGeneralLegendreOfDegreeThree() {
    Legendre legendre = new Legendre();
    for (double x = -2; x <= 2; x += 0.125) {
      double[] inputs = {x};
      double[] three = {3};
      assertThat(op.forward(inputs, new double[0]))
          .isCloseTo(legendre.forward(inputs, three), org.assertj.core.data.Offset.offset(1e-13));
    }
  }

  @Test
  void passesGradCheckAtItsPointsAndOnADenseGrid() {
    GradCheckResult declared = GradCheck.defaults().check(op);

    assertThat(declared.passed()).as(declared.toString()).isTrue();
    assertThat(declared.pointCount()).isEqualTo(4);
    DenseGrid.check(op, -3, 3, 601);
  }
}
