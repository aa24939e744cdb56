package dev.opgrad;

import static dev.opgrad.testing.TestOps.PLUS;
import static dev.opgrad.testing.TestOps.SCALE;
import static dev.opgrad.testing.TestOps.TIMES;
import static dev.opgrad.testing.TestOps.plus;
import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.spi.Op;
import dev.opgrad.testing.TestOps;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTest {

  private static final double[] NONE = {};

  @Test
  void aLeafHoldsItsDataAndLabel() {
    Value x = Value.of(2.5, "x");

    assertThat(x.data()).isEqualTo(2.5);
    assertThat(x.grad()).isZero();
    assertThat(x.label()).isEqualTo("x");
    assertThat(x.isLeaf()).isTrue();
    assertThat(x.op()).isNull();
    assertThat(x.inputs()).isEmpty();
    assertThat(x.constants()).isEmpty();
    assertThat(Value.of(1).label()).isNull();
  }

  @Test
  void toStringIsMicrogradsWithTheLabel() {
    Value a = Value.of(-4);
    Value b = Value.of(2, "b");

    assertThat(a).hasToString("Value(data=-4.0, grad=0.0)");
    assertThat(b).hasToString("Value(data=2.0, grad=0.0, label=b)");
  }

  @Test
  void aNodeRemembersItsOpInputsInOrderAndConstants() {
    Value a = Value.of(2, "a");
    Value b = Value.of(-3, "b");

    Value ba = times(b, a);
    Value scaled = a.apply(SCALE, new double[] {4});

    assertThat(ba.data()).isEqualTo(-6.0);
    assertThat(ba.op()).isSameAs(TIMES);
    assertThat(ba.inputs()).containsExactly(b, a);
    assertThat(ba.isLeaf()).isFalse();
    assertThat(scaled.data()).isEqualTo(8.0);
    assertThat(scaled.constants()).containsExactly(4.0);
  }

  @Test
  void setLabelNamesAnIntermediateNode() {
    Value e = times(Value.of(2), Value.of(-3)).setLabel("e");

    assertThat(e.label()).isEqualTo("e");
  }

  @Test
  void aLabelKeepsTheInputsAndConstantsOfTheNodeItNames() {
    // A node keeps its inputs beyond two, its constants and its label in one field.
    Value x = Value.of(2);
    Value scaled = x.apply(SCALE, new double[] {4}).setLabel("scaled");
    Value one = Value.of(1);
    Value weighted = x.apply(TestOps.WEIGHTED, NONE, one, one, one, scaled).setLabel("weighted");

    weighted.backward();

    assertThat(scaled.constants()).containsExactly(4.0);
    assertThat(scaled.inputs()).containsExactly(x);
    assertThat(weighted.inputs()).containsExactly(x, one, one, one, scaled);
    assertThat(weighted.constants()).isEmpty();
    assertThat(weighted).hasToString("Value(data=51.0, grad=1.0, label=weighted)");
    assertThat(x.grad()).isEqualTo(21.0); // 1 directly, 5 · 4 through scaled
    assertThat(one.grad()).isEqualTo(9.0); // 2 + 3 + 4
  }

  @Test
  void theConstantsArrayIsCopied() {
    double[] constants = {4};
    Value scaled = Value.of(1).apply(SCALE, constants);
    constants[0] = 5;

    scaled.backward();

    assertThat(scaled.constants()).containsExactly(4.0);
  }

  @Test
  void setDataChangesALeafAndRefusesAComputedNode() {
    Value a = Value.of(1, "a");
    Value sum = plus(a, Value.of(2)).setLabel("sum");

    a.setData(5);

    assertThat(a.data()).isEqualTo(5.0);
    assertThat(sum.data()).isEqualTo(3.0);
    assertThatThrownBy(() -> sum.setData(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "setData on 'sum' (3.0), which is computed by op 'plus': only a leaf's data can be"
                + " set");
  }

  @Test
  void zeroGradClearsTheGradient() {
    Value a = Value.of(3);
    a.backward();
    assertThat(a.grad()).isEqualTo(1.0);

    a.zeroGrad();

    assertThat(a.grad()).isZero();
  }

  @Test
  void theWrongNumberOfInputsNamesTheOpAndTheValues() {
    Value x = Value.of(2, "x");

    assertThatThrownBy(() -> x.apply(PLUS, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'plus' takes 2 inputs, got 1: 'x' (2.0)");
    assertThatThrownBy(() -> x.apply(SCALE, NONE, Value.of(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'scale' takes 1 input, got 2: 'x' (2.0), leaf 3.0");
  }

  @Test
  void theWrongNumberOfConstantsNamesTheOp() {
    Value x = Value.of(2, "x");

    assertThatThrownBy(() -> x.apply(SCALE, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 'scale' takes 1 constant, got 0: [] (applied to 'x' (2.0))");
  }

  @Test
  void anOpRejectingItsArgumentsIsReportedWithTheOpAndValues() {
    Value x = Value.of(2, "x");

    assertThatThrownBy(() -> x.apply(SCALE, new double[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "op 'scale' failed on 'x' (2.0) with constants [0.0]: scale by 0 is not allowed")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNullOperandIsNamed() {
    Value x = Value.of(2, "x");

    assertThatThrownBy(() -> x.apply(PLUS, NONE, (Value) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("op 'plus': input 1 is null");
    assertThatThrownBy(() -> x.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("op 'add': input 1 is null");
    assertThatThrownBy(() -> x.apply((Op) null, NONE)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void withOnlyCoreOnTheClassPathArithmeticSaysToAddTheBuiltinOps() {
    assertThatThrownBy(() -> Value.of(1).add(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Value.add needs the op 'add', which opgrad-ops-builtin provides: add"
                + " dev.opgrad:opgrad-ops-builtin to the class path (no op named 'add'; no op is"
                + " registered)");
    assertThatThrownBy(() -> Value.of(1).apply("tanh"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot apply 'tanh' to leaf 1.0: no op named 'tanh'; no op is registered");
  }

  @Test
  void topologicalOrderListsEveryValueOnceAfterItsInputsInInputOrder() {
    Value a = Value.of(1, "a");
    Value b = Value.of(2, "b");
    Value ab = times(a, b).setLabel("ab");
    Value root = plus(ab, plus(ab, a).setLabel("ab+a")).setLabel("root");

    List<Value> order = root.topologicalOrder();

    assertThat(order).extracting(Value::label).containsExactly("a", "b", "ab", "ab+a", "root");
  }

  @Test
  void topologicalOrderWalksAMillionDeepChainOnTheDefaultStackAndLeavesNoMark() {
    Value x = Value.of(0);
    Value chain = x;
    for (int i = 0; i < 1_000_000; i++) {
      chain = plus(chain, x);
    }

    List<Value> order = chain.topologicalOrder();

    assertThat(order).hasSize(1_000_001);
    assertThat(order.get(0)).isSameAs(x);
    assertThat(order.get(1_000_000)).isSameAs(chain);
    assertThat(chain.topologicalOrder()).isEqualTo(order);
  }

  @Test
  void anOpThatAppliesOpsInItsForwardKeepsItsOwnInputs() {
    // The engine lends an op its inputs array: an op computing with Values itself must not find
    // its inputs overwritten by the arrays lent to those inner ops.
    Op nested =
        TestOps.op(
            "nested",
            2,
            x -> TestOps.plus(Value.of(x[0]), Value.of(100)).data() + x[1],
            (x, out, g) -> {
              g[0] = 1;
              g[1] = 1;
            });

    assertThat(Value.of(1).apply(nested, new double[0], Value.of(2)).data()).isEqualTo(103.0);
  }

  @Test
  void threadsApplyingOpsAtOnceEachGetArraysOfTheirOwn() throws Exception {
    // The first thread to apply an op finds its arrays without the thread-local lookup; any other
    // thread must still get its own. This op reads its inputs before and after yielding: an array
    // shared with the other thread would have changed in between.
    Op slowSum =
        TestOps.op(
            "slowSum",
            2,
            x -> {
              double a = x[0];
              double b = x[1];
              Thread.yield();
              return a + b + (x[0] - a) + (x[1] - b);
            },
            (x, out, g) -> {
              g[0] = 1;
              g[1] = 1;
            });
    double[] results = new double[2];
    Runnable[] sums = new Runnable[2];
    for (int t = 0; t < 2; t++) {
      int thread = t;
      sums[t] =
          () -> {
            Value sum = Value.of(thread);
            for (int i = 0; i < 2_000; i++) {
              sum = sum.apply(slowSum, new double[0], Value.of(i * (thread + 1)));
            }
            results[thread] = sum.data();
          };
    }
    Thread other = new Thread(sums[1]);
    other.start();
    sums[0].run();
    other.join();

    assertThat(results).containsExactly(0 + 1_999_000.0, 1 + 2 * 1_999_000.0);
  }
}
