package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import org.junit.jupiter.api.Test;

class SoftplusTest {

  @Test
  void referenceValuesAndGradients() {
    Value zero = Value.of(0.0);
    Value y = zero.apply("softplus");
    y.backward();
    assertThat(y.data()).isEqualTo(Math.log(2));
    assertThat(zero.grad()).isEqualTo(0.5);
    // ln(1 + e) and ln(1 + 1/e)
    assertThat(Value.of(1.0).apply("softplus").data()).isCloseTo(1.3132616875182228, within(1e-15));
    assertThat(Value.of(-1.0).apply("softplus").data())
        .isCloseTo(0.31326168751822286, within(1e-16));
  }

  @Test
  void isExactForLargeMagnitudes() {
    Value big = Value.of(1000.0);
    Value small = Value.of(-1000.0);
    Value medium = Value.of(-40.0);

    Value up = big.apply("softplus");
    Value down = small.apply("softplus");
    Value tiny = medium.apply("softplus");
    up.backward();
    down.backward();
    tiny.backward();

    assertThat(up.data()).isEqualTo(1000.0);
    assertThat(big.grad()).isEqualTo(1.0);
    assertThat(down.data()).isEqualTo(0.0);
    assertThat(small.grad()).isEqualTo(0.0);
    // ln(1 + e^-40) = e^-40 to double precision, where the naive formula gives 0.
    assertThat(tiny.data()).isCloseTo(Math.exp(-40), within(1e-30));
    assertThat(medium.grad()).isCloseTo(Math.exp(-40), within(1e-30));
  }

  @Test
  void passesGradCheckAtItsPointsAndOnADenseGrid() {
    GradCheckResult declared = GradCheck.defaults().check(new Softplus());

    assertThat(declared.passed()).as(declared.toString()).isTrue();
    assertThat(declared.pointCount()).isEqualTo(9);
    DenseGrid.check(new Softplus(), -30, 30, 601);
  }
}
