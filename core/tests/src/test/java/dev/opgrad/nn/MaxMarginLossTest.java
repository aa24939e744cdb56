package dev.opgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaxMarginLossTest {

  @Test
  void addsTheL2PenaltyToTheDataLossAndReportsAccuracy() {
    Value w = Value.of(2);
    Value b = Value.of(-1);
    // scores w·x + b for x = 1 (label +1) and x = -1 (label -1): 1 and -3
    List<Value> scores = List.of(w.mul(1).add(b), w.mul(-1).add(b));

    MaxMarginLoss loss = MaxMarginLoss.of(scores, new double[] {1, -1}, List.of(w, b), 0.5);
    loss.total().backward();

    // data: (relu(1 - 1) + relu(1 - 3)) / 2 = 0; reg: 0.5·(4 + 1) = 2.5
    assertThat(loss.dataLoss()).isEqualTo(0.0);
    assertThat(loss.regLoss()).isEqualTo(2.5);
    assertThat(loss.total().data()).isEqualTo(2.5);
    assertThat(loss.accuracy()).isEqualTo(1.0);
    // only the penalty pulls: 2·0.5·p (the first score sits exactly at the margin: relu'(0) = 0)
    assertThat(w.grad()).isCloseTo(2.0, within(1e-15));
    assertThat(b.grad()).isCloseTo(-1.0, within(1e-15));
    assertThat(loss).hasToString("loss 2.5000 (data 0.0000 + reg 2.5000), accuracy 100%");
  }
}
