package dev.opgrad.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.registry.OpRegistry;
import dev.opgrad.samples.Demo;
import dev.opgrad.samples.cli.OpgradCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Runs the command line in-process on random and structured garbage: unbalanced parentheses,
 * unknown, misspelled and wrongly called ops, huge numbers, unicode and control characters, deep
 * nesting, long sums, random {@code NAME=VALUE} arguments, random options ({@code --hessian} among
 * them) and commands, and {@code compare} with good and bad ranges, point counts and variables.
 * Whatever the input, a run must end with exit code 0, 1 or 2; exit codes 1 and 2 must print
 * exactly one line {@code opgrad: …} on the error stream (an error in an expression adds the
 * expression and a caret under the column); and no output may hold a stack trace.
 *
 * <p>The seed is fixed, so every build runs the same 10,000 command lines; a failure is shrunk and
 * printed with its seed. Demos are never run by name and output files go to a scratch folder, so
 * that the fuzzer writes nothing elsewhere and each run takes a millisecond or so.
 */
class CommandLineFuzzTest {

  /** What a stack trace or an uncaught exception's report looks like, anywhere in the output. */
  private static final Pattern STACK_TRACE =
      Pattern.compile(
          "(?m)\tat |Exception in thread|^Caused by:"
              + "|^(?:java|javax|jdk|sun|picocli|dev\\.opgrad)\\.[\\w.$]*(?:Exception|Error)\\b");

  private static final Pattern CARET = Pattern.compile(" {2,}\\^");

  private static final List<String> OPS = List.copyOf(OpRegistry.load().names());

  private static final List<String> NOT_OPS =
      List.of("tanhh", "sinh", "Tanh", "exp_", "legendre4", "relu2", "log10", "σ", "linear_");

  private static final List<String> VARIABLES = List.of("x", "y", "w1", "_b", "é", "変数");

  private static final List<String> NUMBERS =
      List.of(
          "0", "1", "2.5", ".5", "3e2", "1e999", "1e-999", "1.7976931348623157e308", "1.8e308",
          "9".repeat(400), "1.2.3", ".", "1e", "0x10", "٣", "00.");

  private static final List<String> PUNCTUATION =
      List.of(
          "+", "-", "*", "/", "^", "(", ")", ",", " ", "\t", "\n", "\r", "\u0000", "\u0007",
          "\u2028", "@", "#", "=", "'", "\"", "\\", "\u00a0", "😀", "--");

  private static Path scratch;

  @BeforeContainer
  static void createScratchFolder() throws IOException {
    scratch = Files.createTempDirectory("opgrad-fuzz");
    Files.writeString(scratch.resolve("file.txt"), "not a folder");
  }

