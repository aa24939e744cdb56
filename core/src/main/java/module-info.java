/**
 * opgrad's engine: {@link dev.opgrad.Value} and its backward pass, the {@link dev.opgrad.spi.Op}
 * service that every op provides, and everything built on them. It contains no op: put {@code
 * dev.opgrad.ops.builtin} (the ops behind {@code Value}'s methods), {@code dev.opgrad.ops.extra}
 * and any plugin module on the module path, and service binding resolves them, since this module
 * {@code uses dev.opgrad.spi.Op}. Plain plugin jars with only a {@code META-INF/services} entry
 * work too, as automatic modules.
 *
 * <p>Every exported package is API, and all of this module's packages are exported: its helpers are
 * package-private. They are {@code dev.opgrad} (values, compiled replay, batch gradients, anomaly
 * detection), {@code dev.opgrad.spi} (the op service interfaces), {@code dev.opgrad.registry}
 * (discovery), {@code dev.opgrad.check} (gradient checking), {@code dev.opgrad.nn} (neural nets)
 * and {@code dev.opgrad.viz} (graph drawing). Until version 1.0 this API may still change. Guava
 * is used inside only and appears in no exported signature, so it is not required transitively.
 */
module dev.opgrad.core {
  requires com.google.common;

  exports dev.opgrad;
  exports dev.opgrad.spi;
  exports dev.opgrad.registry;
  exports dev.opgrad.check;
  exports dev.opgrad.nn;
  exports dev.opgrad.viz;

  uses dev.opgrad.spi.Op;
}
