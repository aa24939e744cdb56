/**
 * More ops, each reached by name only ({@code x.apply("sigmoid")}): {@code legendre3}, {@code
 * legendre}, {@code legendre_derivative}, {@code sigmoid}, {@code softplus}, {@code sin} and {@code
 * cos}, provided to {@code dev.opgrad.core} as {@link dev.opgrad.spi.Op} services.
 *
 * <p>This module exports nothing: none of its classes is API, only the ops' names and what they
 * compute, which are documented in the README. Each op is also listed in {@code META-INF/services},
 * so the jar works unchanged on the class path.
 */
@SuppressWarnings("requires-automatic") // com.google.auto.service, below
module dev.opgrad.ops.extra {
  requires dev.opgrad.core;
  // AutoService's annotation (an automatic module) is needed to compile only, never at run time.
  requires static com.google.auto.service;

  provides dev.opgrad.spi.Op with
      dev.opgrad.ops.extra.Legendre3,
      dev.opgrad.ops.extra.Legendre,
      dev.opgrad.ops.extra.LegendreDerivative,
      dev.opgrad.ops.extra.Sigmoid,
      dev.opgrad.ops.extra.Softplus,
      dev.opgrad.ops.extra.Sin,
      dev.opgrad.ops.extra.Cos;
}
