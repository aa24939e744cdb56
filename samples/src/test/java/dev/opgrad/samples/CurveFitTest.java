package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CurveFitTest {

  private static final double[] T = {0, 1, 2, 3, 4, 5};
  private static final double[] Y = {5.0, 3.1, 1.8, 1.1, 0.7, 0.4};

  @Test
  void startsFromTheLineThroughTheLogarithms() {
    CurveFit.Result result = CurveFit.run(new PrintStream(new ByteArrayOutputStream()));

    // The least-squares line ln y = ln a + b·t leaves residuals summing to 0, and to 0 times t.
    double sum = 0;
    double sumTimesT = 0;
    for (int i = 0; i < T.length; i++) {
      double residual = Math.log(Y[i]) - Math.log(result.startA()) - result.startB() * T[i];
      sum += residual;
      sumTimesT += residual * T[i];
    }
    assertThat(sum).isCloseTo(0, within(1e-14));
    assertThat(sumTimesT).isCloseTo(0, within(1e-14));
  }

  /**
   * Newton's method in plain doubles, from the hand-derived gradient and Hessian of the sum of
   * squared errors L = ∑ (a·e^(b·t) − y)², with e = e^(b·t) and r = a·e − y: ∂L/∂a = 2∑ r·e, ∂L/∂b =
   * 2∑ r·a·t·e, ∂²L/∂a² = 2∑ e², ∂²L/∂a∂b = 2∑ (a·t·e² + r·t·e), ∂²L/∂b² = 2∑ (a²t²e² + r·a·t²·e).
   */
  @Test
  void endsWhereTheHandDerivedGradientVanishesAsPlainNewtonDoes() {
    CurveFit.Result result = CurveFit.run(new PrintStream(new ByteArrayOutputStream()));

    double a = result.startA();
    double b = result.startB();
    for (int k = 0; k < result.iterations(); k++) {
      double[] g = gradient(a, b);
      double haa = 0;
      double hab = 0;
      double hbb = 0;
      for (int i = 0; i < T.length; i++) {
        double e = Math.exp(b * T[i]);
        double r = a * e - Y[i];
        haa += 2 * e * e;
        hab += 2 * (a * T[i] * e * e + r * T[i] * e);
        hbb += 2 * (a * a * T[i] * T[i] * e * e + r * a * T[i] * T[i] * e);
      }
      double det = haa * hbb - hab * hab;
      double nextA = a - (hbb * g[0] - hab * g[1]) / det;
      b -= (haa * g[1] - hab * g[0]) / det;
      a = nextA;
    }
    assertThat(result.iterations()).isEqualTo(3);
    assertThat(result.a()).isCloseTo(a, within(1e-12));
    assertThat(result.b()).isCloseTo(b, within(1e-12));
    double[] g = gradient(result.a(), result.b());
    assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-12);
    assertThat(result.gradientNorm()).isLessThanOrEqualTo(CurveFit.GRADIENT_TOLERANCE);
    double loss = 0;
    for (int i = 0; i < T.length; i++) {
      double r = result.a() * Math.exp(result.b() * T[i]) - Y[i];
      loss += r * r;
    }
    assertThat(result.loss()).isCloseTo(loss, within(1e-15));
  }

  @Test
  void printsTheStartEveryIterationAndTheFit() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CurveFit.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String printed = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    // The last gradient's norm is rounding noise, below the tolerance: its digits are not pinned.
    String noise = "\\d\\.\\d{3}e-1[3-9]";
    assertThat(printed.replaceFirst(noise + "(?=\nleast squares)", "(noise)"))
        .isEqualTo(EXPECTED);
  }

  private static double[] gradient(double a, double b) {
    double ga = 0;
    double gb = 0;
    for (int i = 0; i < T.length; i++) {
      double e = Math.exp(b * T[i]);
      double r = a * e - Y[i];
      ga += 2 * r * e;
      gb += 2 * r * a * T[i] * e;
    }
    return new double[] {ga, gb};
  }

  private static final String EXPECTED =
      """
      Fitting y = a·exp(b·t) to 6 readings by least squares:
        t = 0.0, 1.0, 2.0, 3.0, 4.0, 5.0
        y = 5.0, 3.1, 1.8, 1.1, 0.7, 0.4
      log-linear fit:  y = 5.025835·exp(-0.502439·t), loss 0.0066837220, half-life 1.3796 h
      Newton's method from there, H·v from Gradients.hvp in conjugate gradient (H is never formed):
      iteration              a             b           loss  |gradient|   H·v products
              0    5.025835404  -0.502438596   0.0066837220   8.946e-02              2
              1    5.017892775  -0.500680951   0.0065684828   4.670e-04              2
              2    5.017897702  -0.500686516   0.0065684815   9.794e-09              2
              3    5.017897703  -0.500686516   0.0065684815   (noise)
      least squares:   y = 5.017898·exp(-0.500687·t), loss 0.0065684815, half-life 1.3844 h
      """;
}
