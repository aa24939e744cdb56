/**
 * Neural networks on {@link dev.opgrad.Value}s, as in micrograd's {@code nn.py}: {@link
 * dev.opgrad.nn.Neuron}, {@link dev.opgrad.nn.Layer} and {@link dev.opgrad.nn.MLP} (each a {@link
 * dev.opgrad.nn.Module}, whose parameters {@link dev.opgrad.nn.Module#saveParameters save} to a text
 * file), their {@link dev.opgrad.nn.Activation activations}, any op of one input, the {@link
 * dev.opgrad.nn.Losses losses} micrograd's demos train with, and the {@link dev.opgrad.nn.Sgd} and
 * {@link dev.opgrad.nn.Adam} optimizers.
 *
 * <p>Everything here builds graphs through {@code Value}'s methods, so it needs the ops of {@code
 * opgrad-ops-builtin} on the class path at run time, like {@code Value} itself. Under {@link
 * dev.opgrad.NoGrad}, the forward passes of {@code Neuron}, {@code Layer} and {@code MLP} apply the
 * same ops to numbers instead, without the graph that no-grad would drop: the same numbers, bit for
 * bit, returned as constants, and the same failures.
 */
package dev.opgrad.nn;
