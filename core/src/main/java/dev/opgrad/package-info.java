/**
 * opgrad's engine: a scalar reverse-mode autograd, micrograd's {@code engine.py} in Java. Most
 * users need two types from here:
 *
 * <ul>
 *   <li>{@link dev.opgrad.Value}: a scalar node of an expression graph; arithmetic builds the graph
 *       as you compute, and {@link dev.opgrad.Value#backward()} fills in every gradient;
 *   <li>{@link dev.opgrad.Anomalies}: PyTorch's {@code detect_anomaly}, a scope in which a NaN or
 *       infinite value or gradient throws an {@link dev.opgrad.AnomalyException} naming the op.
 * </ul>
 *
 * <p>Two more drive the same engine for speed, and are <b>experimental</b> (they may change in a
 * minor release): {@link dev.opgrad.CompiledGraph} captures a graph once and replays it without
 * rebuilding it, and {@link dev.opgrad.BatchGradients} computes a batch's gradient one sample graph
 * at a time on several threads. Every driver applies the same per-node rules, so the three give the
 * same numbers, bit for bit, and fail the same way.
 *
 * <p>The ops themselves are plugins: {@link dev.opgrad.spi} is what an op implements, {@link
 * dev.opgrad.registry} finds them, {@link dev.opgrad.check} checks their gradients. {@link
 * dev.opgrad.nn} builds neural networks on {@code Value}, and {@link dev.opgrad.viz} draws graphs.
 */
package dev.opgrad;
