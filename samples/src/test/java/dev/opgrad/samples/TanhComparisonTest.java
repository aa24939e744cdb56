package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TanhComparisonTest {

  @Test
  void bothFormsAgreeAndTheTableShowsThem() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    boolean equal = TanhComparison.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(equal).isTrue();
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .containsPattern(
            "o\\s+0\\.707106781186547\\d\\s+0\\.707106781186547\\d\\s+\\d\\.\\de-1[67]")
        .containsPattern("x1\\.grad\\s+-1\\.49999999999999\\d\\d\\s+-1\\.49999999999999\\d\\d")
        .containsPattern("w2\\.grad\\s+0\\.0000000000000000\\s+0\\.0000000000000000\\s+0\\.0e\\+00")
        // atomic: 5 leaves, 2 mul, 2 add, tanh; composite: tanh's place taken by 8 nodes
        .containsPattern("graph nodes\\s+10\\s+17")
        .contains("value and every gradient equal to 1e-12: yes");
  }
}
