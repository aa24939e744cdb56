package dev.opgrad.testing;

import dev.opgrad.spi.Nodes;

/**
 * {@link Nodes} over plain arrays, for checking a {@link dev.opgrad.spi.BatchOp} without a graph,
 * as {@link dev.opgrad.check.GradCheck} and tests do. Node {@code k}'s input {@code i} is the slot {@code
 * slots[k][i]}: its data is {@code slotData[slot]} and {@link #addInputGrad} adds into {@code
 * slotGrads[slot]}, so that nodes may share inputs, as nodes of one run of a graph do. Slots are
 * the places of {@link #consecutiveInputs}, found from {@code slots} at each call. The misuse of a
 * method outside its pass throws {@link IllegalStateException}, as the {@link Nodes} contract says.
 */
public final class ArrayNodes implements Nodes {

  private final boolean backward;
  private final double[] slotData;
  private final int[][] slots;
  private final double[][] constants;
  private final double[] outputs;
  private final double[] grads;
  private final double[] slotGrads;

  /**
   * The backward view: node {@code k} has the output {@code outputs[k]} and the gradient {@code
   * grads[k]}; {@link #addInputGrad} adds into {@code slotGrads}. Without {@code grads} and {@code
   * slotGrads} (null), the forward view, whose {@link #setOutput} writes into {@code outputs}.
   */
  public ArrayNodes(
      double[] slotData,
      int[][] slots,
      double[][] constants,
      double[] outputs,
      double[] grads,
      double[] slotGrads) {
    this.backward = grads != null;
    this.slotData = slotData;
    this.slots = slots;
    this.constants = constants;
    this.outputs = outputs;
    this.grads = grads;
    this.slotGrads = slotGrads;
  }

  /** The forward view: {@link #setOutput} writes into {@code outputs}. */
  public static ArrayNodes forward(
      double[] slotData, int[][] slots, double[][] constants, double[] outputs) {
    return new ArrayNodes(slotData, slots, constants, outputs, null, null);
  }

  @Override
  public int size() {
    return slots.length;
  }

  @Override
  public int inputCount(int k) {
    return slots[k].length;
  }

  @Override
  public double input(int k, int i) {
    return slotData[slots[k][i]];
  }

  @Override
  public double constant(int k, int c) {
    return constants[k][c];
  }

  @Override
  public double output(int k) {
    return outputs[k];
  }

  @Override
  public void setOutput(int k, double value) {
    if (backward) {
      throw new IllegalStateException("setOutput is for the forward pass");
    }
    outputs[k] = value;
  }

  @Override
  public double grad(int k) {
    if (!backward) {
      throw new IllegalStateException("grad is for the backward pass");
    }
    return grads[k];
  }

  @Override
  public void addInputGrad(int k, int i, double value) {
    if (!backward) {
      throw new IllegalStateException("addInputGrad is for the backward pass");
    }
    slotGrads[slots[k][i]] += value;
  }

  @Override
  public int consecutiveInputs(int k, int from, int step) {
    int[] places = slots[k];
    if (step < 1 || from < 0 || from >= places.length) {
      return -1;
    }
    for (int i = from + step; i < places.length; i += step) {
      if (places[i] != places[i - step] + 1) {
        return -1;
      }
    }
    return places[from];
  }

  @Override
  public double[] data() {
    return slotData;
  }

  @Override
  public double[] grads() {
    if (!backward) {
      throw new IllegalStateException("grads is for the backward pass");
    }
    return slotGrads;
  }
}
