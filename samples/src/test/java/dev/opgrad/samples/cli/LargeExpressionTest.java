package dev.opgrad.samples.cli;

import static dev.opgrad.samples.cli.OpgradCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.samples.cli.OpgradCliTest.Run;
import org.junit.jupiter.api.Test;

/**
 * Expressions far longer and deeper than anyone types, as a program may write them: the parser and
 * the graph builder use no recursion, so they run on the default thread stack.
 */
class LargeExpressionTest {

  private static final int TERMS = 100_000;
  private static final int DEPTH = 10_000;

  @Test
  void aSumOfATenthOfAMillionTerms() {
    String sum = "x" + "+x".repeat(TERMS - 1);

    Run run = run("eval", sum, "x=0.5");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(sum + " = 50000.0\nd/dx = 100000.0\n");
  }

  @Test
  void tenThousandNestedParentheses() {
    Run run = run("eval", "(".repeat(DEPTH) + "x*y" + ")".repeat(DEPTH), "x=2", "y=3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith(" = 6.0\nd/dx = 3.0\nd/dy = 2.0\n");
  }

  @Test
  void tenThousandNestedCalls() {
    Run negations = run("eval", "neg(".repeat(DEPTH) + "x" + ")".repeat(DEPTH), "x=2");
    Run powers = run("eval", "pow(".repeat(DEPTH) + "x" + ", 1)".repeat(DEPTH), "x=2");
    Run relus = run("eval", "relu(".repeat(DEPTH) + "x" + ")".repeat(DEPTH), "x=2");

    assertThat(negations.exitCode()).isZero();
    assertThat(negations.out()).endsWith(" = 2.0\nd/dx = 1.0\n");
    assertThat(powers.out()).endsWith(" = 2.0\nd/dx = 1.0\n");
    assertThat(relus.out()).endsWith(" = 2.0\nd/dx = 1.0\n");
  }

  @Test
  void tenThousandUnaryMinuses() {
    Run run = run("eval", "--", "-".repeat(DEPTH + 1) + "x^2", "x=3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith(" = -9.0\nd/dx = -6.0\n");
  }

  @Test
  void aDeeplyNestedConstantExponent() {
    Run run = run("eval", "x^" + "(".repeat(DEPTH) + "--2" + ")".repeat(DEPTH), "x=3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith(" = 9.0\nd/dx = 6.0\n");
  }

  @Test
  void anErrorDeepInALongExpressionShowsAWindowAroundIt() {
    String unclosed = "(".repeat(DEPTH) + "x";

    Run run = run("eval", unclosed, "x=1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "opgrad: column 10002: expected ')', found the end of the expression\n"
                + "  …"
                + "(".repeat(Caret.WIDTH - 1)
                + "x\n"
                + "  "
                + " ".repeat(Caret.WIDTH + 1)
                + "^\n");
  }
}
