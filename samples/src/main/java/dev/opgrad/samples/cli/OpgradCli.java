package dev.opgrad.samples.cli;

import dev.opgrad.OpRegistry;
import dev.opgrad.ProviderProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code opgrad} command line: evaluates and differentiates expressions with any discovered op,
 * lists and checks the ops, and runs the demos. Exit codes: 0 success, 1 bad input, 2 usage.
 */
@Command(
    name = "opgrad",
    mixinStandardHelpOptions = true,
    version = "opgrad 0.1.0",
    description = "A scalar autograd engine in which every operation is a plugin.",
    subcommands = {EvalCommand.class, OpsCommand.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Exit codes: 0 success, 1 bad input (parse error, unknown op, bad value), 2 usage.",
      "Environment: OPGRAD_PLUGINS, a folder of op jars, as --plugins."
    })
public final class OpgradCli implements Runnable {

  /** The exit code for input the command cannot use. */
  static final int BAD_INPUT = 1;

  @Spec CommandSpec spec;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:OPGRAD_PLUGINS}",
      description = "A folder of op jars to use on top of the class path (default: $OPGRAD_PLUGINS).")
  Path plugins;

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line, writing to {@code out} and {@code err}, and returns its exit code. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new OpgradCli());
    commandLine.setOut(out).setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> {
          if (!(exception instanceof BadInputException)) {
            throw exception;
          }
          command.getErr().println("opgrad: " + exception.getMessage());
          return BAD_INPUT;
        });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The ops of the class path and of the plugin folder, if one was given; problems with the
   * folder's jars are reported on the error stream.
   */
  OpRegistry registry() {
    OpRegistry registry = loadRegistry();
    PrintWriter err = spec.commandLine().getErr();
    registry.problems().stream()
        .map(ProviderProblem::message)
        .distinct()
        .forEach(message -> err.println("opgrad: warning: " + message));
    return registry;
  }

  /** The ops of the class path and of the plugin folder, if one was given. */
  OpRegistry loadRegistry() {
    if (plugins == null) {
      return OpRegistry.load();
    }
    try {
      return OpRegistry.withPlugins(plugins);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
