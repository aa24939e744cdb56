package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FourExamplesTest {

  @Test
  void predictionsEndCloseToTheTargets() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    double[] predictions = FourExamples.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(predictions[0]).isCloseTo(1, within(0.1));
    assertThat(predictions[1]).isCloseTo(-1, within(0.1));
    assertThat(predictions[2]).isCloseTo(-1, within(0.1));
    assertThat(predictions[3]).isCloseTo(1, within(0.1));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("MLP(3, [4, 4, 1], TANH), 41 parameters")
        .contains("step   0  loss 1.693486")
        .contains("final loss 0.001845");
  }
}
