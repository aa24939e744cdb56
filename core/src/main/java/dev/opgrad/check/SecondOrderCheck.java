package dev.opgrad.check;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import dev.opgrad.spi.HigherOrderOp;
import dev.opgrad.spi.Point;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a {@link HigherOrderOp}'s local gradients as values for {@link GradCheck}, as PyTorch's
 * {@code gradgradcheck} checks a double backward: their data against the numbers of {@code
 * localGrad}, and their own derivatives, from {@link Gradients#of}, against central differences of
 * {@code localGrad}, which must be 0 for an op that declares its {@linkplain
 * HigherOrderOp#localGradsConstant() local gradients constant}.
 */
final class SecondOrderCheck {

  private final double eps;
  private final double atol;
  private final double rtol;

  SecondOrderCheck(double eps, double atol, double rtol) {
    this.eps = eps;
    this.atol = atol;
    this.rtol = rtol;
  }

  /**
   * The first comparison at {@code points} outside the tolerance {@code atol + rtol·|numeric|},
   * described; {@code null} if none.
   */
  String firstMismatch(HigherOrderOp op, List<Point> points) {
    for (Point point : points) {
      double[] inputs = point.inputs();
      double[] constants = point.constants();
      int arity = inputs.length;
      Value[] leaves = new Value[arity];
      Arrays.setAll(leaves, i -> Value.of(inputs[i]));
      Value output = leaves[0].apply(op, constants, Arrays.copyOfRange(leaves, 1, arity));
      Value[] locals = new Value[arity];
      op.localGrad(leaves, constants, output, locals);
      double[] numbers = localGrads(op, inputs, constants);
      for (int i = 0; i < arity; i++) {
        if (locals[i] == null) {
          return "no local gradient as a value for input " + i + " at " + point;
        }
        if (!close(locals[i].data(), numbers[i])) {
          return String.format(
              "local gradient %d as a value is %s at %s, localGrad gives %s",
              i, locals[i].data(), point, numbers[i]);
        }
      }
      for (int i = 0; i < arity; i++) {
        List<Value> second = Gradients.of(locals[i], List.of(leaves));
        for (int j = 0; j < arity; j++) {
          double saved = inputs[j];
          inputs[j] = saved + eps;
          double above = localGrads(op, inputs, constants)[i];
          inputs[j] = saved - eps;
          double below = localGrads(op, inputs, constants)[i];
          inputs[j] = saved;
          double numeric = (above - below) / (2 * eps);
          double analytic = second.get(j).data();
          if (!close(analytic, numeric)) {
            return String.format(
                "∂(local gradient %d)/∂(input %d) at %s: analytic %s, numeric %s",
                i, j, point, analytic, numeric);
          }
          if (op.localGradsConstant() && !close(0, numeric)) {
            return String.format(
                "local gradients declared constant, but ∂(local gradient %d)/∂(input %d) at %s is"
                    + " %s",
                i, j, point, numeric);
          }
        }
      }
    }
    return null;
  }

  private boolean close(double analytic, double numeric) {
    return Math.abs(analytic - numeric) <= atol + rtol * Math.abs(numeric);
  }

  /** The op's local gradients as numbers at {@code inputs}. */
  private static double[] localGrads(HigherOrderOp op, double[] inputs, double[] constants) {
    double[] grads = new double[inputs.length];
    Arrays.fill(grads, Double.NaN); // a gradient the op does not write, as the engine gives it
    op.localGrad(inputs, constants, op.forward(inputs, constants), grads);
    return grads;
  }
}
