package dev.opgrad.samples.internal;

import java.io.PrintStream;

/** Prints a sample's explanations: paragraphs wrapped at 96 columns, under a hanging label. */
public final class Prose {

  /** The widest line printed. */
  static final int WIDTH = 96;

  private Prose() {}

  /**
   * Prints {@code text} wrapped at {@value #WIDTH} columns, the first line after {@code label}, the
   * others indented as far as the label is long. Words are never broken.
   */
  public static void print(PrintStream out, String label, String text) {
    String indent = " ".repeat(label.length());
    StringBuilder line = new StringBuilder(label);
    boolean empty = true;
    for (String word : text.strip().split("\\s+")) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    out.println(line);
  }
}
