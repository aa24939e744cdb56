package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.viz.Graphviz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LectureNeuronTest {

  @TempDir Path dir;

  @Test
  void printsTheLecturesNumbersAndWritesTheGraph() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LectureNeuron.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);

    String printed = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    assertThat(printed)
        .startsWith(
            """
            The lecture's neuron, o = tanh(x1*w1 + x2*w2 + b)
              o = 0.7071067811865477
              x1.grad = -1.5000
              w1.grad = 1.0000
              x2.grad = 0.5000
              w2.grad = 0.0000
              b.grad = 0.5000
              graph: %s
            """
                .formatted(dir.resolve("neuron.dot")));
    String dot = Files.readString(dir.resolve("neuron.dot"));
    assertThat(dot)
        .startsWith("digraph opgrad {\n  rankdir=LR;\n")
        .contains("label=\"{ x1 | data 2.0000 | grad -1.5000 }\"")
        .contains("label=\"{ n | data 0.8814 | grad 0.5000 }\"")
        .contains("label=\"{ o | data 0.7071 | grad 1.0000 }\"")
        .contains("[label=\"tanh\"]");
    if (Graphviz.isInstalled()) {
      assertThat(printed).contains("graph: " + dir.resolve("neuron.svg"));
      assertThat(Files.readString(dir.resolve("neuron.svg"))).contains("<svg");
    } else {
      assertThat(printed).contains("no SVG: Graphviz's 'dot' executable could not be started");
      assertThat(dir.resolve("neuron.svg")).doesNotExist();
    }
  }
}
