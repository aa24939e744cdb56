package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.ArrayList;
import java.util.List;

/** Checks a unary op's local gradient against central differences on a dense grid. */
final class DenseGrid {

  private DenseGrid() {}

  /**
   * Gradchecks {@code op} with PyTorch's defaults at {@code count} evenly spaced points of [{@code
   * from}, {@code to}], with the given constants, and returns the result.
   */
  static GradCheckResult check(Op op, double from, double to, int count, double... constants) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(Point.withConstants(constants, from + (to - from) * i / (count - 1)));
    }
    GradCheckResult result = GradCheck.defaults().check(op, points);
    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.pointCount()).isEqualTo(count);
    return result;
  }
}
