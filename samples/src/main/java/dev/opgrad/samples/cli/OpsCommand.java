package dev.opgrad.samples.cli;

import dev.opgrad.check.GradCheck;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.samples.OpCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code opgrad ops [--check]}: every discovered op, where it comes from, and its gradcheck. */
@Command(
    name = "ops",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the discovered ops: name, arity, constants, provider class and jar, then any",
      "provider or plugin jar that was left out. Exits with 1 if one was, or if a check fails."
    })
final class OpsCommand implements Callable<Integer> {

  @ParentCommand OpgradCli parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--check",
      description = "Also compare every op's local gradient with central differences (GradCheck).")
  boolean check;

  @Override
  public Integer call() {
    OpRegistry registry = parent.loadRegistry();
    OpCatalog catalog = check ? OpCatalog.checked(registry) : OpCatalog.unchecked(registry);
    catalog.print(spec.commandLine().getOut());
    return catalog.allGood() ? 0 : OpgradCli.BAD_INPUT;
  }
}
