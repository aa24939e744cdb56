package dev.opgrad.ops.extra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import org.junit.jupiter.api.Test;

class SigmoidTest {

  @Test
  void referenceValuesAndGradients() {
    Value zero = Value.of(0.0);
    Value y = zero.apply("sigmoid");
    y.backward();
    assertThat(y.data()).isEqualTo(0.5);
    assertThat(zero.grad()).isEqualTo(0.25);

    Value two = Value.of(2.0);
    Value z = two.apply("sigmoid");
    z.backward();
    assertThat(z.data()).isCloseTo(0.8807970779778823, within(1e-16));
    assertThat(two.grad()).isCloseTo(0.10499358540350662, within(1e-16));
    assertThat(Value.of(-2.0).apply("sigmoid").data())
        .isCloseTo(0.11920292202211755, within(1e-16));
  }

  @Test
  void doesNotOverflowAtPlusOrMinusOneThousand() {
    Value big = Value.of(1000.0);
    Value small = Value.of(-1000.0);

    Value up = big.apply("sigmoid");
    Value down = small.apply("sigmoid");
    up.backward();
    down.backward();

    assertThat(up.data()).isEqualTo(1.0);
    assertThat(down.data()).isEqualTo(0.0);
    assertThat(big.grad()).isEqualTo(0.0);
    assertThat(small.grad()).isEqualTo(0.0);
  }

  @Test
  void passesGradCheckAtItsPointsAndOnADenseGrid() {
    GradCheckResult declared = GradCheck.defaults().check(new Sigmoid());

    assertThat(declared.passed()).as(declared.toString()).isTrue();
    assertThat(declared.pointCount()).isEqualTo(9);
    DenseGrid.check(new Sigmoid(), -30, 30, 601);
  }
}
