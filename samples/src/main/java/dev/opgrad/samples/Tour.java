package dev.opgrad.samples;

import dev.opgrad.samples.internal.OutputDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Runs every sample in order, micrograd's story from an expression to a trained network: the README
 * expression, the lecture's neuron and its graph, tanh atomic vs composite, the four examples, the
 * moons demo, the Legendre fit, three formulas people get wrong, then second derivatives: Newton
 * on Rosenbrock, a Newton curve fit. Pictures go to {@code --out DIR} (default target/tour).
 */
public final class Tour {

  private Tour() {}

  /** Runs the tour; {@code --out DIR} chooses where the pictures go. */
  public static void main(String[] args) throws IOException {
    run(System.out, OutputDir.fromArgs(args));
  }

  /** Runs every sample, printing to {@code out} and writing pictures to {@code outputDir}. */
  public static void run(PrintStream out, Path outputDir) throws IOException {
    long start = System.nanoTime();
    int number = 0;
    for (Demo demo : Demo.tour()) {
      out.printf("%n== %d. %s ==%n", ++number, demo.description());
      demo.runner().run(out, outputDir);
    }
    out.printf(
        "%nTour done in %.1f s. Pictures are in %s%n",
        (System.nanoTime() - start) / 1e9, outputDir.toAbsolutePath().normalize());
  }
}
