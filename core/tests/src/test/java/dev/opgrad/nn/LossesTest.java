package dev.opgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.CompiledGraph;
import dev.opgrad.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossesTest {

  private static List<Value> values(double... data) {
    return Arrays.stream(data).mapToObj(Value::of).toList();
  }

  @Test
  void meanSquaredError() {
    List<Value> p = values(1, 2);

    Value loss = Losses.meanSquaredError(p, new double[] {0, 4});
    loss.backward();

    // ((1 - 0)² + (2 - 4)²) / 2 = 2.5; ∂/∂p_i = 2(p_i - t_i) / 2
    assertThat(loss.data()).isEqualTo(2.5);
    assertThat(p).extracting(Value::grad).containsExactly(1.0, -2.0);
  }

  @Test
  void maxMarginIsTheMeanHingeAndIgnoresScoresBeyondTheMargin() {
    List<Value> scores = values(0.5, -2, 3, 2);

    Value loss = Losses.maxMargin(scores, new double[] {1, 1, -1, 1});
    loss.backward();

    // relu(1 - 0.5) + relu(1 + 2) + relu(1 + 3) + relu(1 - 2) = 0.5 + 3 + 4 + 0, over 4
    assertThat(loss.data()).isEqualTo(1.875);
    assertThat(scores).extracting(Value::grad).containsExactly(-0.25, -0.25, 0.25, 0.0);
  }

  @Test
  void l2() {
    List<Value> p = values(1, -2);

    Value reg = Losses.l2(p, 0.1);
    reg.backward();

    assertThat(reg.data()).isCloseTo(0.5, within(1e-15));
    assertThat(p).extracting(Value::grad).containsExactly(0.2, -0.4);
  }

  @Test
  void accuracyCountsScoresOnTheSideOfTheirLabel() {
    // right, wrong, wrong, right (0 predicts -1)
    assertThat(Losses.accuracy(values(0.5, -2, 3, 0), new double[] {1, 1, -1, -1})).isEqualTo(0.5);
  }

  @Test
  void softmaxCrossEntropyOfOneSample() {
    List<Value> logits = values(0, Math.log(3));

    Value loss = Losses.softmaxCrossEntropy(List.of(logits), new int[] {0});
    loss.backward();

    // softmax = [1/4, 3/4]: loss = -log(1/4) = log 4; gradient = softmax - one-hot
    assertThat(loss.data()).isCloseTo(Math.log(4), within(1e-15));
    assertThat(logits.get(0).grad()).isCloseTo(-0.75, within(1e-15));
    assertThat(logits.get(1).grad()).isCloseTo(0.75, within(1e-15));
  }

  @Test
  void softmaxCrossEntropyIsStableForHugeLogits() {
    List<Value> logits = values(1000, 1000 + Math.log(3));

    Value loss = Losses.softmaxCrossEntropy(List.of(logits), new int[] {0});
    loss.backward();

    assertThat(loss.data()).isCloseTo(Math.log(4), within(1e-12));
    assertThat(logits.get(0).grad()).isCloseTo(-0.75, within(1e-12));
    assertThat(logits.get(1).grad()).isCloseTo(0.75, within(1e-12));
  }

  /** Three logits w_j·x + b_j of one feature x for each of two samples, the class of each. */
  private static Value softmaxLoss(List<Value> w, List<Value> b, List<Value> x) {
    List<List<Value>> logits = new ArrayList<>();
    for (Value xk : x) {
      List<Value> z = new ArrayList<>();
      for (int j = 0; j < w.size(); j++) {
        z.add(w.get(j).mul(xk).add(b.get(j)));
      }
      logits.add(z);
    }
    return Losses.softmaxCrossEntropy(logits, new int[] {2, 0});
  }

  @Test
  void softmaxCrossEntropyReplayedWithNewDataMatchesAGraphBuiltAfreshThere() {
    double[] weights = {0.5, -1.25, 2.0};
    double[] biases = {0.1, 0.2, -0.3};
    List<Value> w = Arrays.stream(weights).mapToObj(Value::of).toList();
    List<Value> b = Arrays.stream(biases).mapToObj(Value::of).toList();
    List<Value> x = List.of(Value.constant(1.5), Value.constant(-0.5));
    List<Value> parameters = new ArrayList<>(w);
    parameters.addAll(b);
    CompiledGraph compiled = CompiledGraph.capture(softmaxLoss(w, b, x), parameters, x);

    // New data far from the captured logits, where an expansion of log at the capture would be off.
    compiled.setFeed(0, 7.0);
    compiled.setFeed(1, -3.0);
    double replayed = compiled.forward();
    compiled.backward();
    List<Value> w2 = Arrays.stream(weights).mapToObj(Value::of).toList();
    List<Value> b2 = Arrays.stream(biases).mapToObj(Value::of).toList();
    Value fresh = softmaxLoss(w2, b2, List.of(Value.constant(7.0), Value.constant(-3.0)));
    fresh.backward();

    assertThat(replayed).isCloseTo(fresh.data(), within(1e-12));
    assertThat(fresh.data()).isCloseTo(2.677406591403569, within(1e-15)); // Python's math
    for (int j = 0; j < 3; j++) {
      assertThat(compiled.grad(j)).isCloseTo(w2.get(j).grad(), within(1e-12));
      assertThat(compiled.grad(3 + j)).isCloseTo(b2.get(j).grad(), within(1e-12));
    }
  }

  @Test
  void softmaxCrossEntropyAveragesOverSamples() {
    List<Value> first = values(0, Math.log(3));
    List<Value> second = values(-7, -7);

    Value loss = Losses.softmaxCrossEntropy(List.of(first, second), new int[] {1, 1});
    loss.backward();

    // (-log(3/4) - log(1/2)) / 2; gradients (softmax - one-hot) / 2
    assertThat(loss.data()).isCloseTo((Math.log(4.0 / 3) + Math.log(2)) / 2, within(1e-15));
    assertThat(first.get(0).grad()).isCloseTo(0.125, within(1e-15));
    assertThat(first.get(1).grad()).isCloseTo(-0.125, within(1e-15));
    assertThat(second).extracting(Value::grad).containsExactly(0.25, -0.25);
  }

  @Test
  void rejectsMismatchedInputs() {
    assertThatThrownBy(() -> Losses.meanSquaredError(values(1, 2), new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 values but 1 targets: one per value is needed");
    assertThatThrownBy(() -> Losses.maxMargin(List.of(), new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no samples");
    assertThatThrownBy(
            () -> Losses.softmaxCrossEntropy(List.of(values(1, 2), values(1)), new int[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample 1 has 1 logits, sample 0 has 2");
    assertThatThrownBy(() -> Losses.softmaxCrossEntropy(List.of(values(1, 2)), new int[] {2}))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("class of sample 0");
  }
}
