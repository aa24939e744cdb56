package dev.opgrad.samples;

import dev.opgrad.Value;
import java.io.PrintStream;

/** micrograd's README example: an expression of two values and its gradients. */
public final class ReadmeExpression {

  private ReadmeExpression() {}

  /** Runs the example, printing g and the gradients of a and b. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Computes micrograd's README expression and prints its value and gradients to {@code out}. */
  public static Value[] run(PrintStream out) {
    Value a = Value.of(-4.0, "a");
    Value b = Value.of(2.0, "b");
    Value c = a.add(b);
    Value d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(Value.of(1).add(c).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(d.mul(3).add(b.sub(a).relu()));
    Value e = c.sub(d);
    Value f = e.pow(2);
    Value g = f.div(2.0);
    g = g.add(Value.of(10.0).div(f));
    g.backward();
    out.printf("micrograd's README expression%n");
    out.printf("  g      = %.4f  (the outcome of the forward pass)%n", g.data());
    out.printf("  a.grad = %.4f  (dg/da)%n", a.grad());
    out.printf("  b.grad = %.4f  (dg/db)%n", b.grad());
    return new Value[] {g, a, b};
  }
}
