package dev.opgrad;

import static dev.opgrad.testing.TestOps.PLUS;
import static dev.opgrad.testing.TestOps.TIMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchGradientsTest {

  private static final double[] NONE = {};
  private static final double[] XS = {0.5, -1.25, 2, 3.75, -0.1, 1.0 / 3, 7, -2.5, 0.9};
  private static final double[] YS = {1, -2, 0.25, 4, 0, -1, 6.5, 3, -0.3};

  /** Squared error of the line a·x + b at sample s. */
  private static Value squaredError(List<Value> parameters, int s) {
    Value a = parameters.get(0);
    Value b = parameters.get(1);
    Value residual =
        a.apply(TIMES, NONE, Value.of(XS[s]))
            .apply(PLUS, NONE, b)
            .apply(PLUS, NONE, Value.of(-YS[s]));
    return residual.apply(TIMES, NONE, residual);
  }

  @Test
  void sumsTheSamplesLossesAndGradients() {
    double a = 0.7;
    double b = -0.2;
    BatchGradients batch =
        BatchGradients.compute(new double[] {a, b}, XS.length, BatchGradientsTest::squaredError, 1);

    double loss = 0;
    double gradA = 0;
    double gradB = 0;
    for (int s = 0; s < XS.length; s++) {
      double r = a * XS[s] + b - YS[s];
      loss += r * r;
      gradA += 2 * r * XS[s];
      gradB += 2 * r;
    }
    assertThat(batch.loss()).isEqualTo(loss);
    assertThat(batch.gradient(0)).isCloseTo(gradA, offset(1e-12));
    assertThat(batch.gradient(1)).isCloseTo(gradB, offset(1e-12));
  }

  @Test
  void isBitIdenticalWhateverTheParallelism() {
    double[] parameters = {0.7, -0.2};
    BatchGradients sequential =
        BatchGradients.compute(parameters, XS.length, BatchGradientsTest::squaredError, 1);
    for (int parallelism : new int[] {2, 3, 4, 8, 16}) {
      BatchGradients parallel =
          BatchGradients.compute(
              parameters, XS.length, BatchGradientsTest::squaredError, parallelism);
      assertThat(parallel.loss()).isEqualTo(sequential.loss());
      assertThat(parallel.gradients()).containsExactly(sequential.gradients());
    }
  }

  @Test
  void anEmptyBatchHasZeroLossAndGradient() {
    BatchGradients batch =
        BatchGradients.compute(new double[] {1, 2}, 0, BatchGradientsTest::squaredError, 2);
    assertThat(batch.loss()).isZero();
    assertThat(batch.gradients()).containsExactly(0.0, 0.0);
  }

  @Test
  void rejectsANonPositiveParallelism() {
    assertThatThrownBy(
            () -> BatchGradients.compute(new double[0], 1, BatchGradientsTest::squaredError, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism 0 is not positive");
  }
}
