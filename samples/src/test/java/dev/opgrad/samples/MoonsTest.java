package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opgrad.nn.MLP;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoonsTest {

  @TempDir Path dir;

  /** Rows of a CSV test resource with a header line, the index column dropped. */
  private static List<double[]> csv(String name) throws IOException {
    try (InputStream in = MoonsTest.class.getResourceAsStream(name)) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine();
      List<double[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.split(",");
        double[] row = new double[fields.length - 1];
        for (int i = 1; i < fields.length; i++) {
          row[i - 1] = Double.parseDouble(fields[i]);
        }
        rows.add(row);
      }
      return rows;
    }
  }

  @Test
  void reproducesMicrogradsLossTrajectoryFromItsInitialParameters() throws IOException {
    List<double[]> reference = csv("moons-trajectory.csv");
    MLP model = Moons.newModel(MoonsData.initialParameters());
    double[] losses = new double[Moons.STEPS];
    double[] accuracies = new double[Moons.STEPS];

    Moons.train(
        model,
        (loss, step) -> {
          losses[step] = loss.total().data();
          accuracies[step] = loss.accuracy();
        });

    assertThat(reference).hasSize(Moons.STEPS);
    double worst = 0;
    for (int step = 0; step < Moons.STEPS; step++) {
      worst = Math.max(worst, Math.abs(losses[step] - reference.get(step)[0]));
      assertThat(accuracies[step])
          .as("accuracy at step %d", step)
          .isEqualTo(reference.get(step)[1]);
    }
    assertThat(worst).as("largest deviation from micrograd's loss").isLessThanOrEqualTo(1e-9);
    assertThat(losses[0]).isEqualTo(0.8958441028683222);
    assertThat(losses[99]).isCloseTo(0.010978370135492717, within(1e-9));
  }

  @Test
  void theDemoReachesFullAccuracyAndDrawsItsBoundary() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    var last = Moons.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);

    assertThat(last.accuracy()).isEqualTo(1.0);
    assertThat(last.total().data()).isLessThan(0.02);
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("[##############################] 100/100")
        .contains("step 99: loss " + String.format(Locale.ROOT, "%.4f", last.total().data()))
        .contains("accuracy 100%")
        .contains("decision boundary: " + dir.resolve("moons.png"));
    byte[] png = Files.readAllBytes(dir.resolve("moons.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }
}
