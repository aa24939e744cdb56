package dev.opgrad;

/**
 * Which inputs of a node of a {@link Tape} lie side by side in its arrays, in one byte, from which
 * {@link NodeRange#consecutiveInputs} answers without reading an index per input. Bit {@link
 * #bit(int, int) bit(head, step)} says that inputs {@code from}, {@code from + step}, … are at
 * consecutive places for every {@code from} from {@code head} on ({@code head} 0 or 1, {@code step}
 * 1 or 2): a {@code linear} neuron's weights and its inputs, {@code step} 2 from 1 and from 2. Bit
 * {@link #wantGradBit(int) wantGradBit(head)} says that every input from {@code head} on wants a
 * gradient, so that the backward pass may add into their places.
 */
final class SideBySide {

  private SideBySide() {}

  static int bit(int head, int step) {
    return 1 << (head + 2 * (step - 1));
  }

  static int wantGradBit(int head) {
    return 16 << head;
  }

  /**
   * The byte of a node whose inputs are {@code inputIndex[from .. to)}, whose gradients {@code
   * wantsGrad} tells, from what {@link Tape#of} found as it copied them: whether inputs 1, 3, 5, …
   * are side by side and 2, 4, 6, … too ({@code stepTwo}), and whether every input from 1 on wants
   * a gradient ({@code wanted}). 0 for a node of fewer than three inputs, whose inputs are read as
   * fast one by one.
   */
  static byte of(
      int[] inputIndex, int from, int to, boolean stepTwo, boolean wanted, boolean[] wantsGrad) {
    if (to - from < 3) {
      return 0;
    }
    // Inputs 1, 2, 3, … side by side. Beside step 2 only for three inputs: step 2 puts input 3
    // right after input 1, where step 1 puts input 2.
    boolean stepOne = (to - from == 3 || !stepTwo) && consecutive(inputIndex, from + 1, to);
    int zero = inputIndex[from];
    int layout =
        (stepOne ? bit(1, 1) : 0) | (stepTwo ? bit(1, 2) : 0) | (wanted ? wantGradBit(1) : 0);
    layout |= stepOne && inputIndex[from + 1] == zero + 1 ? bit(0, 1) : 0;
    layout |= stepTwo && inputIndex[from + 2] == zero + 1 ? bit(0, 2) : 0;
    layout |= wanted && wantsGrad[zero] ? wantGradBit(0) : 0;
    return (byte) layout;
  }

  /** Whether {@code inputIndex[from .. to)} are consecutive numbers. */
  private static boolean consecutive(int[] inputIndex, int from, int to) {
    for (int e = from + 1; e < to; e++) {
      if (inputIndex[e] != inputIndex[e - 1] + 1) {
        return false;
      }
    }
    return true;
  }
}
