package dev.opgrad.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Point;
import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link GradCheck}'s second-order check of a {@link HigherOrderOp} (PyTorch's gradgradcheck).
 * Here rather than with {@code GradCheckTest} in core because it differentiates the local
 * gradients' graphs, which takes the built-in ops.
 */
class GradCheckSecondOrderTest {

  /** A test op of two inputs, named. */
  private abstract static class Binary implements HigherOrderOp {

    private final String name;

    Binary(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int arity() {
      return 2;
    }
  }

  /**
   * {@code f(a, b) = a²·b}, whose local gradients {@code 2ab} and {@code a²} are given as values by
   * {@code locals}, correctly or not.
   */
  private static HigherOrderOp squareTimes(String name, BinaryOperator<Value> dfda) {
    return new Binary(name) {
      @Override
      public double forward(double[] x, double[] constants) {
        return x[0] * x[0] * x[1];
      }

      @Override
      public void localGrad(double[] x, double[] constants, double output, double[] grads) {
        grads[0] = 2 * x[0] * x[1];
        grads[1] = x[0] * x[0];
      }

      @Override
      public void localGrad(Value[] x, double[] constants, Value output, Value[] grads) {
        grads[0] = dfda.apply(x[0], x[1]);
        grads[1] = x[0].mul(x[0]);
      }
    };
  }

  /**
   * An op that declares its local gradients constant, with its local gradients as values right:
   * {@code 2a − b}, truly so, or {@code a·b}, wrongly.
   */
  private static HigherOrderOp declaringConstant(String name, boolean product) {
    return new Binary(name) {
      @Override
      public double forward(double[] x, double[] constants) {
        return product ? x[0] * x[1] : 2 * x[0] - x[1];
      }

      @Override
      public void localGrad(double[] x, double[] constants, double output, double[] grads) {
        grads[0] = product ? x[1] : 2;
        grads[1] = product ? x[0] : -1;
      }

      @Override
      public void localGrad(Value[] x, double[] constants, Value output, Value[] grads) {
        grads[0] = product ? x[1] : Value.constant(2);
        grads[1] = product ? x[0] : Value.constant(-1);
      }

      @Override
      public boolean localGradsConstant() {
        return true;
      }
    };
  }

  private static final List<Point> POINTS = List.of(Point.of(1.5, -0.5), Point.of(-2.0, 3.0));

  @Test
  void correctLocalGradientsAsValuesPass() {
    GradCheckResult result =
        GradCheck.defaults().check(squareTimes("f", (a, b) -> a.mul(2).mul(b)), POINTS);

    assertThat(result.passed()).isTrue();
    assertThat(result.secondOrderMismatch()).isEmpty();
  }

  @Test
  void aWrongSecondDerivativeFailsAndSaysWhere() {
    // 2ab as 2·a·b.data: the right number, but a constant where b should be, so ∂/∂b is 0.
    GradCheckResult result =
        GradCheck.defaults()
            .check(squareTimes("g", (a, b) -> a.mul(2).mul(b.detach())), POINTS);

    assertThat(result.passed()).isFalse();
    assertThat(result.secondOrderMismatch())
        .contains(
            "∂(local gradient 0)/∂(input 1) at inputs [1.5, -0.5]: analytic 0.0, numeric"
                + " 2.9999999999752447");
    assertThat(result.toString())
        .endsWith(
            "; second order differs: ∂(local gradient 0)/∂(input 1) at inputs [1.5, -0.5]:"
                + " analytic 0.0, numeric 2.9999999999752447");
  }

  @Test
  void aLocalGradientAsAValueOfAnotherNumberFails() {
    GradCheckResult result =
        GradCheck.defaults().check(squareTimes("h", (a, b) -> a.mul(b)), POINTS);

    assertThat(result.passed()).isFalse();
    assertThat(result.secondOrderMismatch())
        .contains(
            "local gradient 0 as a value is -0.75 at inputs [1.5, -0.5], localGrad gives -1.5");
  }

  @Test
  void aMissingLocalGradientAsAValueFails() {
    GradCheckResult result = GradCheck.defaults().check(squareTimes("k", (a, b) -> null), POINTS);

    assertThat(result.secondOrderMismatch())
        .contains("no local gradient as a value for input 0 at inputs [1.5, -0.5]");
  }

  @Test
  void localGradientsTrulyConstantPass() {
    GradCheckResult result = GradCheck.defaults().check(declaringConstant("m", false), POINTS);

    assertThat(result.passed()).isTrue();
  }

  @Test
  void localGradientsDeclaredConstantThatAreNotFail() {
    GradCheckResult result = GradCheck.defaults().check(declaringConstant("n", true), POINTS);

    assertThat(result.passed()).isFalse();
    assertThat(result.secondOrderMismatch())
        .contains(
            "local gradients declared constant, but ∂(local gradient 0)/∂(input 1) at inputs"
                + " [1.5, -0.5] is 1.000000000001");
  }
}
