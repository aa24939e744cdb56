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
   * wantsGrad} tells; 0 for a node of fewer than three inputs, whose inputs are read as fast one by
   * one.
   */
  static byte of(int[] inputIndex, int from, int to, boolean[] wantsGrad) {
    if (to - from < 3) {
      return 0;
    }
    // From input 1 on, in one pass; input 0 then extends each answer to head 0.
    boolean step1 = true;
    boolean step2 = true;
    boolean wanted = true;
    for (int e = from + 1; e < to; e++) {
      int input = inputIndex[e];
      step1 &= e < from + 2 || input == inputIndex[e - 1] + 1;
      step2 &= e < from + 3 || input == inputIndex[e - 2] + 1;
      wanted &= wantsGrad[input];
    }
    int zero = inputIndex[from];
    int layout = (step1 ? bit(1, 1) : 0) | (step2 ? bit(1, 2) : 0) | (wanted ? wantGradBit(1) : 0);
    layout |= step1 && inputIndex[from + 1] == zero + 1 ? bit(0, 1) : 0;
    layout |= step2 && inputIndex[from + 2] == zero + 1 ? bit(0, 2) : 0;
    layout |= wanted && wantsGrad[zero] ? wantGradBit(0) : 0;
    return (byte) layout;
  }
}
