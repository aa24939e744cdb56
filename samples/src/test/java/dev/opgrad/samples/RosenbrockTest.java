package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.samples.Rosenbrock.Path;
import dev.opgrad.samples.Rosenbrock.Point;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RosenbrockTest {

  /**
   * Newton's first step from (−1.2, 1), by hand: with u = y − x² = −0.44, the gradient is (−2(1 −
   * x) − 400x·u, 200u) = (−215.6, −88) and the Hessian ((2 − 400y + 1200x², −400x), (−400x, 200))
   * = ((1330, 480), (480, 200)), of determinant 35600; H⁻¹·∇f = (−880, −13552)/35600, so the
   * iterate is (−1.2 + 880/35600, 1 + 13552/35600) = (−523/445, 3072/2225).
   */
  @Test
  void newtonsFirstIterateIsTheOneComputedByHand() {
    Point first = Rosenbrock.newton().points().get(1);

    assertThat(first.x()).isCloseTo(-523.0 / 445, within(1e-15));
    assertThat(first.y()).isCloseTo(3072.0 / 2225, within(1e-15));
  }

  @Test
  void bothMethodsStopAtTheFirstIterateWithin1e10OfTheMinimumAtOneOne() {
    Rosenbrock.Result result = Rosenbrock.run(new PrintStream(new ByteArrayOutputStream()));

    for (Path path : new Path[] {result.newton(), result.descent()}) {
      assertThat(path.reached()).isTrue();
      assertThat(path.last().f()).isEqualTo(closedForm(path.last().x(), path.last().y()));
      assertThat(path.last().f()).isLessThanOrEqualTo(1e-10);
      assertThat(path.points().get(path.iterations() - 1).f()).isGreaterThan(1e-10);
      // f ≤ 1e-10 near (1, 1) means within about 1e-5 along the valley.
      assertThat(path.last().x()).isCloseTo(1, within(2e-5));
      assertThat(path.last().y()).isCloseTo(1, within(4e-5));
    }
    assertThat(result.newton().iterations()).isEqualTo(5);
    assertThat(result.descent().iterations()).isEqualTo(26_593);
  }

  /** The same iterations in plain doubles, from the closed-form gradient and Hessian. */
  @Test
  void pathsAreThoseOfTheClosedFormGradientAndHessian() {
    Path newton = Rosenbrock.newton();
    Path descent = Rosenbrock.gradientDescent();

    double x = -1.2;
    double y = 1;
    for (int k = 0; k <= newton.iterations(); k++) {
      assertThat(newton.points().get(k).x()).as("Newton x %d", k).isCloseTo(x, within(1e-12));
      assertThat(newton.points().get(k).y()).as("Newton y %d", k).isCloseTo(y, within(1e-12));
      double u = y - x * x;
      double gx = -2 * (1 - x) - 400 * x * u;
      double gy = 200 * u;
      double hxx = 2 - 400 * y + 1200 * x * x;
      double hxy = -400 * x;
      double det = hxx * 200 - hxy * hxy;
      double nextX = x - (200 * gx - hxy * gy) / det;
      y -= (hxx * gy - hxy * gx) / det;
      x = nextX;
    }
    x = -1.2;
    y = 1;
    int k = 0;
    while (closedForm(x, y) > 1e-10) {
      double u = y - x * x;
      double gx = -2 * (1 - x) - 400 * x * u;
      x -= 0.001 * gx;
      y -= 0.001 * 200 * u;
      k++;
    }
    assertThat(descent.iterations()).isEqualTo(k);
    assertThat(descent.last().x()).isCloseTo(x, within(1e-12));
    assertThat(descent.last().y()).isCloseTo(y, within(1e-12));
  }

  @Test
  void printsTheIterationsAndThePathsSideBySide() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Rosenbrock.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String printed = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    assertThat(printed).isEqualTo(EXPECTED);
  }

  /** Rosenbrock's function, its terms in the order the sample adds them: the same rounding. */
  private static double closedForm(double x, double y) {
    return (1 - x) * (1 - x) + (y - x * x) * (y - x * x) * 100;
  }

  private static final String EXPECTED =
      """
      Rosenbrock's f(x, y) = (1 - x)² + 100·(y - x²)², smallest at f(1, 1) = 0, from (-1.2, 1.0)
      Newton's method: (x, y) -= H⁻¹·∇f, with H from Gradients.hessian
      gradient descent: (x, y) -= 0.001·∇f
      iterations until f(x, y) ≤ 1e-10: Newton 5, gradient descent 26593

                  Newton's method                           gradient descent
      iteration               x             y           f               x             y           f
              0    -1.200000000   1.000000000   2.420e+01    -1.200000000   1.000000000   2.420e+01
              1    -1.175280899   1.380674157   4.732e+00    -0.984400000   1.088000000   5.353e+00
              2     0.763114871  -3.175033855   1.412e+03    -1.027271567   1.064208672   4.118e+00
              3     0.763429679   0.582824775   5.597e-02    -1.026883068   1.062424312   4.115e+00
              4     0.999995311   0.944027324   3.132e-01    -1.026088825   1.060837217   4.111e+00
              5     0.999995696   0.999991391   1.853e-11    -1.025311488   1.059241428   4.108e+00
             10                                              -1.021411334   1.051262267   4.092e+00
            100                                              -0.948186379   0.907094100   3.802e+00
           1000                                               0.327262775   0.104012800   4.535e-01
          10000                                               0.992355840   0.984739384   5.853e-05
          26593                                               0.999990010   0.999979980   9.996e-11
      """;
}
