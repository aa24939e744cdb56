package dev.opgrad.samples.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorChartTest {

  @TempDir Path dir;

  @Test
  void drawsAColumnOfValueAndDerivativePerReportToTheExactFileName() throws Exception {
    ComparisonReport report =
        Comparison.of("log")
            .reference(HighPrecision.log())
            .formulation("atomic", "log(x)", Value::log)
            .formulation("twice", "log(x^2)/2", x -> x.pow(2).log().div(2))
            .range(-1, 1e200)
            .points(11)
            .run();
    Path png = dir.resolve("errors.image"); // no .png: XChart would add one to a file name

    ErrorChart.write(png, List.of(report, report));

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(2 * 820);
    assertThat(image.getHeight()).isEqualTo(2 * 380);
    assertThat(dir.resolve("errors.image.png")).doesNotExist();
  }
}
