package dev.opgrad.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void oneLineEscapesLineBreaksTabsAndOtherControlCharacters() {
    assertThat(Messages.oneLine("a\nb\r\n\tc\u0007d\u2028é"))
        .isEqualTo("a\\nb\\r\\n\\tc\\u0007d\\u2028é");
  }

  @Test
  void listedSaysHowManyMoreThereAreAfterThirty() {
    List<String> items = IntStream.range(0, 31).mapToObj(Integer::toString).toList();

    assertThat(Messages.listed(items.subList(0, 30))).endsWith(", 28, 29");
    assertThat(Messages.listed(items)).endsWith(", 28, 29, … and 1 more");
  }
}
