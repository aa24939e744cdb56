package dev.opgrad.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A runnable sample, by name: what {@link Tour} runs in order and {@code opgrad demo NAME} runs
 * alone.
 *
 * @param name the name to run it by, such as {@code moons}
 * @param description one line saying what it shows
 * @param runner what it does, printing to a stream and writing pictures to a folder
 */
public record Demo(String name, String description, Runner runner) {

  /** A sample's body. */
  @FunctionalInterface
  public interface Runner {
    /** Runs the sample, printing to {@code out} and writing any picture into {@code outputDir}. */
    void run(PrintStream out, Path outputDir) throws IOException;
  }

  private static final List<Demo> SAMPLES =
      List.of(
          new Demo(
              "expression",
              "micrograd's README expression and its gradients",
              (out, dir) -> ReadmeExpression.run(out)),
          new Demo(
              "neuron",
              "the lecture's neuron, its gradients and its graph (DOT, SVG)",
              LectureNeuron::run),
          new Demo(
              "tanh",
              "tanh as one op and composed: equal at the neuron, apart over a range (PNG)",
              TanhComparison::run),
          new Demo(
              "four",
              "an MLP(3, [4, 4, 1]) trained on the lecture's four examples",
              (out, dir) -> FourExamples.run(out)),
          new Demo(
              "moons", "micrograd's moons demo: MLP(2, [16, 16, 1]), 100 steps, a PNG", Moons::run),
          new Demo(
              "legendre",
              "PyTorch's Legendre fit of sin(x) with the plugin op legendre3",
              (out, dir) -> LegendreFit.run(out)),
          new Demo(
              "pitfalls",
              "sigmoid, softplus, log-sum-exp: textbook against stable formulas (PNG)",
              (out, dir) -> NumericPitfalls.run(out, dir)),
          new Demo(
              "rosenbrock",
              "Newton's method (Gradients.hessian) vs gradient descent on Rosenbrock",
              (out, dir) -> Rosenbrock.run(out)),
          new Demo(
              "curvefit",
              "an exponential fitted by Newton's method with Hessian-vector products",
              (out, dir) -> CurveFit.run(out)));

  private static final List<Demo> ALL =
      List.of(
          new Demo("tour", "every sample below in turn, micrograd's story end to end", Tour::run),
          SAMPLES.get(0),
          SAMPLES.get(1),
          SAMPLES.get(2),
          SAMPLES.get(3),
          SAMPLES.get(4),
          new Demo(
              "compiled",
              "moons trained eagerly and by compiled replay: the same losses",
              (out, dir) -> CompiledMoons.run(out)),
          SAMPLES.get(5),
          SAMPLES.get(6),
          SAMPLES.get(7),
          SAMPLES.get(8));

  /** Every demo, the tour first. */
  public static List<Demo> all() {
    return ALL;
  }

  /** The demos the tour runs, in order. */
  static List<Demo> tour() {
    return SAMPLES;
  }

  /** The demo called {@code name}, if there is one. */
  public static Optional<Demo> named(String name) {
    return ALL.stream().filter(demo -> demo.name().equals(name)).findFirst();
  }
}
