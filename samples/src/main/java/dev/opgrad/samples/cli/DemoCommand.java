package dev.opgrad.samples.cli;

import dev.opgrad.samples.Demo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code opgrad demo [NAME]}: runs a sample, or lists them. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the sample NAME (the tour runs them all); without NAME, lists them.")
final class DemoCommand implements Callable<Integer> {

  @ParentCommand OpgradCli parent;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The sample to run.")
  String name;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "opgrad-pictures",
      description = "Where samples write their pictures (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter listing = spec.commandLine().getOut();
    if (name == null) {
      listing.println("Samples, run with: opgrad demo NAME");
      Demo.all().forEach(demo -> listing.printf("  %-11s %s%n", demo.name(), demo.description()));
      return 0;
    }
    Demo demo =
        Demo.named(name)
            .orElseThrow(
                () ->
                    new BadInputException(
                        "no sample named '"
                            + name
                            + "'; samples: "
                            + String.join(", ", Demo.all().stream().map(Demo::name).toList())));
    Path folder = OutputPaths.createFolder(out);
    try {
      demo.runner().run(parent.out(), folder);
    } catch (IOException e) {
      throw OutputPaths.cannotWrite(
          e instanceof FileSystemException failure && failure.getFile() != null
              ? Path.of(failure.getFile())
              : folder,
          e);
    }
    return 0;
  }
}
