package dev.opgrad.testing;

import dev.opgrad.Value;
import dev.opgrad.spi.Op;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

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

  /** {@code picky(a) = a}, which rejects negative inputs, as an op rejects what it never accepts. */
  public static final Op PICKY =
      unary(
          "picky",
          x -> {
            if (x < 0) {
              throw new IllegalArgumentException("negative");
            }
            return x;
          },
          (x, out) -> 1);

  /**
   * {@code weighted(a..e) = a + 2b + 3c + 4d + 5e}, more inputs than backward's first scratch
   * space.
   */
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

  /** Writes an op's local gradients, as {@link Op#localGrad} does, without the constants. */
  @FunctionalInterface
  public interface GradWriter {
    void write(double[] inputs, double output, double[] grads);
  }

  /**
   * An op without constants named {@code name}: {@code f} computes it from its inputs, {@code
   * grads} writes its local gradients (or does not, or throws, to imitate a faulty op).
   */
  public static Op op(String name, int arity, ToDoubleFunction<double[]> f, GradWriter grads) {
    return new Op() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int arity() {
        return arity;
      }

      @Override
      public double forward(double[] x, double[] constants) {
        return f.applyAsDouble(x);
      }

      @Override
      public void localGrad(double[] x, double[] constants, double output, double[] g) {
        grads.write(x, output, g);
      }
    };
  }

  /**
   * An op of one input named {@code name}: {@code f} computes it, {@code grad} its local gradient
   * from the input and the output. Throwing from {@code grad} or returning NaN imitates a faulty
   * op.
   */
  public static Op unary(String name, DoubleUnaryOperator f, DoubleBinaryOperator grad) {
    return op(
        name, 1, x -> f.applyAsDouble(x[0]), (x, out, g) -> g[0] = grad.applyAsDouble(x[0], out));
  }

  private static Op binary(
      String name, DoubleBinaryOperator f, DoubleBinaryOperator dfda, DoubleBinaryOperator dfdb) {
    return op(
        name,
        2,
        x -> f.applyAsDouble(x[0], x[1]),
        (x, out, g) -> {
          g[0] = dfda.applyAsDouble(x[0], x[1]);
          g[1] = dfdb.applyAsDouble(x[0], x[1]);
        });
  }
}
