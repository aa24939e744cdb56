/**
 * Drawing expression graphs: {@link dev.opgrad.viz.Dot} writes any graph as Graphviz DOT text, as
 * micrograd's {@code draw_dot} draws it, and {@link dev.opgrad.viz.Graphviz} renders that text to
 * SVG or PNG with Graphviz's {@code dot} when it is installed.
 */
package dev.opgrad.viz;
