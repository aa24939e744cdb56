package dev.opgrad.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * micrograd's moons demo data, shipped as resources: the 100 points of sklearn's {@code
 * make_moons(n_samples=100, noise=0.1)} after {@code np.random.seed(1337)}, labels -1 and +1, and
 * the 337 initial parameters of micrograd's {@code MLP(2, [16, 16, 1])} after {@code
 * random.seed(1337)}, in micrograd's parameter order. The resources are {@code moons.csv} and
 * {@code moons-init-params.csv} next to this class; this is the one place that reads them.
 */
public final class MoonsData {

  private final double[][] points;
  private final double[] labels;

  private MoonsData(double[][] points, double[] labels) {
    this.points = points;
    this.labels = labels;
  }

  /** Reads the points from the resource {@code moons.csv}. */
  public static MoonsData load() {
    List<String[]> rows = readCsv("moons.csv");
    double[][] points = new double[rows.size()][];
    double[] labels = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      points[i] = new double[] {Double.parseDouble(row[0]), Double.parseDouble(row[1])};
      labels[i] = Double.parseDouble(row[2]);
    }
    return new MoonsData(points, labels);
  }

  /** micrograd's initial parameters, from the resource {@code moons-init-params.csv}. */
  public static double[] initialParameters() {
    return readCsv("moons-init-params.csv").stream()
        .mapToDouble(row -> Double.parseDouble(row[1]))
        .toArray();
  }

  private static List<String[]> readCsv(String resource) {
    try (InputStream in = MoonsData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().skip(1).map(line -> line.split(",")).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The number of points. */
  public int size() {
    return labels.length;
  }

  /** Coordinate {@code j} (0 or 1) of point {@code i}. */
  public double x(int i, int j) {
    return points[i][j];
  }

  /** The label of point {@code i}: -1 or +1. */
  public double y(int i) {
    return labels[i];
  }

  /** The labels, one per point, in a new array. */
  public double[] labels() {
    return labels.clone();
  }
}
