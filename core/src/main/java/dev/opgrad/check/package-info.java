/**
 * Checking an op's gradients, as PyTorch's {@code gradcheck} does: {@link
 * dev.opgrad.check.GradCheck} compares an {@link dev.opgrad.spi.Op}'s local gradient with central
 * finite differences at the op's points, and a {@link dev.opgrad.spi.BatchOp}'s batch methods with
 * its per-node ones, bit for bit; {@link dev.opgrad.check.GradCheckResult} says where and by how
 * much they differ. An op's own tests call it.
 */
package dev.opgrad.check;
