/**
 * What an op implements: {@link dev.opgrad.spi.Op}, the service that every opgrad op provides, in
 * the spirit of PyTorch's {@code torch.autograd.Function} ({@code forward} and its local
 * gradient), found with {@link java.util.ServiceLoader}; {@link dev.opgrad.spi.Point}, where its
 * gradient is checked. {@link dev.opgrad.spi.BatchOp} and {@link dev.opgrad.spi.Nodes}, an op's
 * optional fast path for {@link dev.opgrad.CompiledGraph}, are <b>experimental</b>: they may change
 * in a minor release. {@code Op} and {@code Point} are stable.
 */
package dev.opgrad.spi;
