package dev.opgrad.testing;

import dev.opgrad.Value;
import dev.opgrad.spi.Op;
import java.util.function.DoubleBinaryOperator;

/**
 * Ops for core's own tests, which run without opgrad-ops-builtin: applied directly with {@link
 * dev.opgrad.Value#apply(Op, double[], dev.opgrad.Value...)}, never registered.
 */
public final class TestOps {

  private TestOps() {}

  /** {@code plus(a, b) = a + b}. */
  public static final Op PLUS = binary("plus", Double::sum, (a, b) -> 1, (a, b) -> 1);

  /** {@code times(a, b) = a * b}. */
  public static final Op TIMES = binary("times", (a, b) -> a * b, (a, b) -> b, (a, b) -> a);

  /** {@code scale(a; k) = k * a}, with the constant {@code k}. */
  public static final Op SCALE =
      new Op() {
        @Override
        public String name() {
          return "scale";
        }

        @Override
        public int arity() {
          return 1;
        }

        @Override
        public int constantCount() {
          return 1;
        }

        @Override
        public double forward(double[] inputs, double[] constants) {
          if (constants[0] == 0) {
            throw new IllegalArgumentException("scale by 0 is not allowed");
          }
          return constants[0] * inputs[0];
        }

        @Override
        public void localGrad(double[] inputs, double[] constants, double output, double[] grads) {
          grads[0] = constants[0];
        }
      };

  /** {@code weighted(a..e) = a + 2b + 3c + 4d + 5e}, more inputs than backward's first scratch space. */
  public static final Op WEIGHTED =
      new Op() {
        @Override
        public String name() {
          return "weighted";
        }

        @Override
        public int arity() {
          return 5;
        }

        @Override
        public double forward(double[] x, double[] constants) {
          return x[0] + 2 * x[1] + 3 * x[2] + 4 * x[3] + 5 * x[4];
        }

        @Override
        public void localGrad(double[] x, double[] constants, double output, double[] grads) {
          for (int i = 0; i < 5; i++) {
            grads[i] = i + 1;
          }
        }
      };

  /** Returns {@code plus(a, b)}, applied directly. */
  public static Value plus(Value a, Value b) {
    return a.apply(PLUS, new double[0], b);
  }

  /** Returns {@code times(a, b)}, applied directly. */
  public static Value times(Value a, Value b) {
    return a.apply(TIMES, new double[0], b);
  }

  private static Op binary(
      String name, DoubleBinaryOperator f, DoubleBinaryOperator dfda, DoubleBinaryOperator dfdb) {
    return new Op() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int arity() {
        return 2;
      }

      @Override
      public double forward(double[] x, double[] constants) {
        return f.applyAsDouble(x[0], x[1]);
      }

      @Override
      public void localGrad(double[] x, double[] constants, double output, double[] grads) {
        grads[0] = dfda.applyAsDouble(x[0], x[1]);
        grads[1] = dfdb.applyAsDouble(x[0], x[1]);
      }
    };
  }
}
