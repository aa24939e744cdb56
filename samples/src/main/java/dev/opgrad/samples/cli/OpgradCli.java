package dev.opgrad.samples.cli;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.registry.ProviderProblem;
import java.io.PrintStream;
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
    subcommands = {
      EvalCommand.class,
      OpsCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 bad input (parse error, unknown op, bad value), 2 usage.",
      "Environment: OPGRAD_PLUGINS, a folder of op jars, as --plugins."
    })
public final class OpgradCli implements Runnable {

  /** The exit code for input the command cannot use. */
  static final int BAD_INPUT = 1;

  @Spec CommandSpec spec;

  private final PrintStream out;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:OPGRAD_PLUGINS}",
      description =
          "A folder of op jars to use on top of the class path (default: $OPGRAD_PLUGINS).")
  Path plugins;

  private OpgradCli(PrintStream out) {
    this.out = out;
  }

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the command line, writing to {@code out} and {@code err}, and returns its exit code. */
  static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine commandLine = new CommandLine(new OpgradCli(out));
    commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> {
          if (!(exception instanceof BadInputException)) {
            throw exception;
          }
          command.getErr().println("opgrad: " + exception.getMessage());
          return BAD_INPUT;
        });
    int exitCode = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    return exitCode;
  }

  /** The standard output as a stream, for the samples, which print to one. */
  PrintStream out() {
    spec.commandLine().getOut().flush();
    return out;
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
