package dev.opgrad.samples;

import dev.opgrad.Value;
import dev.opgrad.samples.internal.OutputDir;
import dev.opgrad.viz.Dot;
import dev.opgrad.viz.Graphviz;
import dev.opgrad.viz.GraphvizNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The neuron of micrograd's lecture, {@code o = tanh(x1·w1 + x2·w2 + b)}, its gradients, and its
 * graph drawn as micrograd's {@code draw_dot} draws it: {@code neuron.dot}, and {@code neuron.svg}
 * where Graphviz is installed.
 */
public final class LectureNeuron {

  private LectureNeuron() {}

  /** Runs the sample; {@code --out DIR} chooses where the graph goes (default target/tour). */
  public static void main(String[] args) throws IOException {
    run(System.out, OutputDir.fromArgs(args));
  }

  /**
   * Builds the neuron, backpropagates, prints its value and gradients to {@code out} and writes its
   * graph to {@code outputDir}.
   *
   * @return the output {@code o}
   */
  public static Value run(PrintStream out, Path outputDir) throws IOException {
    Value x1 = Value.of(2.0, "x1");
    Value x2 = Value.of(0.0, "x2");
    Value w1 = Value.of(-3.0, "w1");
    Value w2 = Value.of(1.0, "w2");
    Value b = Value.of(6.8813735870195432, "b");
    Value x1w1 = x1.mul(w1).setLabel("x1*w1");
    Value x2w2 = x2.mul(w2).setLabel("x2*w2");
    Value sum = x1w1.add(x2w2).setLabel("x1*w1 + x2*w2");
    Value n = sum.add(b).setLabel("n");
    Value o = n.tanh().setLabel("o");
    o.backward();

    out.printf("The lecture's neuron, o = tanh(x1*w1 + x2*w2 + b)%n");
    out.printf("  o = %.16f%n", o.data());
    for (Value leaf : new Value[] {x1, w1, x2, w2, b}) {
      out.printf("  %s.grad = %.4f%n", leaf.label(), leaf.grad());
    }
    Path dot = outputDir.resolve("neuron.dot");
    Files.writeString(dot, Dot.toDot(o));
    out.printf("  graph: %s%n", dot);
    Path svg = outputDir.resolve("neuron.svg");
    try {
      Graphviz.render(Dot.toDot(o), svg);
      out.printf("  graph: %s%n", svg);
    } catch (GraphvizNotFoundException e) {
      out.printf("  no SVG: %s%n", e.getMessage());
    }
    return o;
  }
}
