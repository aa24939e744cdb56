/**
 * Finding ops: {@link dev.opgrad.registry.OpRegistry} holds every {@link dev.opgrad.spi.Op} that
 * {@link java.util.ServiceLoader} finds on the class path, the module path or in a plugin folder,
 * by name; a provider that cannot be used is left out and described by a {@link
 * dev.opgrad.registry.ProviderProblem}, and never stops the others. {@link dev.opgrad.Value}'s
 * methods use the {@linkplain dev.opgrad.registry.OpRegistry#defaultRegistry() default registry}.
 */
package dev.opgrad.registry;
