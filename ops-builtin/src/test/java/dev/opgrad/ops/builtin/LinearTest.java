package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Value;
import dev.opgrad.spi.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LinearTest {

  private final Op linear = new Linear();

  private static List<Value> values(Random random, int n) {
    List<Value> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(Value.of(random.nextGaussian() * 3));
    }
    return values;
  }

  /** New leaves holding the data of {@code values}. */
  private static List<Value> copies(List<Value> values) {
    return values.stream().map(v -> Value.of(v.data())).toList();
  }

  private static void assertSameGradients(List<Value> values, List<Value> twins) {
    for (int i = 0; i < values.size(); i++) {
      assertThat(values.get(i).grad()).as("gradient %d", i).isEqualTo(twins.get(i).grad());
    }
  }

  @Test
  void givesMicrogradsChainOfMulAndAddBitForBitDataAndGradients() {
    Random random = new Random(42);
    for (int n = 0; n <= 17; n++) {
      Value bias = Value.of(random.nextGaussian());
      List<Value> w = values(random, n);
      List<Value> x = values(random, n);
      Value chainBias = Value.of(bias.data());
      List<Value> chainW = copies(w);
      List<Value> chainX = copies(x);
      Value chain = chainBias;
      for (int i = 0; i < n; i++) {
        chain = chain.add(chainW.get(i).mul(chainX.get(i)));
      }

      Value fused = Value.linear(bias, w, x);
      fused.tanh().backward();
      chain.tanh().backward();

      assertThat(fused.data()).as("%d products", n).isEqualTo(chain.data());
      assertThat(fused.inputs()).hasSize(1 + 2 * n);
      assertSameGradients(List.of(bias), List.of(chainBias));
      assertSameGradients(w, chainW);
      assertSameGradients(x, chainX);
    }
  }

  @Test
  void localGradientsAreOneThenTheOtherFactorOfEachProduct() {
    double[] inputs = {0.5, 2, 3, -4, 0.25};
    double[] grads = new double[6];
    grads[5] = 99;

    double output = linear.forward(inputs, new double[0]);
    linear.localGrad(inputs, new double[0], output, grads);

    assertThat(output).isEqualTo(0.5 + 6 - 1);
    assertThat(grads).containsExactly(1, 3, 2, 0.25, -4, 99);
    assertThat(linear.arity()).isEqualTo(Op.VARIADIC);
    assertThat(linear.forward(new double[] {7}, new double[0])).isEqualTo(7.0);
  }

  @Test
  void anEvenNumberOfInputsIsRejectedNamingTheCount() {
    assertThatThrownBy(() -> linear.forward(new double[4], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("linear takes an odd number of inputs (b, w0, x0, w1, x1, …), got 4");
    assertThatThrownBy(() -> Value.of(1).apply("linear", Value.of(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("op 'linear' failed on")
        .hasMessageEndingWith("linear takes an odd number of inputs (b, w0, x0, w1, x1, …), got 2");
  }

  @Test
  void valueLinearNeedsOneInputPerWeight() {
    List<Value> two = List.of(Value.of(1), Value.of(2));

    assertThatThrownBy(() -> Value.linear(Value.of(0), two, List.of(Value.of(3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("linear needs one input per weight: 2 weights, 1 inputs");
  }

  @Test
  void aFormOverFixedWeightsBuildsWhatLinearBuildsBitForBitAtEveryApplication() {
    Random random = new Random(7);
    for (int n = 0; n <= 17; n++) {
      Value bias = Value.of(random.nextGaussian());
      List<Value> w = values(random, n);
      Function<List<Value>, Value> form = Value.linear(bias, w);
      for (int application = 0; application < 3; application++) {
        List<Value> x = values(random, n);
        Value twinBias = Value.of(bias.data());
        List<Value> twinW = copies(w);
        List<Value> twinX = copies(x);
        bias.zeroGrad();
        w.forEach(Value::zeroGrad);

        Value fused = form.apply(x);
        Value twin = Value.linear(twinBias, twinW, twinX);
        fused.tanh().backward();
        twin.tanh().backward();

        assertThat(fused.data()).as("%d products", n).isEqualTo(twin.data());
        List<Value> operands = new ArrayList<>(List.of(bias));
        for (int i = 0; i < n; i++) {
          operands.add(w.get(i));
          operands.add(x.get(i));
        }
        assertThat(fused.inputs()).containsExactlyElementsOf(operands);
        assertSameGradients(List.of(bias), List.of(twinBias));
        assertSameGradients(w, twinW);
        assertSameGradients(x, twinX);
      }
    }
  }

  @Test
  void eachApplicationOfAFormKeepsItsOwnInputs() {
    Value w = Value.of(2);
    Function<List<Value>, Value> form = Value.linear(Value.of(1), List.of(w));
    Value x1 = Value.of(3);
    Value x2 = Value.of(5);

    Value first = form.apply(List.of(x1));
    Value second = form.apply(List.of(x2));

    assertThat(first.inputs().get(2)).isSameAs(x1);
    assertThat(second.inputs().get(2)).isSameAs(x2);
    assertThat(first.data()).isEqualTo(7.0);
    assertThat(second.data()).isEqualTo(11.0);
  }

  @Test
  void aFormChecksItsBiasAndWeightsAtOnceAndItsInputsAtEachApplication() {
    List<Value> two = List.of(Value.of(1), Value.of(2));
    Function<List<Value>, Value> form = Value.linear(Value.of(0), two);

    assertThatThrownBy(() -> Value.linear(null, two))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("bias");
    assertThatThrownBy(() -> Value.linear(Value.of(0), Arrays.asList(Value.of(1), null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("weight 1 is null");
    assertThatThrownBy(() -> form.apply(List.of(Value.of(3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("linear needs one input per weight: 2 weights, 1 inputs");
    assertThatThrownBy(() -> form.apply(Arrays.asList(Value.of(3), null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("op 'linear': input 4 is null");
  }
}
