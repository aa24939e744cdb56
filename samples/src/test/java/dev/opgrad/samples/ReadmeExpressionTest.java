package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadmeExpressionTest {

  @Test
  void printsMicrogradsNumbers() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ReadmeExpression.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"))
        .isEqualTo(
            """
            micrograd's README expression
              g      = 24.7041  (the outcome of the forward pass)
              a.grad = 138.8338  (dg/da)
              b.grad = 645.5773  (dg/db)
            """);
  }
}
