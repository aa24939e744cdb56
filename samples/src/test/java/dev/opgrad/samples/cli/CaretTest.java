package dev.opgrad.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaretTest {

  @Test
  void underAShortExpressionItShowsAllOfIt() {
    assertThat(Caret.under("tanh(x*w +)", 11)).containsExactly("  tanh(x*w +)", "            ^");
    assertThat(Caret.under("(x + 1", 7)).containsExactly("  (x + 1", "        ^");
  }

  @Test
  void inALongExpressionItShowsAWindowAroundTheColumn() {
    String digits = "0123456789".repeat(20);

    assertThat(Caret.under(digits, 101))
        .containsExactly(
            "  …" + digits.substring(64, 64 + Caret.WIDTH) + "…",
            "  " + " ".repeat(1 + 100 - 64) + "^");
    assertThat(Caret.under(digits, 3))
        .containsExactly("  " + digits.substring(0, Caret.WIDTH) + "…", "    ^");
  }

  @Test
  void controlCharactersTakeOneColumnEach() {
    assertThat(Caret.under("x\t+\u0000y", 5)).containsExactly("  x +?y", "      ^");
  }
}
