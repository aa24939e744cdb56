package dev.opgrad.samples.internal;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * An XChart marker that fills a square of a fixed size in pixels, whatever the chart's marker size:
 * tiles of a grid that paint a background, such as a classifier's decision regions.
 */
public final class Tile extends Marker {

  private final double size;

  /** Creates a tile {@code size} pixels wide and high. */
  public Tile(double size) {
    this.size = size;
  }

  @Override
  public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
    g.fill(new Rectangle2D.Double(xOffset - size / 2, yOffset - size / 2, size, size));
  }
}
