package dev.opgrad.samples.cli;

import dev.opgrad.registry.OpRegistry;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * The {@code opgrad} command line: evaluates and differentiates expressions with any discovered op,
 * lists and checks the ops, and runs the demos. Exit codes: 0 success, 1 bad input, 2 usage.
 *
 * <p>Whatever goes wrong is printed as one line, {@code opgrad: MESSAGE}, followed only by the
 * caret lines of an error in an expression: nothing that user input or an op's code throws reaches
 * the user as a stack trace. Only an {@link OutOfMemoryError} is let through.
 */
@Command(
    name = "opgrad",
    mixinStandardHelpOptions = true,
    version = "opgrad 0.1.0",
    description = "A scalar autograd engine in which every operation is a plugin.",
    subcommands = {
      EvalCommand.class,
      CompareCommand.class,
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

  /** The exit code for a command line that does not make sense, as picocli's. */
  static final int USAGE = 2;

  private static final String PLUGINS_VARIABLE = "OPGRAD_PLUGINS";

  @Spec CommandSpec spec;

  private final PrintStream out;
  private final Map<String, String> environment;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description =
          "A folder of op jars to use on top of the class path (default: $OPGRAD_PLUGINS).")
  String plugins;

  private OpgradCli(PrintStream out, Map<String, String> environment) {
    this.out = out;
    this.environment = environment;
  }

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out, System.err, args));
  }

  /**
   * Runs the command line in {@code environment}, writing to {@code out} and {@code err}, and
   * returns its exit code.
   */
  static int run(
      Map<String, String> environment, PrintStream out, PrintStream err, String... args) {
    CommandLine commandLine = new CommandLine(new OpgradCli(out, environment));
    PrintWriter errors = new PrintWriter(err, true);
    commandLine.setOut(new PrintWriter(out, true)).setErr(errors);
    // An argument is what it says: picocli would read "@name" as a file of arguments, and a
    // folder named so fails with a stack trace.
    commandLine.setExpandAtFiles(false);
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> report(errors, usageMessage(exception), List.of(), USAGE));
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> reportFailure(errors, exception));
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable e) { // an Error from an op's code, which picocli lets through
      return reportFailure(errors, e);
    } finally {
      commandLine.getOut().flush();
      errors.flush();
    }
  }

  private static int reportFailure(PrintWriter err, Throwable failure) {
    if (failure instanceof BadInputException badInput) {
      return report(err, badInput.getMessage(), badInput.details(), BAD_INPUT);
    }
    if (failure instanceof UsageException usage) {
      return report(err, usage.getMessage(), List.of(), USAGE);
    }
    // Not foreseen, so from an op's code: its class and message say more than a stack trace.
    return report(err, failure.toString(), List.of(), BAD_INPUT);
  }

  private static int report(PrintWriter err, String message, List<String> details, int exitCode) {
    err.println("opgrad: " + Messages.oneLine(message));
    details.forEach(err::println);
    return exitCode;
  }

  /** Picocli's message, its suggestions, and where to read more, on one line. */
  private static String usageMessage(ParameterException exception) {
    StringBuilder message = new StringBuilder(String.valueOf(exception.getMessage()));
    if (exception instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      message
          .append("; did you mean ")
          .append(String.join(" or ", unmatched.getSuggestions()))
          .append('?');
    }
    return message
        .append("; see '")
        .append(exception.getCommandLine().getCommandSpec().qualifiedName())
        .append(" --help'")
        .toString();
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
   * The ops of the class path and of the plugin folder, if one was given; the registry's problems
   * are printed on the error stream as warnings, each once.
   */
  OpRegistry registry() {
    OpRegistry registry = loadRegistry();
    PrintWriter err = spec.commandLine().getErr();
    registry
        .problems()
        .forEach(problem -> err.println("opgrad: warning: " + Messages.oneLine(problem.message())));
    return registry;
  }

  /** The ops of the class path and of the plugin folder, if one was given. */
  OpRegistry loadRegistry() {
    Optional<Path> folder = pluginFolder();
    if (folder.isEmpty()) {
      return OpRegistry.load();
    }
    try {
      return OpRegistry.withPlugins(folder.get());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** The folder of {@code --plugins}, else of {@code $OPGRAD_PLUGINS}, if either is given. */
  private Optional<Path> pluginFolder() {
    if (plugins != null) {
      return Optional.of(folder(plugins, "--plugins"));
    }
    String fromEnvironment = environment.get(PLUGINS_VARIABLE);
    return fromEnvironment == null
        ? Optional.empty()
        : Optional.of(folder(fromEnvironment, PLUGINS_VARIABLE));
  }

  /**
   * The folder {@code path} names. An empty path would be the working directory, which is never
   * what is meant: it is a usage error, as is a path the file system cannot take.
   */
  private static Path folder(String path, String source) {
    if (path.isBlank()) {
      throw new UsageException(source + " names no folder: it is empty");
    }
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      throw new UsageException(source + " names no folder: " + e.getMessage());
    }
  }
}
