package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import org.junit.jupiter.api.Test;

class LogTest {

  @Test
  void referenceValuesAndGradients() {
    Value e = Value.of(Math.E);
    Value y = e.apply("log");
    y.backward();
    assertThat(y.data()).isEqualTo(1.0);
    assertThat(e.grad()).isEqualTo(1 / Math.E);

    Value quarter = Value.of(0.25);
    Value z = quarter.apply("log");
    z.backward();
    assertThat(z.data()).isEqualTo(-2 * Math.log(2));
    assertThat(quarter.grad()).isEqualTo(4.0);
  }

  @Test
  void outsideTheDomainGivesWhatMathLogGives() {
    Value zero = Value.of(0.0);
    Value y = zero.apply("log");
    y.backward();

    assertThat(y.data()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(zero.grad()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Value.of(-1.0).apply("log").data()).isNaN();
  }

  @Test
  void passesGradCheckAtItsPoints() {
    GradCheckResult declared = GradCheck.defaults().check(new Log());

    assertThat(declared.passed()).as(declared.toString()).isTrue();
    assertThat(declared.pointCount()).isEqualTo(6);
  }
}
