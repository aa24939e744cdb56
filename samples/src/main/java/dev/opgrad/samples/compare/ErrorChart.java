package dev.opgrad.samples.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws comparisons as a PNG: for each report a column of two charts, the error of the value and of
 * the derivative in ulps against x on a log scale, one line per formulation, with the intervals
 * where a formulation is NaN or infinite shaded in its colour and the threshold of wrong results,
 * 2<sup>26</sup> ulps, dashed.
 */
public final class ErrorChart {

  /** Where an error of 0 is drawn: the log scale has no 0. */
  static final double FLOOR = 0.1;

  /** Where larger errors are drawn: a result 100% off is 2^52 to 2^53 ulps off. */
  static final double CEILING = 1e20;

  private static final int WIDTH = 820;

  /** Columns across the range, about one a pixel of the plot. */
  private static final int COLUMNS = 720;

  private static final int HEIGHT = 380;

  private static final Color[] COLOURS = {
    new Color(31, 119, 180),
    new Color(214, 39, 40),
    new Color(44, 160, 44),
    new Color(148, 103, 189)
  };

  private ErrorChart() {}

  /**
   * Writes {@code png}: a column per report, the value's errors above the derivative's.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(Path png, List<ComparisonReport> reports) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<XYChart> charts = new ArrayList<>();
    for (Quantity quantity : Quantity.values()) {
      for (ComparisonReport report : reports) {
        charts.add(chart(report, quantity));
      }
    }
    // The stream, not the file name: XChart would append ".png" to a name without it.
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(
          charts, Quantity.values().length, reports.size(), out, BitmapFormat.PNG);
    }
  }

  private static XYChart chart(ComparisonReport report, Quantity quantity) {
    String what = quantity == Quantity.VALUE ? "value" : "d/d" + report.variable();
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(
                report.function()
                    + " on ["
                    + Digits.of(report.lo(), 5)
                    + ", "
                    + Digits.of(report.hi(), 5)
                    + "]: error of the "
                    + (quantity == Quantity.VALUE ? "value" : "derivative"))
            .xAxisTitle(report.variable())
            .yAxisTitle("ulps off in " + what + " (0 drawn at 0.1)")
            .build();
    chart.getStyler().setYAxisLogarithmic(true).setYAxisLogarithmicDecadeOnly(true);
    chart.getStyler().setYAxisMin(FLOOR).setYAxisMax(CEILING);
    chart.getStyler().setXAxisMin(report.lo()).setXAxisMax(report.hi());
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    // Solid and faint: XChart's dashed default, one line a decade, reads as a vertical hatching.
    chart.getStyler().setPlotGridLinesStroke(new BasicStroke(0.5f));
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    chart.getStyler().setChartBackgroundColor(Color.WHITE);

    double[] xs = report.points();
    double[] references = report.references(quantity);
    List<Formulation> formulations = report.formulations();
    for (int f = 0; f < formulations.size(); f++) {
      Color colour = COLOURS[f % COLOURS.length];
      shadeNonFinite(chart, report, formulations.get(f).name(), quantity, colour);
    }
    for (int f = 0; f < formulations.size(); f++) {
      double[] results = report.results(formulations.get(f).name(), quantity);
      double[] errors = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        boolean comparable = Double.isFinite(results[i]) && Double.isFinite(references[i]);
        // NaN, a gap in the line, where there is no error to draw: non-finite results are shaded.
        errors[i] =
            comparable
                ? Math.min(CEILING, Math.max(FLOOR, Errors.ulps(results[i], references[i])))
                : Double.NaN;
      }
      List<Double> x = new ArrayList<>();
      List<Double> ulps = new ArrayList<>();
      decimate(xs, errors, report.lo(), report.hi(), x, ulps);
      if (ulps.stream().allMatch(u -> u == null)) {
        continue; // no error anywhere: XChart cannot draw a line of gaps, and the shading says why
      }
      XYSeries series = chart.addSeries(formulations.get(f).name(), x, ulps);
      series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(COLOURS[f % COLOURS.length]);
      series.setLineWidth(1.2f);
    }
    XYSeries threshold =
        chart.addSeries(
            "wrong: 2^26 ulps",
            new double[] {report.lo(), report.hi()},
            new double[] {Errors.WRONG_ULPS, Errors.WRONG_ULPS});
    threshold.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    threshold.setMarker(SeriesMarkers.NONE);
    threshold.setLineColor(Color.GRAY);
    threshold.setLineStyle(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    return chart;
  }

  /**
   * Adds the points to draw to {@code x} and {@code y}: of the points that fall in one of {@value
   * #COLUMNS} columns across the range, about a pixel each, the least and the greatest error, in
   * the order of x, then a gap (null) if some point of the column has no error. The picture is the
   * same; XChart draws a tenth of the segments, near 0 where thousands of log-spaced points fall in
   * one column, and takes a tenth of the time.
   */
  private static void decimate(
      double[] xs, double[] errors, double lo, double hi, List<Double> x, List<Double> y) {
    int i = 0;
    while (i < xs.length) {
      int column = column(xs[i], lo, hi);
      int least = -1;
      int greatest = -1;
      boolean gap = false;
      for (; i < xs.length && column(xs[i], lo, hi) == column; i++) {
        if (Double.isNaN(errors[i])) {
          gap = true;
        } else {
          least = least < 0 || errors[i] < errors[least] ? i : least;
          greatest = greatest < 0 || errors[i] > errors[greatest] ? i : greatest;
        }
      }
      if (least >= 0) {
        int first = Math.min(least, greatest);
        int second = Math.max(least, greatest);
        x.add(xs[first]);
        y.add(errors[first]);
        if (second != first) {
          x.add(xs[second]);
          y.add(errors[second]);
        }
      }
      if (gap) {
        x.add(xs[i - 1]);
        y.add(null);
      }
    }
  }

  private static int column(double x, double lo, double hi) {
    // x / COLUMNS first: hi - lo may be beyond the largest double.
    return (int)
        Math.min(
            COLUMNS - 1, (x / COLUMNS - lo / COLUMNS) / (hi / COLUMNS - lo / COLUMNS) * COLUMNS);
  }

  /** Shades every interval where the formulation's result is NaN or infinite, top to bottom. */
  private static void shadeNonFinite(
      XYChart chart, ComparisonReport report, String formulation, Quantity quantity, Color colour) {
    int count = 0;
    for (Breakdown breakdown : report.breakdowns(formulation, quantity)) {
      if (!breakdown.kind().isNonFinite()) {
        continue;
      }
      XYSeries area =
          chart.addSeries(
              formulation + ": " + breakdown.kind().label() + (count == 0 ? "" : " " + count),
              new double[] {breakdown.from(), breakdown.to()},
              new double[] {CEILING, CEILING});
      area.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
      area.setMarker(SeriesMarkers.NONE);
      area.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 45));
      area.setLineColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 90));
      area.setShowInLegend(count == 0);
      count++;
    }
  }
}
