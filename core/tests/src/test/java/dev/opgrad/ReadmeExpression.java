package dev.opgrad;

/** micrograd's README expression of a and b, as the README writes it, for the tests here. */
final class ReadmeExpression {

  private ReadmeExpression() {}

  /** g(a, b); at (−4, 2) it is 24.7041, with gradients 138.8338 and 645.5773. */
  static Value g(Value a, Value b) {
    Value c = a.add(b);
    Value d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(Value.of(1).add(c).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(d.mul(3).add(b.sub(a).relu()));
    Value e = c.sub(d);
    Value f = e.pow(2);
    Value g = f.div(2.0);
    return g.add(Value.of(10.0).div(f));
  }
}
