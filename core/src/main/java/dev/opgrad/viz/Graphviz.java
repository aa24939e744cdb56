package dev.opgrad.viz;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders DOT text (from {@link Dot}) to an image by running Graphviz's {@code dot} executable,
 * found on the {@code PATH}. Graphviz is not a Java dependency: where it is missing, {@link
 * #render} throws a {@link GraphvizNotFoundException} saying how to install it, and {@link
 * #isInstalled()} tells beforehand.
 *
 * <pre>{@code
 * if (Graphviz.isInstalled()) {
 *   Graphviz.render(Dot.toDot(o), Path.of("neuron.svg"));
 * }
 * }</pre>
 */
public final class Graphviz {

  private static final String EXECUTABLE = "dot";

  private Graphviz() {}

  /** Whether {@code dot -V} runs and succeeds. */
  public static boolean isInstalled() {
    try {
      Process process = new ProcessBuilder(EXECUTABLE, "-V").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Renders {@code dot} to {@code output} in the format its extension names: {@code .svg}, {@code
   * .png} or {@code .pdf}.
   *
   * @throws IllegalArgumentException if the extension is not one of these
   * @throws GraphvizNotFoundException if the {@code dot} executable cannot be started
   * @throws IOException if {@code dot} fails; the message holds what it printed
   */
  public static void render(String dot, Path output) throws IOException {
    checkNotNull(dot, "dot");
    String name = output.getFileName().toString();
    String format = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    checkArgument(
        format.equals("svg") || format.equals("png") || format.equals("pdf"),
        "cannot tell the image format of %s: name it .svg, .png or .pdf",
        output);
    Process process;
    try {
      process =
          new ProcessBuilder(EXECUTABLE, "-T" + format, "-o", output.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new GraphvizNotFoundException(EXECUTABLE, e);
    }
    try (OutputStream in = process.getOutputStream()) {
      in.write(dot.getBytes(StandardCharsets.UTF_8));
    }
    String printed;
    try (InputStream out = process.getInputStream()) {
      printed = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while rendering " + output, e);
    }
    if (exit != 0) {
      throw new IOException(
          "Graphviz's dot failed rendering " + output + " (exit code " + exit + "): " + printed);
    }
  }
}
