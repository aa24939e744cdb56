package dev.opgrad.samples.compare;

import static dev.opgrad.samples.compare.DfpFunctions.ONE;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.hipparchus.dfp.Dfp;

/**
 * References computed with Hipparchus's decimal floating point ({@link Dfp}) at 32 significant
 * digits, whose exponent range (about 10<sup>±130000</sup>) holds what overflows or underflows a
 * double, then rounded to the nearest double. Each is written in a form that cancels nowhere,
 * {@code expm1} and {@code log1p} by their series near 0 and derivatives such as tanh′(x) as 4u/(1
 * + u)² with u = e<sup>−2|x|</sup> rather than 1 − tanh²(x), so that its digits are correct digits
 * of the result, however small, and its rounding to a double is the correct rounding.
 */
public final class HighPrecision {

  private static final String HOW =
      " to " + DfpFunctions.DIGITS + " digits (Hipparchus Dfp), rounded to the nearest double";

  /** The ops of the command line's grammar that have a reference here, by name. */
  private static final Map<String, Reference> BY_OP =
      Map.of(
          "tanh", tanh(), "sigmoid", sigmoid(), "softplus", softplus(), "exp", exp(), "log", log());

  private HighPrecision() {}

  /**
   * tanh(x) = sign(x)·(1 − u)/(1 + u) and tanh′(x) = 4u/(1 + u)², with u = e<sup>−2|x|</sup> and 1
   * − u = −expm1(−2|x|) by its series near 0.
   */
  public static Reference tanh() {
    return reference(
        "tanh",
        x -> {
          double t = -2 * Math.abs(x);
          Dfp u;
          Dfp oneMinusU;
          if (t > -0.5) { // 1 − u would cancel: −expm1(t) by its series
            oneMinusU = DfpFunctions.expm1(DfpFunctions.of(t)).negate();
            u = ONE.subtract(oneMinusU);
          } else { // u may be tiny: 1 + expm1(t) would lose it
            u = DfpFunctions.exp(DfpFunctions.of(t), t);
            oneMinusU = ONE.subtract(u);
          }
          return new Shared(u, oneMinusU, ONE.divide(ONE.add(u)));
        },
        (x, s) -> {
          Dfp magnitude = s.other().multiply(s.reciprocal()); // (1 − u)/(1 + u)
          return x < 0 ? magnitude.negate() : magnitude;
        },
        (x, s) -> s.u().multiply(4).multiply(s.reciprocal()).multiply(s.reciprocal()));
  }

  /** σ(x) = 1/(1 + u) for x ≥ 0 and u/(1 + u) below; σ′(x) = u/(1 + u)²; u = e<sup>−|x|</sup>. */
  public static Reference sigmoid() {
    return reference(
        "sigmoid",
        x -> logistic(DfpFunctions.of(-Math.abs(x)), -Math.abs(x)),
        (x, s) -> x < 0 ? s.u().multiply(s.reciprocal()) : s.reciprocal(),
        (x, s) -> s.u().multiply(s.reciprocal()).multiply(s.reciprocal()));
  }

  /** softplus(x) = max(x, 0) + log1p(u) with u = e<sup>−|x|</sup>; softplus′(x) = σ(x). */
  public static Reference softplus() {
    return reference(
        "softplus",
        x -> logistic(DfpFunctions.of(-Math.abs(x)), -Math.abs(x)),
        (x, s) -> DfpFunctions.of(Math.max(x, 0)).add(DfpFunctions.log1p(s.u())),
        (x, s) -> x < 0 ? s.u().multiply(s.reciprocal()) : s.reciprocal());
  }

  /**
   * log(e<sup>x</sup> + e<sup>y</sup>) as a function of x, y held at {@code y}: max(x, y) +
   * log1p(u) with u = e<sup>−|x − y|</sup>; its derivative in x is σ(x − y).
   */
  public static Reference logSumExp(double y) {
    Dfp fixed = DfpFunctions.of(y);
    return reference(
        "log(exp(x) + exp(" + Digits.of(y, 17) + "))",
        x -> {
          Dfp distance = DfpFunctions.of(x).subtract(fixed).abs(); // exact to 32 digits
          return logistic(distance.negate(), -Math.abs(x - y));
        },
        (x, s) -> DfpFunctions.of(Math.max(x, y)).add(DfpFunctions.log1p(s.u())),
        (x, s) -> x < y ? s.u().multiply(s.reciprocal()) : s.reciprocal());
  }

  /** e<sup>x</sup>, whose derivative is itself. */
  public static Reference exp() {
    return reference(
        "exp",
        x -> new Shared(DfpFunctions.exp(DfpFunctions.of(x), x), null, null),
        (x, s) -> s.u(),
        (x, s) -> s.u());
  }

  /** log(x), NaN below 0 and −∞ at 0 as {@link Math#log}; its derivative 1/x, NaN below 0. */
  public static Reference log() {
    return new Reference(
        "log" + HOW,
        x -> x > 0 ? DfpFunctions.toDouble(DfpFunctions.log(x)) : x == 0 ? -1 / 0.0 : Double.NaN,
        x -> x >= 0 ? DfpFunctions.toDouble(ONE.divide(DfpFunctions.of(x))) : Double.NaN);
  }

  /**
   * The reference for the op named {@code opName} applied to the variable alone, if there is one:
   * {@code tanh}, {@code sigmoid}, {@code softplus}, {@code exp} or {@code log}.
   */
  public static Optional<Reference> forOp(String opName) {
    return Optional.ofNullable(BY_OP.get(opName));
  }

  /**
   * What a function's value and derivative at one x have in common: an exponential u, maybe another
   * quantity, and 1/(1 + u), computed once for both (Dfp's exp and division are its slowest
   * operations).
   */
  private record Shared(Dfp u, Dfp other, Dfp reciprocal) {}

  /** A value or a derivative at x from what the two share there. */
  @FunctionalInterface
  private interface Formula {
    Dfp apply(double x, Shared shared);
  }

  /** u = e^t for t ≤ 0 given as a Dfp and as a double, and 1/(1 + u). */
  private static Shared logistic(Dfp t, double approximately) {
    Dfp u = DfpFunctions.exp(t, approximately);
    return new Shared(u, null, ONE.divide(ONE.add(u)));
  }

  /**
   * A reference whose value and derivative at x are computed from {@code shared}'s result at x,
   * kept for the last x asked: a comparison asks for the value and the derivative in a row.
   */
  private static Reference reference(
      String function, DoubleFunction<Shared> shared, Formula value, Formula derivative) {
    LastPoint last = new LastPoint(shared);
    return new Reference(
        function + HOW,
        x -> Double.isFinite(x) ? DfpFunctions.toDouble(value.apply(x, last.at(x))) : Double.NaN,
        x ->
            Double.isFinite(x)
                ? DfpFunctions.toDouble(derivative.apply(x, last.at(x)))
                : Double.NaN);
  }

  /** The shared quantities at the last x asked for, computed again for another x. */
  private static final class LastPoint {

    private final DoubleFunction<Shared> compute;
    private long key = Long.MIN_VALUE; // no double has these bits as a key: nothing is kept
    private Shared shared;

    LastPoint(DoubleFunction<Shared> compute) {
      this.compute = compute;
    }

    /** Synchronized: a reference may be shared between threads, as any value is. */
    synchronized Shared at(double x) {
      long bits = Double.doubleToLongBits(x);
      if (bits != key || shared == null) {
        shared = compute.apply(x);
        key = bits;
      }
      return shared;
    }
  }
}
