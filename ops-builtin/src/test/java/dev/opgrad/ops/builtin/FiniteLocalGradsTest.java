package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An op that declares {@link Op#localGradsFiniteWhereOutputFinite()} lets backward skip its nodes
 * of gradient ±0 without computing their local gradients, which must then be finite: checked here
 * at every combination of special inputs, where a wrong declaration would show.
 */
class FiniteLocalGradsTest {

  private static final OpRegistry REGISTRY =
      OpRegistry.load(FiniteLocalGradsTest.class.getClassLoader());

  private static final double[] SPECIAL = {
    0.0, -0.0, 1, -1.5, 0.5, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300,
    1e300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    Double.NaN
  };

  static Stream<String> declaringOps() {
    return REGISTRY.names().stream()
        .filter(name -> REGISTRY.get(name).localGradsFiniteWhereOutputFinite());
  }

  @ParameterizedTest
  @MethodSource("declaringOps")
  void finiteOutputMeansFiniteLocalGradients(String name) {
    Op op = REGISTRY.get(name);
    int arity = op.arity() == Op.VARIADIC ? 3 : op.arity();
    double[] constants = new double[op.constantCount()];
    int[] digits = new int[arity];
    int checked = 0;
    while (true) {
      double[] inputs = new double[arity];
      for (int i = 0; i < arity; i++) {
        inputs[i] = SPECIAL[digits[i]];
      }
      double output = op.forward(inputs, constants);
      if (Double.isFinite(output)) {
        double[] local = new double[arity];
        op.localGrad(inputs, constants, output, local);
        for (double g : local) {
          assertThat(Double.isFinite(g))
              .as("%s at %s = %s: local gradients %s", name, Arrays.toString(inputs), output,
                  Arrays.toString(local))
              .isTrue();
        }
        checked++;
      }
      int i = 0;
      while (i < arity && ++digits[i] == SPECIAL.length) {
        digits[i++] = 0;
      }
      if (i == arity) {
        break;
      }
    }
    assertThat(checked).isPositive();
  }

  @ParameterizedTest
  @MethodSource("declaringOps")
  void theBuiltinOpsThatDeclareIt(String name) {
    assertThat(name).isIn("add", "exp", "linear", "mean", "mul", "neg", "relu", "sub", "sum", "tanh");
  }
}
