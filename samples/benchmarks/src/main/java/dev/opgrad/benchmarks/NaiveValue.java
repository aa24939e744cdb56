package dev.opgrad.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The baseline that a typical port of micrograd to Java is: an object per node holding its children
 * in a list and a closure that applies its chain rule, a recursive topological sort and an identity
 * hash set of visited nodes. Benchmarks only; it overflows the stack on deep graphs, as micrograd
 * hits Python's recursion limit.
 */
final class NaiveValue {

  double data;
  double grad;
  private final List<NaiveValue> children;
  private Runnable backwardStep = () -> {};

  private NaiveValue(double data, List<NaiveValue> children) {
    this.data = data;
    this.children = children;
  }

  static NaiveValue of(double data) {
    return new NaiveValue(data, List.of());
  }

  NaiveValue add(NaiveValue other) {
    NaiveValue out = new NaiveValue(data + other.data, List.of(this, other));
    out.backwardStep =
        () -> {
          grad += out.grad;
          other.grad += out.grad;
        };
    return out;
  }

  NaiveValue add(double other) {
    return add(of(other));
  }

  NaiveValue mul(NaiveValue other) {
    NaiveValue out = new NaiveValue(data * other.data, List.of(this, other));
    out.backwardStep =
        () -> {
          grad += other.data * out.grad;
          other.grad += data * out.grad;
        };
    return out;
  }

  NaiveValue mul(double other) {
    return mul(of(other));
  }

  NaiveValue pow(double exponent) {
    NaiveValue out = new NaiveValue(Math.pow(data, exponent), List.of(this));
    out.backwardStep = () -> grad += exponent * Math.pow(data, exponent - 1) * out.grad;
    return out;
  }

  NaiveValue relu() {
    NaiveValue out = new NaiveValue(data < 0 ? 0 : data, List.of(this));
    out.backwardStep = () -> grad += (out.data > 0 ? 1 : 0) * out.grad;
    return out;
  }

  NaiveValue tanh() {
    NaiveValue out = new NaiveValue(Math.tanh(data), List.of(this));
    out.backwardStep = () -> grad += (1 - out.data * out.data) * out.grad;
    return out;
  }

  NaiveValue exp() {
    NaiveValue out = new NaiveValue(Math.exp(data), List.of(this));
    out.backwardStep = () -> grad += out.data * out.grad;
    return out;
  }

  NaiveValue sub(double other) {
    return add(-other);
  }

  NaiveValue div(NaiveValue other) {
    return mul(other.pow(-1));
  }

  void backward() {
    List<NaiveValue> topo = new ArrayList<>();
    buildTopo(this, Collections.newSetFromMap(new IdentityHashMap<>()), topo);
    grad = 1;
    for (int i = topo.size() - 1; i >= 0; i--) {
      topo.get(i).backwardStep.run();
    }
  }

  private static void buildTopo(NaiveValue v, Set<NaiveValue> visited, List<NaiveValue> topo) {
    if (visited.add(v)) {
      for (NaiveValue child : v.children) {
        buildTopo(child, visited, topo);
      }
      topo.add(v);
    }
  }
}
