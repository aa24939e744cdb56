package dev.opgrad.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void oneLineEscapesLineBreaksTabsAndOtherControlCharacters() {
    assertThat(Messages.oneLine("a\nb\r\n\tc\u0007d\u2028é"))
        .isEqualTo("a\\nb\\r\\n\\tc\\u0007d\\u2028é");
  }
}
