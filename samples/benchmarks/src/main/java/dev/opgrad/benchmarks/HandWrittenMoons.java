package dev.opgrad.benchmarks;

import dev.opgrad.samples.MoonsData;
import java.util.Arrays;

/**
 * micrograd's moons training step written by hand over primitive arrays: the limit an engine can
 * approach. Parameters in micrograd's order (layer, neuron, weights then bias).
 */
final class HandWrittenMoons {

  private static final int HIDDEN = 16;
  private static final int LAYER2 = HIDDEN * 3; // first parameter of the second layer
  private static final int OUTPUT = LAYER2 + HIDDEN * (HIDDEN + 1); // first of the output neuron

  private final MoonsData data;
  private final double[] parameters;
  private final double[] grads;
  private final double[] h1 = new double[HIDDEN];
  private final double[] h2 = new double[HIDDEN];
  private final double[] dh1 = new double[HIDDEN];

  HandWrittenMoons(MoonsData data, double[] initial) {
    this.data = data;
    this.parameters = initial.clone();
    this.grads = new double[initial.length];
  }

  /** One full-batch step: loss and gradients, then descent; returns the loss. */
  double step(double learningRate) {
    double[] p = parameters;
    Arrays.fill(grads, 0);
    int n = data.size();
    double dataLoss = 0;
    for (int s = 0; s < n; s++) {
      double x0 = data.x(s, 0);
      double x1 = data.x(s, 1);
      for (int j = 0; j < HIDDEN; j++) {
        double a = p[j * 3 + 2] + p[j * 3] * x0 + p[j * 3 + 1] * x1;
        h1[j] = a > 0 ? a : 0;
      }
      for (int k = 0; k < HIDDEN; k++) {
        int base = LAYER2 + k * (HIDDEN + 1);
        double a = p[base + HIDDEN];
        for (int j = 0; j < HIDDEN; j++) {
          a += p[base + j] * h1[j];
        }
        h2[k] = a > 0 ? a : 0;
      }
      double score = p[OUTPUT + HIDDEN];
      for (int k = 0; k < HIDDEN; k++) {
        score += p[OUTPUT + k] * h2[k];
      }
      double y = data.y(s);
      double margin = 1 - y * score;
      if (margin <= 0) {
        continue;
      }
      dataLoss += margin;
      double dScore = -y / n;
      grads[OUTPUT + HIDDEN] += dScore;
      Arrays.fill(dh1, 0);
      for (int k = 0; k < HIDDEN; k++) {
        grads[OUTPUT + k] += dScore * h2[k];
        if (h2[k] > 0) {
          double d = dScore * p[OUTPUT + k];
          int base = LAYER2 + k * (HIDDEN + 1);
          grads[base + HIDDEN] += d;
          for (int j = 0; j < HIDDEN; j++) {
            grads[base + j] += d * h1[j];
            dh1[j] += d * p[base + j];
          }
        }
      }
      for (int j = 0; j < HIDDEN; j++) {
        if (h1[j] > 0) {
          grads[j * 3] += dh1[j] * x0;
          grads[j * 3 + 1] += dh1[j] * x1;
          grads[j * 3 + 2] += dh1[j];
        }
      }
    }
    double squares = 0;
    for (int i = 0; i < p.length; i++) {
      squares += p[i] * p[i];
      grads[i] += 2e-4 * p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] -= learningRate * grads[i];
    }
    return dataLoss / n + 1e-4 * squares;
  }
}
