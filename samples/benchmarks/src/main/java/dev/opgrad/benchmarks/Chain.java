package dev.opgrad.benchmarks;

import dev.opgrad.Value;

/** The chain the benchmarks and checks build: v = v·scale, then v = v + shift, alternately. */
final class Chain {

  private Chain() {}

  /** Returns the last of {@code length} binary nodes chained from {@code start}. */
  static Value build(Value start, Value scale, Value shift, int length) {
    Value v = start;
    for (int i = 0; i < length; i++) {
      v = i % 2 == 0 ? v.mul(scale) : v.add(shift);
    }
    return v;
  }
}
