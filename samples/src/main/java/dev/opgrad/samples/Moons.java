package dev.opgrad.samples;

import dev.opgrad.BatchGradients;
import dev.opgrad.NoGrad;
import dev.opgrad.Scope;
import dev.opgrad.Value;
import dev.opgrad.nn.Activation;
import dev.opgrad.nn.Losses;
import dev.opgrad.nn.MLP;
import dev.opgrad.nn.MaxMarginLoss;
import dev.opgrad.nn.Sgd;
import dev.opgrad.samples.internal.OutputDir;
import dev.opgrad.samples.internal.Tile;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ObjIntConsumer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * micrograd's demo: an MLP(2, [16, 16, 1]) with ReLU learns to separate the two moons of
 * micrograd's 100 points (sklearn's {@code make_moons(100, noise=0.1)} after {@code
 * np.random.seed(1337)}) with the max-margin loss plus 1e-4·L2, by full-batch gradient descent with
 * the learning rate {@code 1 − 0.9·k/100} at step k, for 100 steps. It draws a progress bar while
 * it trains and writes the decision boundary with the points to {@code moons.png}.
 */
public final class Moons {

  /** The number of training steps. */
  public static final int STEPS = 100;

  /** The weight of the L2 regularization. */
  public static final double ALPHA = 1e-4;

  /** The seed of the weights: with it, training reaches 100% accuracy. */
  private static final long SEED = 1337;

  private static final int BAR_WIDTH = 30;
  private static final int GRID = 90;

  private static final MoonsData DATA = MoonsData.load();
  private static final double[] LABELS = DATA.labels();
  private static final List<Integer> LAYER_SIZES = List.of(16, 16, 1);

  private Moons() {}

  /** Trains and draws; {@code --out DIR} chooses where moons.png goes (default target/tour). */
  public static void main(String[] args) throws IOException {
    run(System.out, OutputDir.fromArgs(args));
  }

  /**
   * Trains a model whose weights come from the seeded generator, printing a progress bar and the
   * last step's loss and accuracy to {@code out}, and writes {@code moons.png} to {@code
   * outputDir}.
   *
   * @return the loss and accuracy of the last step
   */
  public static MaxMarginLoss run(PrintStream out, Path outputDir) throws IOException {
    MLP model = newModel(new Random(SEED));
    out.printf(
        "micrograd's moons demo: %s, %d parameters, max-margin loss + %s L2, %d steps%n",
        model, model.parameters().size(), ALPHA, STEPS);
    MaxMarginLoss[] last = new MaxMarginLoss[1];
    // On a terminal the bar redraws in place; in a log or a pipe, it is a line every ten steps.
    boolean terminal = out == System.out && System.console() != null;
    train(
        model,
        (loss, step) -> {
          last[0] = loss;
          if (terminal) {
            out.print("\r  " + progressBar(step + 1) + "  " + loss);
          } else if ((step + 1) % 10 == 0) {
            out.println("  " + progressBar(step + 1) + "  " + loss);
          }
        });
    if (terminal) {
      out.println();
    }
    Path png = outputDir.resolve("moons.png");
    plot(model, png);
    out.printf("  step %d: %s%n", STEPS - 1, last[0]);
    out.printf("  decision boundary: %s%n", png);
    return last[0];
  }

  /** Returns a new MLP(2, [16, 16, 1]) with ReLU whose weights come from {@code random}. */
  public static MLP newModel(Random random) {
    return new MLP(2, LAYER_SIZES, Activation.RELU, random);
  }

  /**
   * Returns a new MLP(2, [16, 16, 1]) with ReLU holding {@code parameters}, in micrograd's order:
   * {@link MoonsData#initialParameters()} starts where micrograd's demo starts.
   */
  public static MLP newModel(double[] parameters) {
    MLP model = newModel(new Random(0));
    model.loadParameters(parameters);
    return model;
  }

  /** micrograd's learning rate at step {@code k}: {@code 1 − 0.9·k/100}. */
  public static double learningRate(int k) {
    return 1.0 - 0.9 * k / 100;
  }

  /**
   * Trains {@code model} for {@link #STEPS} steps as micrograd's demo does: score every point,
   * compute the loss, zero the gradients, backpropagate, update each parameter with the step's
   * learning rate. {@code onStep} gets each step's loss, computed before that step's update, and
   * the step's index from 0.
   */
  public static void train(MLP model, ObjIntConsumer<MaxMarginLoss> onStep) {
    Sgd sgd = new Sgd(model.parameters(), Moons::learningRate);
    for (int step = 0; step < STEPS; step++) {
      MaxMarginLoss loss = loss(model);
      sgd.zeroGrad();
      loss.total().backward();
      sgd.step();
      onStep.accept(loss, step);
    }
  }

