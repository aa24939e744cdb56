package dev.opgrad;

import dev.opgrad.spi.Nodes;
import java.util.Arrays;

/**
 * The {@link Nodes} of one run of a {@link Tape}: nodes {@code first}, {@code first + 1}, … of its
 * arrays on the forward pass ({@link Forward}), {@code first}, {@code first - 1}, … on the backward
 * pass ({@link Backward}). One instance per pass is moved from run to run, so that a replay
 * allocates nothing. A class per pass, so that the methods that one pass allows do not test which
 * pass it is, and a batch op's calls of them see one class.
 */
abstract class NodeRange implements Nodes {

  private final boolean forward;
  private final int[] inputStart;
  final int[] inputIndex;
  private final double[][] constants;
  final double[] data;
  final double[] grad;
  final boolean[] wantsGrad;
  private final byte[] sideBySide;
  // Per batch, consecutiveInputsOfAll's answers, made at the first question: the questions, from
  // in the high half and step in the low, and the answers, in the order asked.
  private final long[][] questions;
  private final int[][][] answers;
  private int batch;
  int first; // node 0's position
  private int size;
  // In a run whose nodes all have `arity` inputs, node k's are found without reading inputStart:
  // from firstEdge + edgeStep * k. -1 if their numbers differ.
  private int arity;
  private int firstEdge;
  private int edgeStep;

  /** A view of {@code tape}'s arrays, which it copies the references of, for {@code batches}. */
  private NodeRange(boolean forward, Tape tape, int batches) {
    this.forward = forward;
    this.inputStart = tape.inputStart;
    this.inputIndex = tape.inputIndex;
    this.constants = tape.constants;
    this.data = tape.data;
    this.grad = tape.grad;
    this.wantsGrad = tape.wantsGrad;
    this.sideBySide = tape.sideBySide;
    this.questions = new long[batches][];
    this.answers = new int[batches][][];
  }

  /**
   * Moves this view to batch {@code batch}, the nodes {@code from .. to - 1}, in order forward and
   * reversed backward, each of {@code arity} inputs, or -1 if their numbers differ.
   */
  NodeRange over(int batch, int from, int to, int arity) {
    this.batch = batch;
    first = forward ? from : to - 1;
    size = to - from;
    this.arity = arity;
    firstEdge = inputStart[first];
    edgeStep = forward ? arity : -arity;
    return this;
  }

  /** Where node {@code k}'s inputs start in {@code inputIndex}. */
  int inputs(int k) {
    return arity >= 0 ? firstEdge + edgeStep * k : inputStart[node(k)];
  }

  /** Node {@code k}'s position in the tape's arrays. */
  abstract int node(int k);

  @Override
  public int size() {
    return size;
  }

  @Override
  public int inputCount(int k) {
    if (arity >= 0) {
      return arity;
    }
    int n = node(k);
    return inputStart[n + 1] - inputStart[n];
  }

  @Override
  public double input(int k, int i) {
    return data[inputIndex[inputs(k) + i]];
  }

  @Override
  public double constant(int k, int c) {
    return constants[node(k)][c];
  }

  @Override
  public double output(int k) {
    return data[node(k)];
  }

  @Override
  public int consecutiveInputs(int k, int from, int step) {
    int n = node(k);
    int start = inputStart[n];
    int count = inputStart[n + 1] - start;
    if (step < 1 || from < 0 || from >= count) {
      return -1;
    }
    if (from + (long) step >= count) { // input from alone
      int input = inputIndex[start + from];
      return forward || wantsGrad[input] ? input : -1;
    }
    if (step > 2) {
      return -1;
    }
    int head = from == 0 ? 0 : 1;
    int layout = sideBySide[n];
    boolean consecutive = (layout & SideBySide.bit(head, step)) != 0;
    boolean wanted = forward || (layout & SideBySide.wantGradBit(head)) != 0;
    return consecutive && wanted ? inputIndex[start + from] : -1;
  }

  @Override
  public int[] consecutiveInputsOfAll(int from, int step) {
    long question = (long) from << 32 | (step & 0xFFFFFFFFL);
    long[] asked = questions[batch];
    int q = 0;
    while (asked != null && q < asked.length && answers[batch][q] != null) {
      if (asked[q] == question) {
        return answers[batch][q];
      }
      q++;
    }
    if (asked == null || q == asked.length) { // a run is asked a question or two: room for four
      questions[batch] = asked = asked == null ? new long[4] : Arrays.copyOf(asked, 2 * q);
      answers[batch] = answers[batch] == null ? new int[4][] : Arrays.copyOf(answers[batch], 2 * q);
    }
    asked[q] = question;
    answers[batch][q] = Nodes.super.consecutiveInputsOfAll(from, step);
    return answers[batch][q];
  }

  @Override
  public double[] data() {
    return data;
  }

  /** A run on the forward pass: node {@code k} is at {@code first + k}. */
  static final class Forward extends NodeRange {

    Forward(Tape tape, int batches) {
      super(true, tape, batches);
    }

    @Override
    int node(int k) {
      return first + k;
    }

    @Override
    public void setOutput(int k, double value) {
      data[first + k] = value;
    }

    @Override
    public double grad(int k) {
      throw new IllegalStateException("grad is for the backward pass");
    }

    @Override
    public void addInputGrad(int k, int i, double value) {
      throw new IllegalStateException("addInputGrad is for the backward pass");
    }

    @Override
    public double[] grads() {
      throw new IllegalStateException("grads is for the backward pass");
    }
  }

  /** A run on the backward pass: node {@code k} is at {@code first - k}. */
  static final class Backward extends NodeRange {

    Backward(Tape tape, int batches) {
      super(false, tape, batches);
    }

    @Override
    int node(int k) {
      return first - k;
    }

    @Override
    public void setOutput(int k, double value) {
      throw new IllegalStateException("setOutput is for the forward pass");
    }

    @Override
    public double grad(int k) {
      return grad[first - k];
    }

    @Override
    public void addInputGrad(int k, int i, double value) {
      int input = inputIndex[inputs(k) + i];
      if (wantsGrad[input]) { // a constant gets no gradient, as in the eager engine
        grad[input] += value;
      }
    }

    @Override
    public double[] grads() {
      return grad;
    }
  }
}
