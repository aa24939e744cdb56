package dev.opgrad;

import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.spi.Op;
import dev.opgrad.testing.Driver;
import dev.opgrad.testing.TestOps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An op that fails: one exception and one message for one failure, whatever the {@link Driver}. */
class FailuresTest {

  private static final double[] NONE = {};

  /** Throws from its local gradient, as a faulty op would. */
  private static final Op FLAKY =
      TestOps.unary(
          "flaky",
          x -> x,
          (x, out) -> {
            throw new ArithmeticException("no derivative today");
          });

  @ParameterizedTest
  @EnumSource(Driver.class)
  void anOpThatRejectsItsInputsIsNamedWithThemAndTheirLabels(Driver driver) {
    Function<List<Value>, Value> graph =
        v -> v.get(0).setLabel("x").apply(TestOps.PICKY, NONE).setLabel("y");

    assertThatThrownBy(() -> driver.run(graph, new double[] {2}, new double[] {-2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'picky' failed on 'x' (-2.0): negative")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aRejectedConstantIsNamedWithTheInputs(Driver driver) {
    Function<List<Value>, Value> graph =
        v -> v.get(0).setLabel("x").apply(TestOps.SCALE, new double[] {0});

    assertThatThrownBy(() -> driver.run(graph, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'scale' failed on 'x' (2.0) with constants [0.0]: scale by 0 is not allowed");
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aFailingLocalGradientNamesTheOpTheNodeAndItsInputs(Driver driver) {
    Function<List<Value>, Value> graph =
        v -> times(v.get(0).setLabel("x").apply(FLAKY, NONE).setLabel("bad"), v.get(0));

    assertThatThrownBy(() -> driver.run(graph, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "op 'flaky' failed computing its local gradient for 'bad' (2.0) at 'x' (2.0):"
                + " no derivative today")
        .hasCauseInstanceOf(ArithmeticException.class);
  }

  @Test
  void theGraphStaysUsableAfterAFailingLocalGradient() {
    Value x = Value.of(2, "x");
    Value top = times(x.apply(FLAKY, NONE), x);
    assertThatThrownBy(top::backward).isInstanceOf(IllegalStateException.class);

    Value fine = times(x, x);
    x.zeroGrad();
    fine.backward();
    assertThat(x.grad()).isEqualTo(4.0);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aMessageListsAtMost32InputsAndCountsTheRest(Driver driver) {
    Op picky =
        TestOps.op(
            "pickysum",
            Op.VARIADIC,
            x -> {
              if (x[0] < 0) {
                throw new IllegalArgumentException("negative");
              }
              return 0;
            },
            (x, out, g) -> {});
    double[] data = new double[1_000];
    double[] negative = data.clone();
    negative[0] = -1;
    Function<List<Value>, Value> graph =
        v -> v.get(0).apply(picky, NONE, v.subList(1, v.size()).toArray(new Value[0]));

    String message =
        org.assertj.core.api.Assertions.catchThrowable(() -> driver.run(graph, data, negative))
            .getMessage();

    List<String> listed = new ArrayList<>(List.of("leaf -1.0"));
    for (int i = 1; i < 32; i++) {
      listed.add("leaf 0.0");
    }
    assertThat(message)
        .isEqualTo(
            "op 'pickysum' failed on " + String.join(", ", listed) + ", … and 968 more: negative");
  }
}