  /** Returns the loss and accuracy of {@code model} on the 100 points. */
  public static MaxMarginLoss loss(MLP model) {
    List<Value> scores = new ArrayList<>(DATA.size());
    for (int i = 0; i < DATA.size(); i++) {
      scores.add(model.scalar(DATA.x(i, 0), DATA.x(i, 1)));
    }
    return MaxMarginLoss.of(scores, LABELS, model.parameters(), ALPHA);
  }

  /**
   * Returns the same loss and its gradient at {@code parameters} computed one graph per point with
   * {@link BatchGradients}: a term per point, its max-margin loss divided by the number of points,
   * and a last term, the L2 regularization, summed in that order.
   *
   * @param parallelism the number of threads, as {@link BatchGradients#compute}'s
   */
  public static BatchGradients batchGradients(double[] parameters, int parallelism) {
    return BatchGradients.compute(parameters, DATA.size() + 1, Moons::lossTerm, parallelism);
  }

  /** Term {@code term} of {@link #batchGradients}, built over the leaves {@code parameters}. */
  private static Value lossTerm(List<Value> parameters, int term) {
    if (term == DATA.size()) {
      return Losses.l2(parameters, ALPHA);
    }
    MLP model = MLP.over(2, LAYER_SIZES, Activation.RELU, parameters);
    Value score = model.scalar(DATA.x(term, 0), DATA.x(term, 1));
    return Losses.maxMargin(List.of(score), new double[] {LABELS[term]}).mul(1.0 / DATA.size());
  }

  private static String progressBar(int done) {
    int filled = done * BAR_WIDTH / STEPS;
    return "["
        + "#".repeat(filled)
        + "-".repeat(BAR_WIDTH - filled)
        + "] "
        + String.format("%3d/%d", done, STEPS);
  }

  /** Writes the model's decision regions on a grid, and the points, to a PNG. */
  private static void plot(MLP model, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < DATA.size(); i++) {
      minX = Math.min(minX, DATA.x(i, 0) - 1);
      maxX = Math.max(maxX, DATA.x(i, 0) + 1);
      minY = Math.min(minY, DATA.x(i, 1) - 1);
      maxY = Math.max(maxY, DATA.x(i, 1) + 1);
    }
    XYChart chart =
        new XYChartBuilder()
            .width(720)
            .height(560)
            .title("opgrad: MLP(2, [16, 16, 1]) on micrograd's moons")
            .xAxisTitle("x0")
            .yAxisTitle("x1")
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisMin(minX).setXAxisMax(maxX).setYAxisMin(minY).setYAxisMax(maxY);
    chart.getStyler().setMarkerSize(9);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setPlotContentSize(1.0);

    List<Double> negX = new ArrayList<>();
    List<Double> negY = new ArrayList<>();
    List<Double> posX = new ArrayList<>();
    List<Double> posY = new ArrayList<>();
    try (Scope inference = NoGrad.enter()) { // scores only: no graph is kept
      for (int i = 0; i < GRID; i++) {
        double x = minX + (maxX - minX) * (i + 0.5) / GRID;
        for (int j = 0; j < GRID; j++) {
          double y = minY + (maxY - minY) * (j + 0.5) / GRID;
          boolean positive = model.scalar(x, y).data() > 0;
          (positive ? posX : negX).add(x);
          (positive ? posY : negY).add(y);
        }
      }
    }
    Marker tile = new Tile(8);
    addSeries(chart, "predicted -1", negX, negY, tile, new Color(250, 200, 200), false);
    addSeries(chart, "predicted +1", posX, posY, tile, new Color(200, 215, 250), false);

    List<Double> redX = new ArrayList<>();
    List<Double> redY = new ArrayList<>();
    List<Double> blueX = new ArrayList<>();
    List<Double> blueY = new ArrayList<>();
    for (int i = 0; i < DATA.size(); i++) {
      (LABELS[i] > 0 ? blueX : redX).add(DATA.x(i, 0));
      (LABELS[i] > 0 ? blueY : redY).add(DATA.x(i, 1));
    }
    addSeries(chart, "y = -1", redX, redY, SeriesMarkers.CIRCLE, new Color(200, 30, 30), true);
    addSeries(chart, "y = +1", blueX, blueY, SeriesMarkers.CIRCLE, new Color(30, 60, 200), true);
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapFormat.PNG);
  }

  private static void addSeries(
      XYChart chart,
      String name,
      List<Double> x,
      List<Double> y,
      Marker marker,
      Color color,
      boolean inLegend) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(marker);
    series.setMarkerColor(color);
    series.setShowInLegend(inLegend);
  }
}
