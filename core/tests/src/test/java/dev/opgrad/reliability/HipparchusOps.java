package dev.opgrad.reliability;

import java.util.Map;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The Hipparchus forward-mode counterpart of each op that has one, by op name: what the fuzzer
 * compares opgrad's derivatives with, to any order ({@link DerivativeStructure}). Written from the
 * mathematical definitions, independently of the ops' own code. An op missing here is checked by
 * finite differences only.
 */
final class HipparchusOps {

  /** An op's definition over Hipparchus derivatives: inputs and constants to output. */
  @FunctionalInterface
  interface Counterpart {
    DerivativeStructure apply(DerivativeStructure[] x, double[] c);
  }

  private HipparchusOps() {}

  /** The counterparts of the built-in ops and of those ops-extra provides. */
  static final Map<String, Counterpart> BY_NAME =
      Map.ofEntries(
          Map.entry("add", (x, c) -> x[0].add(x[1])),
          Map.entry("sub", (x, c) -> x[0].subtract(x[1])),
          Map.entry("mul", (x, c) -> x[0].multiply(x[1])),
          Map.entry("div", (x, c) -> x[0].divide(x[1])),
          Map.entry("neg", (x, c) -> x[0].negate()),
          Map.entry("pow", (x, c) -> x[0].pow(c[0])),
          Map.entry("exp", (x, c) -> x[0].exp()),
          Map.entry("tanh", (x, c) -> x[0].tanh()),
          Map.entry("linear", (x, c) -> linear(x)),
          Map.entry("relu", (x, c) -> x[0].getValue() > 0 ? x[0] : x[0].multiply(0.0)),
          Map.entry("sigmoid", (x, c) -> sigmoid(x[0])),
          Map.entry("log", (x, c) -> x[0].log()),
          Map.entry("softplus", (x, c) -> softplus(x[0])),
          Map.entry("sin", (x, c) -> x[0].sin()),
          Map.entry("cos", (x, c) -> x[0].cos()),
          Map.entry("legendre3", (x, c) -> legendre(3, x[0])),
          Map.entry("legendre", (x, c) -> legendre((int) c[0], x[0])),
          Map.entry("sqrt", (x, c) -> x[0].sqrt()),
          Map.entry("abs", (x, c) -> x[0].abs()),
          Map.entry("sign", (x, c) -> x[0].getField().getZero().add(Math.signum(x[0].getValue()))),
          Map.entry("step", (x, c) -> x[0].getField().getZero().add(x[0].getValue() > 0 ? 1 : 0)),
          Map.entry("sum", (x, c) -> sum(x)),
          Map.entry("mean", (x, c) -> sum(x).divide(x.length)));

  /** x0 + x1 + …, left to right. */
  private static DerivativeStructure sum(DerivativeStructure[] x) {
    DerivativeStructure sum = x[0];
    for (int i = 1; i < x.length; i++) {
      sum = sum.add(x[i]);
    }
    return sum;
  }

  /** b + w0·x0 + w1·x1 + … over the inputs (b, w0, x0, w1, x1, …). */
  private static DerivativeStructure linear(DerivativeStructure[] x) {
    DerivativeStructure sum = x[0];
    for (int i = 1; i < x.length; i += 2) {
      sum = sum.add(x[i].multiply(x[i + 1]));
    }
    return sum;
  }

  /** 1/(1 + e^-x), written so that neither tail overflows (ops-extra checks it at ±1000). */
  private static DerivativeStructure sigmoid(DerivativeStructure x) {
    if (x.getValue() >= 0) {
      return x.negate().exp().add(1).reciprocal();
    }
    DerivativeStructure e = x.exp();
    return e.divide(e.add(1));
  }

  /** log(1 + e^x), as max(x, 0) + log1p(e^-|x|) so that it does not overflow for large x. */
  private static DerivativeStructure softplus(DerivativeStructure x) {
    return x.getValue() >= 0 ? x.add(x.negate().exp().log1p()) : x.exp().log1p();
  }

  /** P_n(x) by Bonnet's recurrence (k + 1) P_{k+1} = (2k + 1) x P_k − k P_{k−1}. */
  private static DerivativeStructure legendre(int degree, DerivativeStructure x) {
    DerivativeStructure previous = x.getField().getOne();
    if (degree == 0) {
      return previous;
    }
    DerivativeStructure current = x;
    for (int k = 1; k < degree; k++) {
      DerivativeStructure next =
          x.multiply(current).multiply(2 * k + 1).subtract(previous.multiply(k)).divide(k + 1);
      previous = current;
      current = next;
    }
    return current;
  }
}
