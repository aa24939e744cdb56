package dev.opgrad.ops.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.opgrad.Value;
import org.junit.jupiter.api.Test;

/** micrograd's test suite and lecture examples, with their reference numbers. */
class MicrogradReferenceTest {

  /** 1e-12 relative, as a percentage. */
  private static final double RELATIVE_1E_12 = 1e-10;

  @Test
  void sanityCheck() {
    Value x = Value.of(-4.0, "x");
    Value z = x.mul(2).add(2).add(x);
    Value q = z.relu().add(z.mul(x));
    Value h = z.mul(z).relu();
    Value y = h.add(q).add(q.mul(x));

    y.backward();

    assertThat(y.data()).isEqualTo(-20.0);
    assertThat(x.grad()).isEqualTo(46.0);
  }

  @Test
  void moreOps() {
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

    assertThat(g.data()).isCloseTo(24.70408163265306, withinPercentage(RELATIVE_1E_12));
    assertThat(a.grad()).isCloseTo(138.83381924198252, withinPercentage(RELATIVE_1E_12));
    assertThat(b.grad()).isCloseTo(645.5772594752186, withinPercentage(RELATIVE_1E_12));
  }

  @Test
  void aValueAddedToItself() {
    Value a = Value.of(3.0, "a");

    a.add(a).backward();

    assertThat(a.grad()).isEqualTo(2.0);
  }

  @Test
  void aReusedSubexpression() {
    Value a = Value.of(1.0, "a");
    Value b = a.add(4);
    Value c = b.mul(3).add(b.mul(5));

    c.backward();

    assertThat(a.grad()).isEqualTo(8.0);
    assertThat(b.grad()).isEqualTo(8.0);
  }

  @Test
  void theLecturesNeuron() {
    Value x1 = Value.of(2.0, "x1");
    Value x2 = Value.of(0.0, "x2");
    Value w1 = Value.of(-3.0, "w1");
    Value w2 = Value.of(1.0, "w2");
    Value b = Value.of(6.8813735870195432, "b");
    Value n = x1.mul(w1).add(x2.mul(w2)).add(b);

    Value o = n.tanh();
    o.backward();

    assertThat(o.data()).isCloseTo(0.7071067811865476, within(1e-15));
    assertThat(x1.grad()).isCloseTo(-1.5, within(1e-15));
    assertThat(w1.grad()).isCloseTo(1.0, within(1e-15));
    assertThat(x2.grad()).isCloseTo(0.5, within(1e-15));
    assertThat(w2.grad()).isEqualTo(0.0);
    assertThat(b.grad()).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void theLecturesNeuronWithTanhBuiltFromExp() {
    Value x1 = Value.of(2.0, "x1");
    Value x2 = Value.of(0.0, "x2");
    Value w1 = Value.of(-3.0, "w1");
    Value w2 = Value.of(1.0, "w2");
    Value b = Value.of(6.8813735870195432, "b");
    Value n = x1.mul(w1).add(x2.mul(w2)).add(b);
    Value e = n.mul(2).exp();

    Value o = e.sub(1).div(e.add(1));
    o.backward();

    assertThat(o.data()).isCloseTo(0.7071067811865476, within(1e-15));
    assertThat(x1.grad()).isCloseTo(-1.5, within(1e-12));
    assertThat(w1.grad()).isCloseTo(1.0, within(1e-12));
    assertThat(x2.grad()).isCloseTo(0.5, within(1e-12));
    assertThat(w2.grad()).isEqualTo(0.0);
  }
}
