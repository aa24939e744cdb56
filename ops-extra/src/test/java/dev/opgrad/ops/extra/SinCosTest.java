package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.spi.Op;
import org.junit.jupiter.api.Test;

/** sin and cos, each other's derivative, tested together. */
class SinCosTest {

  @Test
  void referenceValuesAndGradients() {
    Value x = Value.of(Math.PI / 6, "x");

    Value s = x.apply("sin");
    s.backward();
    assertThat(s.data()).isCloseTo(0.5, within(1e-15));
    assertThat(x.grad()).isCloseTo(Math.sqrt(3) / 2, within(1e-15));

    x.zeroGrad();
    Value c = x.apply("cos");
    c.backward();
    assertThat(c.data()).isCloseTo(Math.sqrt(3) / 2, within(1e-15));
    assertThat(x.grad()).isCloseTo(-0.5, within(1e-15));
  }

  @Test
  void sinSquaredPlusCosSquaredHasGradientZero() {
    Value x = Value.of(0.7, "x");

    Value one = x.apply("sin").pow(2).add(x.apply("cos").pow(2));
    one.backward();

    assertThat(one.data()).isCloseTo(1.0, within(1e-15));
    assertThat(x.grad()).isCloseTo(0.0, within(1e-15));
  }

  @Test
  void passGradCheckAtTheirPointsAndOnADenseGrid() {
    for (Op op : new Op[] {new Sin(), new Cos()}) {
      GradCheckResult declared = GradCheck.defaults().check(op);

      assertThat(declared.passed()).as(declared.toString()).isTrue();
      DenseGrid.check(op, -10, 10, 1001);
    }
  }
}
