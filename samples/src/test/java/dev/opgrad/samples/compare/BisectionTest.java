package dev.opgrad.samples.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BisectionTest {

  @Test
  void keysNumberTheDoublesInOrderWithOneZero() {
    assertThat(Bisection.key(0.0)).isZero();
    assertThat(Bisection.key(-0.0)).isZero();
    assertThat(Bisection.key(Double.MIN_VALUE)).isEqualTo(1);
    assertThat(Bisection.key(-Double.MIN_VALUE)).isEqualTo(-1);
    assertThat(Bisection.key(Math.nextUp(1.0)) - Bisection.key(1.0)).isEqualTo(1);
    assertThat(Bisection.key(-1.0) - Bisection.key(Math.nextDown(-1.0))).isEqualTo(1);
    for (double x : new double[] {-Double.MAX_VALUE, -1e-300, -Double.MIN_VALUE, 0, 3.5, 1e300}) {
      assertThat(Bisection.fromKey(Bisection.key(x))).isEqualTo(x);
    }
    assertThat(Double.doubleToRawLongBits(Bisection.fromKey(0))).isZero(); // 0.0, not -0.0
  }

  @Test
  void findsWhereExpOverflowsToTheLastDouble() {
    double last = Bisection.lastInside(0, 800, x -> Double.isFinite(Math.exp(x)));

    // ln(Double.MAX_VALUE), the largest double whose exp is finite, from either side.
    assertThat(last).isEqualTo(709.782712893384);
    assertThat(Math.exp(Math.nextUp(last))).isInfinite();
    assertThat(Bisection.lastInside(800, 0, x -> Double.isInfinite(Math.exp(x))))
        .isEqualTo(Math.nextUp(709.782712893384));
  }

  @Test
  void crossesZeroAndSpansAnyMagnitudeInAtMost64Steps() {
    int[] steps = {0};

    double last =
        Bisection.lastInside(
            -1e300,
            1e-300,
            x -> {
              steps[0]++;
              return x < -Double.MIN_NORMAL;
            });

    assertThat(last).isEqualTo(Math.nextDown(-Double.MIN_NORMAL));
    assertThat(steps[0]).isLessThanOrEqualTo(64);
  }
}
