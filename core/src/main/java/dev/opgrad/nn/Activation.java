package dev.opgrad.nn;

import dev.opgrad.Value;

/** The nonlinearity a {@link Neuron} applies to its weighted sum. */
public enum Activation {
  /** {@code max(0, x)}, micrograd's default. */
  RELU {
    @Override
    public Value apply(Value x) {
      return x.relu();
    }
  },
  /** {@code tanh(x)}, as in micrograd's lecture. */
  TANH {
    @Override
    public Value apply(Value x) {
      return x.tanh();
    }
  },
  /** The identity: the neuron outputs its weighted sum, as an MLP's last layer does. */
  LINEAR {
    @Override
    public Value apply(Value x) {
      return x;
    }
  };

  /** Returns this nonlinearity applied to {@code x}. */
  public abstract Value apply(Value x);
}
