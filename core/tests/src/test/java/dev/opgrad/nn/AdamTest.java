package dev.opgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

  /** Takes {@code steps} steps of the gradient 3 (of 3p); returns p afterwards. */
  private static double steps(Adam.Builder builder, Value p, int steps) {
    Adam adam = builder.build();
    for (int i = 0; i < steps; i++) {
      adam.zeroGrad();
      p.mul(3).backward();
      adam.step();
    }
    return p.data();
  }

  @Test
  void aConstantGradientMovesEachStepByTheLearningRate() {
    Value p = Value.of(1);

    // bias-corrected m = 3 and v = 9 at every step: each moves lr·3/(3 + 1e-8)
    double after = steps(Adam.builder(List.of(p)).learningRate(0.1), p, 2);

    assertThat(after).isCloseTo(1 - 2 * 0.1 * 3 / (3 + 1e-8), within(1e-15));
  }

  @Test
  void theMomentsFollowTheirRecurrences() {
    Value p = Value.of(0);
    Adam adam = Adam.builder(List.of(p)).learningRate(0.5).betas(0.5, 0.75).epsilon(0).build();

    p.mul(4).backward(); // g1 = 4
    adam.step();
    p.zeroGrad();
    p.mul(-2).backward(); // g2 = -2
    adam.step();

    // step 1: m = 2, v = 4; m̂ = 4, v̂ = 16: p = -0.5·4/4 = -0.5
    // step 2: m = 0.5·2 + 0.5·(-2) = 0, so p stays
    assertThat(p.data()).isEqualTo(-0.5);
    assertThat(adam.steps()).isEqualTo(2);
  }

  @Test
  void weightDecayIsAddedToTheGradient() {
    Value p = Value.of(1);

    // g = 3 + 0.5·1 = 3.5
    double after = steps(Adam.builder(List.of(p)).learningRate(0.1).weightDecay(0.5), p, 1);

    assertThat(after).isCloseTo(1 - 0.1 * 3.5 / (3.5 + 1e-8), within(1e-15));
  }

  @Test
  void adamWDecaysTheParameterApartFromTheGradient() {
    Value p = Value.of(1);

    double after =
        steps(Adam.builder(List.of(p)).learningRate(0.1).decoupledWeightDecay(0.5), p, 1);

    // p·(1 - 0.1·0.5) - 0.1·3/(3 + 1e-8)
    assertThat(after).isCloseTo(0.95 - 0.1 * 3 / (3 + 1e-8), within(1e-15));
  }

  @Test
  void adamWShrinksAParameterWithoutGradient() {
    Value p = Value.of(2);
    Adam adamW = Adam.builder(List.of(p)).learningRate(0.1).decoupledWeightDecay(0.5).build();

    adamW.step();

    assertThat(p.data()).isEqualTo(2 - 0.1 * 0.5 * 2);
  }

  @Test
  void followsALearningRateSchedule() {
    Value p = Value.of(1);

    double after = steps(Adam.builder(List.of(p)).learningRate(k -> 0.1 * (k + 1)), p, 2);

    // 0.1 then 0.2, each times 3/(3 + 1e-8); the bias corrections round in the last bits
    assertThat(after).isCloseTo(1 - 0.3 * 3 / (3 + 1e-8), within(1e-14));
  }

  @Test
  void rejectsBadSettings() {
    Adam.Builder builder = Adam.builder(List.of(Value.of(1)));

    assertThatThrownBy(() -> builder.betas(1, 0.9)).hasMessage("beta1 must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> builder.decoupledWeightDecay(-1))
        .hasMessage("weight decay must not be negative, got -1.0");
  }
}
