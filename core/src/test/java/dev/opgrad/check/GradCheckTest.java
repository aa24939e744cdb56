package dev.opgrad.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.spi.BatchOp;
import dev.opgrad.spi.Nodes;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import dev.opgrad.testing.LoopedBatchOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradCheckTest {

  /** {@code cube(x) = x³}, with a correct or a deliberately wrong derivative. */
  private static Op cube(boolean correct) {
    return new Op() {
      @Override
      public String name() {
        return correct ? "cube" : "bad_cube";
      }

      @Override
      public int arity() {
        return 1;
      }

      @Override
      public double forward(double[] x, double[] constants) {
        return x[0] * x[0] * x[0];
      }

      @Override
      public void localGrad(double[] x, double[] constants, double output, double[] grads) {
        grads[0] = correct ? 3 * x[0] * x[0] : 2 * x[0] * x[0];
      }
    };
  }

  @Test
  void aCorrectGradientPassesAtTheDefaultPoints() {
    GradCheckResult result = GradCheck.defaults().check(cube(true));

    assertThat(result.passed()).isTrue();
    assertThat(result.opName()).isEqualTo("cube");
    assertThat(result.pointCount()).isEqualTo(4);
    assertThat(result.worstPoint()).isPresent();
    assertThat(result.toString())
        .startsWith("gradcheck of 'cube' passed on 4 points; worst: input 0 at inputs [");
  }

  @Test
  void aWrongGradientFailsAndReportsTheWorstPointWithBothValues() {
    GradCheckResult result =
        GradCheck.defaults()
            .check(cube(false), List.of(Point.of(0.5), Point.of(2.0), Point.of(-1.0)));

    assertThat(result.passed()).isFalse();
    assertThat(result.worstPoint()).contains(Point.of(2.0));
    assertThat(result.worstInput()).isZero();
    assertThat(result.analytic()).isEqualTo(8.0);
    assertThat(result.numeric()).isCloseTo(12.0, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(result.toString())
        .startsWith(
            "gradcheck of 'bad_cube' failed on 3 points; worst: input 0 at inputs [2.0]:"
                + " analytic 8.0, numeric 12.0000");
  }

  @Test
  void tolerancesCanBeWidened() {
    List<Point> points = List.of(Point.of(1.0));

    assertThat(GradCheck.defaults().check(cube(false), points).passed()).isFalse();
    assertThat(GradCheck.defaults().withAtol(1.01).check(cube(false), points).passed()).isTrue();
    assertThat(GradCheck.defaults().withRtol(0.34).check(cube(false), points).passed()).isTrue();
    assertThat(GradCheck.defaults()).hasToString("GradCheck{eps=1.0E-6, atol=1.0E-5, rtol=0.001}");
  }

  @Test
  void aLargeEpsShowsTheTruncationError() {
    List<Point> points = List.of(Point.of(1.0));

    // (f(1 + h) - f(1 - h)) / 2h = 3 + h² for x³.
    GradCheckResult coarse = GradCheck.defaults().withEps(0.1).check(cube(true), points);

    assertThat(coarse.numeric()).isCloseTo(3.01, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(coarse.passed()).isFalse();
  }

  @Test
  void noPointsIsAFailureThatSaysWhy() {
    GradCheckResult result = GradCheck.defaults().check(cube(true), List.of());

    assertThat(result.passed()).isFalse();
    assertThat(result.worstPoint()).isEmpty();
    assertThat(result)
        .hasToString(
            "gradcheck of 'cube' failed: no points to check; the op declares none in"
                + " gradCheckPoints() and none were given");
  }

  @Test
  void aNonFiniteGradientFails() {
    GradCheckResult result = GradCheck.defaults().check(cube(true), List.of(Point.of(1e300)));

    assertThat(result.passed()).isFalse();
  }

  @Test
  void aPointOfTheWrongShapeIsRejected() {
    assertThatThrownBy(() -> GradCheck.defaults().check(cube(true), List.of(Point.of(1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'cube' takes 1 inputs and 0 constants; the point has inputs [1.0, 2.0]");
    assertThatThrownBy(() -> GradCheck.defaults().withEps(0))
        .hasMessage("eps must be positive and finite, got 0.0");
  }

  @Test
  void aBatchOpWhoseBatchMethodsMatchItsPerNodeMethodsPasses() {
    GradCheckResult result = GradCheck.defaults().check(new LoopedBatchOp(cube(true)));

    assertThat(result.passed()).isTrue();
    assertThat(result.batchMismatch()).isEmpty();
  }

  /**
   * cube's per-node methods, with a batch forward in float precision or a batch backward that
   * forgets the gradient.
   */
  private static BatchOp faultyBatchCube(boolean floatForward) {
    Op cube = cube(true);
    return new BatchOp() {
      @Override
      public String name() {
        return "faulty_cube";
      }

      @Override
      public int arity() {
        return 1;
      }

      @Override
      public double forward(double[] x, double[] constants) {
        return cube.forward(x, constants);
      }

      @Override
      public void localGrad(double[] x, double[] constants, double output, double[] grads) {
        cube.localGrad(x, constants, output, grads);
      }

      @Override
      public void forwardBatch(Nodes nodes) {
        for (int k = 0; k < nodes.size(); k++) {
          double x = nodes.input(k, 0);
          nodes.setOutput(k, floatForward ? (float) (x * x * x) : x * x * x);
        }
      }

      @Override
      public void backwardBatch(Nodes nodes) {
        for (int k = 0; k < nodes.size(); k++) {
          double x = nodes.input(k, 0);
          nodes.addInputGrad(k, 0, 3 * x * x);
        }
      }
    };
  }

  @Test
  void aBatchForwardThatDiffersFromForwardInTheLastBitFails() {
    double x = 1.3;
    GradCheckResult result =
        GradCheck.defaults().check(faultyBatchCube(true), List.of(Point.of(x), Point.of(2.0)));

    assertThat(result.passed()).isFalse();
    assertThat(result.batchMismatch())
        .contains(
            "forwardBatch gives "
                + (double) (float) (x * x * x)
                + " at inputs [1.3], forward "
                + x * x * x);
    assertThat(result.toString())
        .endsWith("; batch methods differ: " + result.batchMismatch().get());
  }

  @Test
  void aBatchBackwardThatForgetsTheGradientFails() {
    GradCheckResult result =
        GradCheck.defaults().check(faultyBatchCube(false), List.of(Point.of(2.0)));

    assertThat(result.passed()).isFalse();
    assertThat(result.batchMismatch())
        .contains(
            "backwardBatch with gradient 1.5 makes input 0's gradient 12.25 (from 0.25) at inputs"
                + " [2.0], localGrad 18.25");
  }
}