  @AfterContainer
  static void deleteScratchFolder() throws IOException {
    try (Stream<Path> files = Files.walk(scratch)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Property(tries = 10_000, seed = "20261203", edgeCases = EdgeCasesMode.NONE)
  void everyRunEndsWithAnExitCodeAtMostOneErrorAndNoStackTrace(
      @ForAll("commandLines") List<String> args) {
    Run run = OpgradCliTest.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).isBetween(0, 2);
    assertThat(run.out()).doesNotContainPattern(STACK_TRACE);
    assertThat(run.err()).doesNotContainPattern(STACK_TRACE);
    List<String> errors =
        run.err().lines().filter(line -> !line.startsWith("opgrad: warning: ")).toList();
    if (run.exitCode() == 0) {
      assertThat(errors).isEmpty();
    } else if (errors.size() == 3 && run.exitCode() == OpgradCli.BAD_INPUT) {
      assertThat(errors.get(0)).startsWith("opgrad: column ");
      assertThat(errors.get(1)).startsWith("  ");
      assertThat(errors.get(2)).matches(CARET);
    } else {
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0)).startsWith("opgrad: ");
    }
  }

  @Provide
  Arbitrary<List<String>> commandLines() {
    return Arbitraries.frequencyOf(
        Tuple.of(70, evalCommands()),
        Tuple.of(6, compareCommands()),
        Tuple.of(15, tokens().list().ofMaxSize(6)),
        Tuple.of(6, otherCommands()),
        Tuple.of(1, Arbitraries.of(List.of("ops", "--check"), List.of("ops", "--check", "x"))));
  }

  /** {@code [--plugins DIR] eval [OPTIONS] [--] EXPRESSION NAME=VALUE...}, in some order. */
  private Arbitrary<List<String>> evalCommands() {
    return Combinators.combine(
            optionWithPath("--plugins", pluginFolders()),
            Arbitraries.of(true, false),
            optionWithPath("--dot", outputFiles()),
            optionWithPath("--svg", badOutputFiles()),
            Arbitraries.of(List.<String>of(), List.of("--hessian")),
            Arbitraries.of(true, false),
            expressions(),
            assignments())
        .as(
            (plugins, pluginsFirst, dot, svg, hessian, dashes, expression, assignments) -> {
              List<String> args = new ArrayList<>();
              if (pluginsFirst) {
                args.addAll(plugins);
              }
              args.add("eval");
              if (!pluginsFirst) {
                args.addAll(plugins);
              }
              args.addAll(dot);
              args.addAll(svg);
              args.addAll(hessian);
              if (dashes) {
                args.add("--");
              }
              args.add(expression);
              args.addAll(assignments);
              return args;
            });
  }

  /**
   * {@code [--plugins DIR] compare [OPTIONS] [--] EXPR_A EXPR_B NAME=VALUE...}: short expressions,
   * good and bad ranges, point counts and variables. Ranges that hold 0 take about 2,500 log-spaced
   * points and the default 1001 evenly spaced ones, so both are rare; the PNG goes only where it
   * cannot be written.
   */
  private Arbitrary<List<String>> compareCommands() {
    Arbitrary<List<String>> variable =
        Arbitraries.of(
            List.of(),
            List.of("--var", "x"),
            List.of("--var=x"),
            List.of("--var", "y"),
            List.of("--var", "é"),
            List.of("--var", ""),
            List.of("--var", "tanh"),
            List.of("--var"));
    Arbitrary<List<String>> range =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(List.of())),
            Tuple.of(6, Arbitraries.of(List.of("--range", "1:2"), List.of("--range=0.5:3"))),
            Tuple.of(2, Arbitraries.of(List.of("--range", "-3:-0.5"), List.of("--range", "-1:1"))),
            Tuple.of(
                4,
                Arbitraries.of(
                    List.of("--range", "1:1"),
                    List.of("--range", "2:1"),
                    List.of("--range", "a:b"),
                    List.of("--range", ":"),
                    List.of("--range", "1:"),
                    List.of("--range", "1e999:2"),
                    List.of("--range", "NaN:1"),
                    List.of("--range", "-Infinity:0"),
                    List.of("--range"))));
    // The default, 1001 points, is rare: it makes a good command line take 0.1 s.
    Arbitrary<List<String>> points =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(List.of())),
            Tuple.of(6, Arbitraries.of(List.of("--points", "2"), List.of("--points=7"))),
            Tuple.of(
                3,
                Arbitraries.of(
                    List.of("--points", "1"),
                    List.of("--points", "-3"),
                    List.of("--points", "abc"),
                    List.of("--points", "2000000"),
                    List.of("--points", "99999999999"))));
    Arbitrary<String> expression =
        Arbitraries.frequencyOf(
            Tuple.of(
                4,
                Arbitraries.of(
                    "x",
                    "tanh(x)",
                    "exp(x) - 1",
                    "x*y",
                    "log(x)",
                    "1/(1 + exp(-x))",
                    "sigmoid(x)",
                    "(exp(2*x) - 1)/(exp(2*x) + 1)",
                    "legendre(x, 3)",
                    "relu(x) - relu(-x)")),
            Tuple.of(3, calls()),
            Tuple.of(3, tokenSoup()));
    return Combinators.combine(
            optionWithPath("--plugins", pluginFolders()),
            variable,
            range,
            points,
            optionWithPath("--png", badOutputFiles()),
            Arbitraries.of(true, false),
            Combinators.combine(expression, expression).as(List::of),
            assignments())
        .as(
            (plugins, var, bounds, count, png, dashes, expressions, assignments) -> {
              List<String> args = new ArrayList<>(plugins);
              args.add("compare");
              args.addAll(var);
              args.addAll(bounds);
              args.addAll(count);
              args.addAll(png);
              if (dashes) {
                args.add("--");
              }
              args.addAll(expressions);
              args.addAll(assignments);
              return args;
            });
  }

  /** Nothing, or {@code option} and a path. */
  private static Arbitrary<List<String>> optionWithPath(String option, Arbitrary<String> paths) {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(List.of())), Tuple.of(1, paths.map(p -> List.of(option, p))));
  }

  private Arbitrary<String> pluginFolders() {
    return Arbitraries.of(
        "", " ", "/nonexistent-opgrad-folder", scratch.toString(), scratch + "/file.txt");
  }

  private Arbitrary<String> outputFiles() {
    return Arbitraries.oneOf(Arbitraries.just(scratch + "/graph.dot"), badOutputFiles());
  }

  /** Paths that cannot be written, so that Graphviz is never started. */
  private Arbitrary<String> badOutputFiles() {
    return Arbitraries.of(
        "", "/", scratch.toString(), scratch + "/missing/g.svg", scratch + "/file.txt/g.svg");
  }

  private Arbitrary<String> expressions() {
    return Arbitraries.frequencyOf(
        Tuple.of(30, tokenSoup()),
        Tuple.of(20, calls()),
        Tuple.of(10, deepNesting()),
        Tuple.of(10, longSums()),
        Tuple.of(5, Arbitraries.strings().all().ofMaxLength(20)),
        Tuple.of(5, Arbitraries.strings().withChars("xy0123456789.+-*/^(), e").ofMaxLength(30)));
  }

  /** Names, numbers and punctuation in any order. */
  private static Arbitrary<String> tokenSoup() {
    return Arbitraries.oneOf(
            Arbitraries.of(OPS),
            Arbitraries.of(NOT_OPS),
            Arbitraries.of(VARIABLES),
            Arbitraries.of(NUMBERS),
            Arbitraries.of(PUNCTUATION),
            Arbitraries.of(PUNCTUATION))
        .list()
        .ofMaxSize(30)
        .map(tokens -> String.join("", tokens));
  }

  /** An op or a misspelled one, called with any number of simple arguments. */
  private static Arbitrary<String> calls() {
    Arbitrary<String> argument =
        Arbitraries.oneOf(
            Arbitraries.of(VARIABLES), Arbitraries.of(NUMBERS), Arbitraries.of("x^2", "-y", ""));
    return Combinators.combine(
            Arbitraries.oneOf(Arbitraries.of(OPS), Arbitraries.of(NOT_OPS)),
            argument.list().ofMaxSize(5),
            Arbitraries.of("", ")", "))", " + x", "^", "^x", "^(1/2)"))
        .as((op, arguments, tail) -> op + "(" + String.join(", ", arguments) + ")" + tail);
  }

  /** Parentheses, calls or unary minuses nested up to 1,000 deep, closed or not. */
  private static Arbitrary<String> deepNesting() {
    return Combinators.combine(
            Arbitraries.of("(", "neg(", "exp(", "tanh(", "-", "pow(", "legendre(", "x^("),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(-2, 2),
            Arbitraries.of("x", "1", "x+y", "", ","))
        .as(
            (opener, depth, imbalance, inner) ->
                opener.repeat(depth)
                    + inner
                    + (opener.equals("-") ? "" : ")").repeat(Math.max(0, depth + imbalance)));
  }

  /** Sums, differences and products of up to 1,000 terms. */
  private static Arbitrary<String> longSums() {
    return Combinators.combine(
            Arbitraries.of("x", "1", "x^2", "tanh(y)", "1e308"),
            Arbitraries.of("+", "-", "*", " + "),
            Arbitraries.integers().between(1, 1000),
            Arbitraries.of("", "+", ")", "x"))
        .as((term, operator, count, tail) -> (term + operator).repeat(count - 1) + term + tail);
  }

  private static Arbitrary<List<String>> assignments() {
    Arbitrary<String> assignment =
        Arbitraries.oneOf(
            Arbitraries.of(
                "x=1", "y=-2", "x=2", "w1=0.5", "_b=3", "é=1", "x=1e999", "x=NaN", "y=Infinity",
                "x", "=1", "x=", "z=abc", "x = 1", "変数=7"),
            Combinators.combine(
                    Arbitraries.strings().all().ofMaxLength(5),
                    Arbitraries.strings().all().ofMaxLength(5))
                .as((name, value) -> name + "=" + value));
    return assignment.list().ofMaxSize(5);
  }

  /** ops, demo, help, version, each maybe with garbage after it. */
  private static Arbitrary<List<String>> otherCommands() {
    return Combinators.combine(
            Arbitraries.<List<String>>of(
                List.of("ops"),
                List.of("demo"),
                List.of("demo", "--out", "/nonexistent-opgrad-folder"),
                List.of("help"),
                List.of("--help"),
                List.of("-h"),
                List.of("--version"),
                List.of("-V"),
                List.of("help", "eval"),
                List.of()),
            tokens().list().ofMaxSize(2))
        .as(
            (command, garbage) -> {
              List<String> args = new ArrayList<>(command);
              args.addAll(garbage);
              return args;
            });
  }

  /**
   * One argument: a command, an option without its value, or garbage. Never an option that writes
   * a file, nor a demo's name, which would run the demo: those come only where their values are
   * chosen.
   */
  private static Arbitrary<String> tokens() {
    return Arbitraries.oneOf(
            Arbitraries.of(
                "eval", "ops", "demo", "help", "--plugins", "--check", "--", "-", "-x", "--help",
                "-h", "@", "@/", "@@x", "x=1", "--plugins=", "--chek", "evl", "--hessian", "compare",
                "--var", "--range", "--points"),
            Arbitraries.strings().all().ofMaxLength(8),
            tokenSoup())
        .filter(CommandLineFuzzTest::isHarmless);
  }

  private static boolean isHarmless(String token) {
    return !token.startsWith("--dot")
        && !token.startsWith("--svg")
        && !token.startsWith("--png")
        && !token.startsWith("--out")
        && Demo.named(token).isEmpty();
  }
}
