package dev.opgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdTest {

  @Test
  void stepsAgainstTheGradient() {
    Value p = Value.of(1);
    Value q = Value.of(-2);
    Sgd sgd = new Sgd(List.of(p, q), 0.25);

    p.mul(3).add(q.mul(q)).backward(); // ∂/∂p = 3, ∂/∂q = 2q = -4
    sgd.step();

    assertThat(p.data()).isEqualTo(0.25);
    assertThat(q.data()).isEqualTo(-1.0);
    assertThat(sgd.steps()).isEqualTo(1);
  }

  @Test
  void followsItsScheduleAndZeroGradClearsBetweenSteps() {
    Value p = Value.of(1);
    Sgd sgd = new Sgd(List.of(p), k -> 1.0 - 0.9 * k / 100);

    for (int k = 0; k < 3; k++) {
      sgd.zeroGrad();
      p.mul(2).backward();
      sgd.step();
    }

    // 1 - 2·(1 + 0.991 + 0.982)
    assertThat(p.data()).isEqualTo(1 - 2 * 1.0 - 2 * 0.991 - 2 * 0.982);
    assertThat(sgd.learningRate()).isEqualTo(0.973);
    assertThat(sgd.steps()).isEqualTo(3);
  }
}
