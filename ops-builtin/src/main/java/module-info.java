/**
 * The ops behind {@code Value}'s methods ({@code add}, {@code sub}, {@code mul}, {@code div},
 * {@code neg}, {@code pow}, {@code exp}, {@code log}, {@code sqrt}, {@code abs}, {@code tanh},
 * {@code relu}, {@code linear}, {@code sum}, {@code mean}), and {@code step} and {@code sign}, the
 * derivatives of relu and abs, provided to {@code dev.opgrad.core} as {@link dev.opgrad.spi.Op}
 * services.
 *
 * <p>This module exports nothing: its ops are reached by name, through {@code Value} and the op
 * registry, never by class, so none of its classes is API; the ops' names and what they compute
 * are, as {@code Value}'s methods are. Each op is also listed in {@code META-INF/services}, so the
 * jar works unchanged on the class path.
 */
@SuppressWarnings("requires-automatic") // com.google.auto.service, below
module dev.opgrad.ops.builtin {
  requires dev.opgrad.core;
  // AutoService's annotation (an automatic module) is needed to compile only, never at run time.
  requires static com.google.auto.service;

  provides dev.opgrad.spi.Op with
      dev.opgrad.ops.builtin.Add,
      dev.opgrad.ops.builtin.Sub,
      dev.opgrad.ops.builtin.Mul,
      dev.opgrad.ops.builtin.Div,
      dev.opgrad.ops.builtin.Neg,
      dev.opgrad.ops.builtin.Pow,
      dev.opgrad.ops.builtin.Exp,
      dev.opgrad.ops.builtin.Tanh,
      dev.opgrad.ops.builtin.Relu,
      dev.opgrad.ops.builtin.Linear,
      dev.opgrad.ops.builtin.Log,
      dev.opgrad.ops.builtin.Sum,
      dev.opgrad.ops.builtin.Mean,
      dev.opgrad.ops.builtin.Step,
      dev.opgrad.ops.builtin.Sqrt,
      dev.opgrad.ops.builtin.Abs,
      dev.opgrad.ops.builtin.Sign;
}
