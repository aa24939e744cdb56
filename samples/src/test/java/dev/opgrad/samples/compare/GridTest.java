package dev.opgrad.samples.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GridTest {

  @Test
  void evenlySpacedPointsIncludeBothEndsAndZero() {
    Grid grid = Grid.of(-400, 400, 2001);

    double[] even = grid.evenlySpaced();
    assertThat(even).hasSize(2001).startsWith(-400, -399.6).endsWith(399.6, 400);
    assertThat(even[1000]).isZero();
    assertThat(grid.isEvenlySpaced(even[1001])).isTrue();
    assertThat(grid.isEvenlySpaced(1e-300)).isFalse();
  }

  @Test
  void logSpacedPointsRunFromTheSmallestNormalDoubleOnBothSides() {
    Grid grid = Grid.of(-1, 1, 3);

    double[] points = grid.points();
    // 10^(k/4) for k from -1230 (10^-307.5 > 2.2e-308 > 10^-307.75) to -1 on each side (10^0 is
    // evenly spaced already), and -1, 0, 1.
    assertThat(grid.logSpacedCount()).isEqualTo(2 * 1230);
    assertThat(points).hasSize(2 * 1230 + 3).contains(0.0, 1e-300, -1e-300, 1e-8, -0.1);
    assertThat(points[1230 + 2]).isEqualTo(StrictMath.pow(10, -1230 / 4.0)); // the smallest > 0
    assertThat(Arrays.stream(points).filter(x -> x != 0 && Math.abs(x) < Double.MIN_NORMAL))
        .isEmpty();
    assertThat(points).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aRangeAwayFromZeroTakesItsOwnDecades() {
    Grid grid = Grid.of(1, 1e300, 2);

    assertThat(grid.logSpacedCount()).isEqualTo(1199); // 10^(k/4), k = 1..1199; 1 and 1e300 even
    assertThat(grid.points()).hasSize(1201).doesNotContain(0.0);
  }

  @Test
  void aSpanBeyondTheLargestDoubleIsStillSpacedEvenly() {
    double[] even = Grid.of(-Double.MAX_VALUE, Double.MAX_VALUE, 5).evenlySpaced();

    assertThat(even)
        .containsExactly(
            -Double.MAX_VALUE, -Double.MAX_VALUE / 2, 0, Double.MAX_VALUE / 2, Double.MAX_VALUE);
  }
}
