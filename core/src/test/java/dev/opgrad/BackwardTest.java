package dev.opgrad;

import static dev.opgrad.testing.TestOps.SCALE;
import static dev.opgrad.testing.TestOps.WEIGHTED;
import static dev.opgrad.testing.TestOps.plus;
import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.spi.Op;
import dev.opgrad.testing.TestOps;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackwardTest {

  private static final double[] NONE = {};

  @Test
  void theLecturesExpressionHasItsReferenceGradients() {
    Value a = Value.of(2, "a");
    Value b = Value.of(-3, "b");
    Value c = Value.of(10, "c");
    Value f = Value.of(-2, "f");
    Value e = times(a, b);
    Value d = plus(e, c);
    Value l = times(d, f);

    l.backward();

    assertThat(l.data()).isEqualTo(-8.0);
    assertThat(l.grad()).isEqualTo(1.0);
    assertThat(a.grad()).isEqualTo(6.0);
    assertThat(b.grad()).isEqualTo(-4.0);
    assertThat(c.grad()).isEqualTo(-2.0);
    assertThat(f.grad()).isEqualTo(4.0);
    assertThat(e.grad()).isEqualTo(-2.0);
    assertThat(d.grad()).isEqualTo(-2.0);
  }

  @Test
  void aValueUsedTwiceAccumulatesItsGradient() {
    Value a = Value.of(3, "a");

    Value b = plus(a, a);
    b.backward();

    assertThat(a.grad()).isEqualTo(2.0);
  }

  @Test
  void aSharedSubexpressionGetsTheSumOfItsUses() {
    Value a = Value.of(1, "a");
    Value b = plus(a, Value.of(4));
    Value c = plus(b.apply(SCALE, new double[] {3}), b.apply(SCALE, new double[] {5}));

    c.backward();

    assertThat(c.data()).isEqualTo(40.0);
    assertThat(a.grad()).isEqualTo(8.0);
    assertThat(b.grad()).isEqualTo(8.0);
  }

  @Test
  void aSecondBackwardAddsToTheLeavesAndRecomputesTheRest() {
    Value x = Value.of(3, "x");
    Value y = Value.of(4, "y");
    Value xy = times(x, y);
    Value z = times(xy, x);

    z.backward();
    assertThat(x.grad()).isEqualTo(24.0);
    assertThat(y.grad()).isEqualTo(9.0);
    assertThat(xy.grad()).isEqualTo(3.0);

    z.backward();
    assertThat(x.grad()).isEqualTo(48.0);
    assertThat(y.grad()).isEqualTo(18.0);
    assertThat(xy.grad()).isEqualTo(3.0);
    assertThat(z.grad()).isEqualTo(1.0);

    x.zeroGrad();
    y.zeroGrad();
    z.backward();
    assertThat(x.grad()).isEqualTo(24.0);
    assertThat(y.grad()).isEqualTo(9.0);
  }

  @Test
  void backwardFromAnIntermediateNodeLeavesTheNodesAboveItAlone() {
    Value x = Value.of(3, "x");
    Value xx = times(x, x);
    Value top = plus(xx, Value.of(1));
    top.backward();
    assertThat(x.grad()).isEqualTo(6.0);

    x.zeroGrad();
    xx.backward();

    assertThat(x.grad()).isEqualTo(6.0);
    assertThat(xx.grad()).isEqualTo(1.0);
    assertThat(top.grad()).isEqualTo(1.0);
  }

  @Test
  void aChainOfAMillionNodesWorksOnTheDefaultStack() {
    Value x = Value.of(1, "x");
    Value y = x;
    for (int i = 0; i < 1_000_000; i++) {
      y = plus(y, Value.of(0.5));
    }

    y.backward();

    assertThat(y.data()).isEqualTo(500_001.0);
    assertThat(x.grad()).isEqualTo(1.0);
  }

  @Test
  void anOpWithManyInputsGetsAllItsGradients() {
    Value[] v = new Value[5];
    for (int i = 0; i < 5; i++) {
      v[i] = Value.of(i, "v" + i);
    }

    Value w = v[0].apply(WEIGHTED, NONE, v[1], v[2], v[3], v[4]);
    w.backward();

    assertThat(w.data()).isEqualTo(40.0);
    for (int i = 0; i < 5; i++) {
      assertThat(v[i].grad()).isEqualTo(i + 1.0);
    }
  }

  @Test
  void gradientsAreBitIdenticalFromRunToRun() {
    long[] first = gradientBits();
    for (int run = 0; run < 5; run++) {
      assertThat(gradientBits()).containsExactly(first);
    }
  }

  /** A dense graph with many shared nodes, so that summation order matters to the last bit. */
  private static long[] gradientBits() {
    Value[] leaves = new Value[20];
    for (int i = 0; i < leaves.length; i++) {
      leaves[i] = Value.of(Math.sin(i) * 1.1, "x" + i);
    }
    Value acc = leaves[0];
    for (int round = 0; round < 50; round++) {
      for (int i = 1; i < leaves.length; i++) {
        acc = plus(times(acc, leaves[i]).apply(SCALE, new double[] {0.3}), leaves[(i * 7) % 20]);
      }
    }
    acc.backward();
    long[] bits = new long[leaves.length];
    for (int i = 0; i < leaves.length; i++) {
      bits[i] = Double.doubleToRawLongBits(leaves[i].grad());
    }
    return bits;
  }

  @Test
  void aFailingLocalGradientNamesTheOpAndNodeAndLeavesTheGraphUsable() {
    Op failing =
        TestOps.unary(
            "flaky",
            x -> x,
            (x, out) -> {
              throw new ArithmeticException("no derivative today");
            });
    Value x = Value.of(2, "x");
    Value bad = x.apply(failing, NONE).labeled("bad");
    Value top = times(bad, x);

    assertThatThrownBy(top::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "op 'flaky' failed computing its local gradient for 'bad' (2.0) at 'x' (2.0):"
                + " no derivative today")
        .hasCauseInstanceOf(ArithmeticException.class);

    Value fine = times(x, x);
    x.zeroGrad();
    fine.backward();
    assertThat(x.grad()).isEqualTo(4.0);
  }

  @Test
  void anErrorFromAnOpPropagatesUnchangedAndLeavesNoNodeMarkedVisited() {
    // The engine wraps only RuntimeExceptions; an Error such as OutOfMemoryError is never caught.
    OutOfMemoryError oom = new OutOfMemoryError("simulated");
    Op failsBackward =
        TestOps.unary(
            "hungry",
            x -> x,
            (x, out) -> {
              throw oom;
            });
    Op failsForward =
        TestOps.unary(
            "greedy",
            x -> {
              throw oom;
            },
            (x, out) -> 1);
    Value x = Value.of(2, "x");
    Value xx = times(x, x);
    Value hungry = x.apply(failsBackward, NONE);
    Value top = times(xx, hungry);

    assertThatThrownBy(top::backward).isSameAs(oom);
    assertThat(List.of(x, xx, hungry, top)).noneMatch(v -> v.mark != 0);
    assertThatThrownBy(() -> x.apply(failsForward, NONE)).isSameAs(oom);

    x.zeroGrad();
    xx.backward();
    assertThat(x.grad()).isEqualTo(4.0);
  }
}
