package dev.opgrad.samples.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorsTest {

  @Test
  void ulpsAreInUnitsOfTheReferencesLastPlace() {
    assertThat(Errors.ulps(Math.nextUp(1.0), 1.0)).isEqualTo(1);
    assertThat(Errors.ulps(Math.nextDown(1.0), 1.0)).isEqualTo(0.5); // below 1 the gap halves
    assertThat(Errors.ulps(1.0 + 0x1p-30, 1.0)).isEqualTo(0x1p22);
    assertThat(Errors.ulps(-3.0, -3.0)).isZero();
  }

  @Test
  void atZeroAndAmongSubnormalsAnUlpIsTheSmallestSubnormal() {
    assertThat(Errors.ulps(Double.MIN_VALUE, 0)).isEqualTo(1);
    assertThat(Errors.ulps(0, 10 * Double.MIN_VALUE)).isEqualTo(10);
    assertThat(Errors.ulps(1e-300, 0)).isEqualTo(1e-300 / Double.MIN_VALUE);
  }

  @Test
  void nonFiniteResultsAreZeroOffWhenEqualAndInfinitelyOffOtherwise() {
    assertThat(Errors.ulps(Double.NaN, Double.NaN)).isZero();
    assertThat(Errors.ulps(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isZero();
    assertThat(Errors.ulps(Double.POSITIVE_INFINITY, Double.MAX_VALUE)).isInfinite();
    assertThat(Errors.ulps(1, Double.NaN)).isInfinite();
    assertThat(Errors.relative(Double.NaN, 1)).isInfinite();
  }

  @Test
  void relativeErrorIsInfiniteOnlyAgainstAZeroReference() {
    assertThat(Errors.relative(1.5, 1.0)).isEqualTo(0.5);
    assertThat(Errors.relative(0, 0)).isZero();
    assertThat(Errors.relative(1e-300, 0)).isInfinite();
    // Two finite doubles may be further apart than the largest double, in ulps: 2 from 1e-300.
    assertThat(Errors.ulps(2, 1e-300)).isInfinite();
  }

  @Test
  void wrongMeansHalfTheSignificandLost() {
    assertThat(Errors.WRONG_ULPS).isEqualTo(67_108_864);
    assertThat(Breakdown.Kind.of(1 + 0x1p-26, 1)).isNull(); // exactly 2^26 ulps: not yet wrong
    assertThat(Breakdown.Kind.of(1 + 0x1p-25, 1)).isEqualTo(Breakdown.Kind.WRONG);
    assertThat(Breakdown.Kind.of(Double.NaN, 1)).isEqualTo(Breakdown.Kind.NAN);
    assertThat(Breakdown.Kind.of(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))
        .isEqualTo(Breakdown.Kind.NEGATIVE_INFINITY);
    assertThat(Breakdown.Kind.of(5, Double.NaN)).isNull(); // no reference: not judged
  }
}
