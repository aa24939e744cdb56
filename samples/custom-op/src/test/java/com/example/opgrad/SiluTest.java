package com.example.opgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.Value;
import dev.opgrad.spi.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiluTest {

  @Test
  void passesGradCheck() {
    GradCheckResult result = GradCheck.defaults().check(new Silu());

    assertTrue(result.passed(), result.toString());
    assertEquals(4, result.pointCount());
    GradCheckResult far =
        GradCheck.defaults().check(new Silu(), List.of(Point.of(-30), Point.of(-5), Point.of(8)));
    assertTrue(far.passed(), far.toString());
  }

  @Test
  void isFoundByNameAndWorksInAGraph() {
    assertEquals(
        List.of("add", "div", "exp", "linear", "mul", "neg", "pow", "relu", "silu", "sub", "tanh"),
        List.copyOf(OpRegistry.defaultRegistry().names()));
    Value x = Value.of(2.0, "x");

    Value y = x.apply("silu").mul(3).add(1); // 3·silu(x) + 1
    y.backward();

    double s = 1 / (1 + Math.exp(-2.0));
    assertEquals(3 * 2 * s + 1, y.data(), 1e-15);
    assertEquals(3 * s * (1 + 2 * (1 - s)), x.grad(), 1e-15);
    assertEquals(-0.0, Value.of(-1000).apply("silu").data());
  }
}
