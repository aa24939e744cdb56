package com.example.opgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opgrad.Gradients;
import dev.opgrad.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiluSecondDerivativeTest {

  @Test
  void secondDerivativeIsTheClosedForm() {
    for (double at : new double[] {-6, -1.5, 0, 0.5, 2, 8}) {
      Value x = Value.of(at, "x");
      Value dy = Gradients.of(x.apply("silu"), List.of(x)).get(0); // a graph of ops
      Value d2y = Gradients.of(dy, List.of(x)).get(0);

      // silu'' = σ(1 − σ)(2 + x(1 − 2σ))
      double s = 1 / (1 + Math.exp(-at));
      assertEquals(s * (1 + at * (1 - s)), dy.data(), 1e-15);
      assertEquals(s * (1 - s) * (2 + at * (1 - 2 * s)), d2y.data(), 1e-15);
      assertEquals(d2y.data(), Gradients.hessian(x.apply("silu"), List.of(x))[0][0], 1e-15);
    }
  }
}
