package dev.opgrad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Second derivatives of micrograd's README expression through the real ops: {@link
 * Gradients#hessian}, {@link Gradients#hvp} and {@link Gradients#jvp} against its closed form and
 * against central differences of {@link Value#backward()}'s gradients.
 *
 * <p>At a = −4, b = 2 the first relu is off (b + a = −2) and the second on (b − a = 6), and the
 * expression reduces to g = e²/2 + 10/e² with e = 4a + 3b + 3 − 12ab − 12b³ = −7, so that its
 * Hessian is g''(e)·∇e∇eᵀ + g'(e)·∇²e, with g'(e) = e − 20/e³, g''(e) = 1 + 60/e⁴, ∇e = (4 − 12b, 3
 * − 12a − 36b²) = (−20, −93) and ∇²e = [[0, −12], [−12, −72b]]: exactly [[984400, 4777464],
 * [4777464, 23685237]] / 2401.
 */
class HessianTest {

  private static final double[][] EXACT = {
    {984400.0 / 2401, 4777464.0 / 2401}, {4777464.0 / 2401, 23685237.0 / 2401}
  };

  /** {∂g/∂a, ∂g/∂b} at (a, b) by {@link Value#backward()}. */
  private static double[] backwardGradient(double a, double b) {
    Value va = Value.of(a);
    Value vb = Value.of(b);
    ReadmeExpression.g(va, vb).backward();
    return new double[] {va.grad(), vb.grad()};
  }

  @Test
  void theHessianIsTheClosedFormToRoundingAndSymmetric() {
    Value a = Value.of(-4.0);
    Value b = Value.of(2.0);

    double[][] hessian = Gradients.hessian(ReadmeExpression.g(a, b), List.of(a, b));

    // A few dozen roundings of numbers up to 1e4 on the way: 1e-12 relative.
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertThat(hessian[i][j])
            .as("H[%d][%d]", i, j)
            .isCloseTo(EXACT[i][j], within(1e-12 * Math.abs(EXACT[i][j])));
      }
    }
    assertThat(hessian[0][1]).isCloseTo(hessian[1][0], within(4 * Math.ulp(hessian[0][1])));
  }

  @Test
  void theHessianMatchesCentralDifferencesOfBackwardsGradients() {
    Value a = Value.of(-4.0);
    Value b = Value.of(2.0);
    double[][] hessian = Gradients.hessian(ReadmeExpression.g(a, b), List.of(a, b));

    double h = 1e-6;
    double[][] differences = new double[2][];
    for (int j = 0; j < 2; j++) {
      double[] plus = backwardGradient(-4.0 + (j == 0 ? h : 0), 2.0 + (j == 1 ? h : 0));
      double[] minus = backwardGradient(-4.0 - (j == 0 ? h : 0), 2.0 - (j == 1 ? h : 0));
      differences[j] =
          new double[] {(plus[0] - minus[0]) / (2 * h), (plus[1] - minus[1]) / (2 * h)};
    }

    // Truncation h²/6·|∂⁴g| ≤ 1.3e-7 (the largest fourth derivative is ∂⁴g/∂b⁴ = 7.5e5), plus
    // rounding of about 2⁻⁵²·|∇g|/h ≈ 1.4e-7: 1e-6 absolute on entries from 410 to 9865.
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertThat(hessian[i][j])
            .as("H[%d][%d]: %s", i, j, hessian[i][j] - differences[j][i])
            .isCloseTo(differences[j][i], within(1e-6));
      }
    }
  }

  @Test
  void gradientsOfTwiceGivesTheHessiansRows() {
    Value a = Value.of(-4.0);
    Value b = Value.of(2.0);
    Value output = ReadmeExpression.g(a, b);

    List<Value> gradient = Gradients.of(output, List.of(a, b));
    double[][] hessian = Gradients.hessian(output, List.of(a, b));

    // The same derivatives, reverse over reverse instead of forward over reverse.
    for (int i = 0; i < 2; i++) {
      List<Value> row = Gradients.of(gradient.get(i), List.of(a, b));
      for (int j = 0; j < 2; j++) {
        assertThat(row.get(j).data())
            .as("H[%d][%d]", i, j)
            .isCloseTo(hessian[i][j], within(1e-12 * Math.abs(hessian[i][j])));
      }
    }
  }

  @Test
  void hvpIsTheHessianTimesTheVectorAndJvpTheGradientTimesTheTangent() {
    Value a = Value.of(-4.0);
    Value b = Value.of(2.0);
    Value output = ReadmeExpression.g(a, b);
    double[][] hessian = Gradients.hessian(output, List.of(a, b));
    double[] gradient = backwardGradient(-4.0, 2.0);

    for (double[] v : new double[][] {{1, 0}, {0, 1}, {0.5, -1.25}, {-3, 7}}) {
      double[] hv = Gradients.hvp(output, List.of(a, b), v);
      double jv = Gradients.jvp(output, List.of(a, b), v);

      // The same sums in another order: 1e-12 relative to the largest term.
      for (int i = 0; i < 2; i++) {
        double scale = Math.abs(hessian[i][0] * v[0]) + Math.abs(hessian[i][1] * v[1]);
        assertThat(hv[i])
            .isCloseTo(hessian[i][0] * v[0] + hessian[i][1] * v[1], within(1e-12 * scale));
      }
      double scale = Math.abs(gradient[0] * v[0]) + Math.abs(gradient[1] * v[1]);
      assertThat(jv).isCloseTo(gradient[0] * v[0] + gradient[1] * v[1], within(1e-12 * scale));
    }
  }
}
