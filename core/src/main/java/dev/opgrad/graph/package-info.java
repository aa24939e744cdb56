/**
 * Drawing expression graphs: {@link dev.opgrad.graph.Dot} writes any graph as Graphviz DOT text, as
 * micrograd's {@code draw_dot} draws it, and {@link dev.opgrad.graph.Graphviz} renders that text to
 * SVG or PNG with Graphviz's {@code dot} when it is installed.
 */
package dev.opgrad.graph;
