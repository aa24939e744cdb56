package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LegendreFitTest {

  @Test
  void reproducesPyTorchsCustomFunctionTutorial() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LegendreFit.Result result =
        LegendreFit.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    // PyTorch's run, in float32, ends near b = -2.2085, d = 0.2555, loss = 8.9. Double precision
    // agrees with it to about five digits, so b and d must match its four decimals to within half
    // a unit of the last one, and the loss its two digits.
    assertThat(result.b()).isCloseTo(-2.2085, within(5e-5));
    assertThat(result.d()).isCloseTo(0.2555, within(5e-5));
    assertThat(result.loss()).isCloseTo(8.9, within(0.05));
    // sin is odd and the points are symmetric, so a and c get gradients that are rounding noise.
    assertThat(result.a()).isCloseTo(0.0, within(1e-12));
    assertThat(result.c()).isCloseTo(0.0, within(1e-12));

    String output = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    assertThat(output)
        .startsWith(
            """
            Fitting y = a + b·P3(c + d·x) to sin(x) on 2000 points of [-π, π]
            step   99  loss 209.958385
            step  199  loss 144.660357
            step  299  loss 100.702568
            step  399  loss 71.035274
            step  499  loss 50.978558
            step  599  loss 37.403109
            step  699  loss 28.206773
            step  799  loss 21.973097
            step  899  loss 17.745684
            step  999  loss 14.877818
            step 1099  loss 12.931733
            step 1199  loss 11.610872
            step 1299  loss 10.714215
            step 1399  loss 10.105444
            step 1499  loss 9.692084
            step 1599  loss 9.411386
            step 1699  loss 9.220760
            step 1799  loss 9.091296
            step 1899  loss 9.003366
            step 1999  loss 8.943643
            Result: y =\s""")
        .contains(" + -2.2085264152 * P3(")
        .endsWith(" + 0.2554861125 x)\n");
  }

  @Test
  void linspaceIncludesBothEndsAndIsSymmetricLikeTorchs() {
    double[] xs = LegendreFit.linspace(-Math.PI, Math.PI, 2000);

    assertThat(xs).hasSize(2000);
    assertThat(xs[0]).isEqualTo(-Math.PI);
    assertThat(xs[1999]).isEqualTo(Math.PI);
    for (int i = 0; i < 1000; i++) {
      assertThat(xs[1999 - i]).isEqualTo(-xs[i]);
    }
    assertThat(xs[1] - xs[0]).isCloseTo(2 * Math.PI / 1999, within(1e-15));
  }
}
