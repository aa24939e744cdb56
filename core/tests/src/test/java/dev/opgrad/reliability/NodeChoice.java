package dev.opgrad.reliability;

import java.util.List;

/**
 * The random choices behind one op node of a {@link RandomGraph}: plain integers, so that jqwik
 * shrinks each of them towards 0 and a failing graph towards the simplest one that still fails.
 *
 * @param op which op, modulo the number of fuzzed ops (0: the first in alphabetical order)
 * @param point which of the op's {@link dev.opgrad.spi.Op#gradCheckPoints() points}, modulo their
 *     number
 * @param jitter how far to move the point's inputs, in units of 1/5000 of their value (0: not at
 *     all)
 * @param sources for each input, in turn: below {@link #FRESH} a new leaf; otherwise which earlier
 *     node to share, modulo their number
 */
record NodeChoice(int op, int point, int jitter, List<Integer> sources) {

  /** Sources below this make a new leaf. */
  static final int FRESH = 4;
}
