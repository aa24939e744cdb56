package dev.opgrad.samples.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The references against values known to more digits than a double holds, each rounded once to the
 * nearest double, including where the naive formulas cancel, overflow or underflow.
 */
class HighPrecisionTest {

  private final Reference tanh = HighPrecision.tanh();
  private final Reference sigmoid = HighPrecision.sigmoid();
  private final Reference softplus = HighPrecision.softplus();

  @Test
  void tanhAndItsDerivative() {
    assertThat(tanh.value().applyAsDouble(1)).isEqualTo(0.7615941559557649); // 0.76159415595576488…
    assertThat(tanh.value().applyAsDouble(-1)).isEqualTo(-0.7615941559557649);
    assertThat(tanh.value().applyAsDouble(0)).isZero();
    assertThat(tanh.value().applyAsDouble(1e-300)).isEqualTo(1e-300); // tanh x = x − x³/3 + …
    assertThat(tanh.value().applyAsDouble(400)).isEqualTo(1);
    assertThat(tanh.derivative().applyAsDouble(0)).isEqualTo(1);
    // 4e^-40 (1 − 2e^-40 + …), where 1 − tanh² in doubles is 0.
    assertThat(tanh.derivative().applyAsDouble(20)).isEqualTo(1.6993417021166355e-17);
    assertThat(tanh.derivative().applyAsDouble(-20)).isEqualTo(1.6993417021166355e-17);
    assertThat(tanh.derivative().applyAsDouble(400)).isZero(); // 4e^-800 rounds to 0
  }

  @Test
  void sigmoidAndSoftplus() {
    assertThat(sigmoid.value().applyAsDouble(0)).isEqualTo(0.5);
    assertThat(sigmoid.derivative().applyAsDouble(0)).isEqualTo(0.25);
    assertThat(sigmoid.value().applyAsDouble(-40)).isEqualTo(4.248354255291589e-18); // e^-40…
    assertThat(sigmoid.value().applyAsDouble(-745)).isEqualTo(Double.MIN_VALUE); // a subnormal
    assertThat(sigmoid.derivative().applyAsDouble(40)).isEqualTo(4.248354255291589e-18);
    assertThat(softplus.value().applyAsDouble(0)).isEqualTo(0.6931471805599453); // ln 2
    assertThat(softplus.value().applyAsDouble(1000)).isEqualTo(1000);
    assertThat(softplus.value().applyAsDouble(-40)).isEqualTo(4.248354255291589e-18);
    assertThat(softplus.derivative().applyAsDouble(0)).isEqualTo(0.5);
  }

  @Test
  void logSumExpOfTwoValues() {
    Reference lse = HighPrecision.logSumExp(-1000);

    // -1000 + ln 2 = -999.30685281944005…
    assertThat(lse.value().applyAsDouble(-1000)).isEqualTo(-999.3068528194401);
    assertThat(lse.value().applyAsDouble(800)).isEqualTo(800);
    assertThat(lse.derivative().applyAsDouble(-1000)).isEqualTo(0.5);
    assertThat(lse.derivative().applyAsDouble(-2000)).isZero(); // σ(-1000)
    assertThat(lse.name())
        .isEqualTo(
            "log(exp(x) + exp(-1000)) to 32 digits (Hipparchus Dfp), rounded to the nearest"
                + " double");
  }

  @Test
  void expAndLogAsMathDefinesThemOutsideTheirRange() {
    Reference exp = HighPrecision.exp();
    Reference log = HighPrecision.log();

    assertThat(exp.value().applyAsDouble(1)).isEqualTo(Math.E);
    assertThat(exp.value().applyAsDouble(710)).isInfinite();
    assertThat(exp.value().applyAsDouble(-746)).isZero();
    assertThat(log.value().applyAsDouble(2)).isEqualTo(0.6931471805599453);
    // log(1 + ε) = ε − ε²/2 + …, ε = 2^-52: just above the double below 2^-52, where Math.log
    // gives 2^-52.
    assertThat(log.value().applyAsDouble(Math.nextUp(1.0))).isEqualTo(Math.nextDown(0x1p-52));
    assertThat(log.value().applyAsDouble(Double.MIN_VALUE)).isEqualTo(-744.4400719213812);
    assertThat(log.value().applyAsDouble(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(log.value().applyAsDouble(-1)).isNaN();
    assertThat(log.derivative().applyAsDouble(4)).isEqualTo(0.25);
    assertThat(log.derivative().applyAsDouble(-1)).isNaN();
  }

  @Test
  void opsWithAReferenceAreFoundByName() {
    assertThat(HighPrecision.forOp("tanh")).isPresent();
    assertThat(HighPrecision.forOp("sigmoid")).isPresent();
    assertThat(HighPrecision.forOp("relu")).isEmpty();
  }
}
