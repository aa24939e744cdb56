package com.example.opgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opgrad.Value;
import dev.opgrad.check.GradCheck;
import dev.opgrad.check.GradCheckResult;
import dev.opgrad.registry.OpRegistry;
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
  void isFoundByNameAndDifferentiated() {
    // Found through META-INF/services, which AutoService wrote.
    assertTrue(OpRegistry.defaultRegistry().names().contains("silu"));
    Value x = Value.of(2.0, "x");

    Value y = x.apply("silu");
    y.backward();

    double s = 1 / (1 + Math.exp(-2.0));
    assertEquals(2 * s, y.data(), 1e-15);
    assertEquals(s * (1 + 2 * (1 - s)), x.grad(), 1e-15);
    assertEquals(-0.0, Value.of(-1000).apply("silu").data());
  }
}
