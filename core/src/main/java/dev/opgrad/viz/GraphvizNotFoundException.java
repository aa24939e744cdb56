package dev.opgrad.viz;

import java.io.IOException;

/**
 * Thrown when a graph is to be rendered and Graphviz's {@code dot} executable cannot be started.
 * Its message says how to install Graphviz.
 */
public final class GraphvizNotFoundException extends IOException {

  private static final long serialVersionUID = 1L;

  GraphvizNotFoundException(String executable, IOException cause) {
    super(
        "Graphviz's '"
            + executable
            + "' executable could not be started ("
            + cause.getMessage()
            + "). Install Graphviz to render graphs: "
            + "'apt-get install graphviz' (Debian, Ubuntu), 'brew install graphviz' (macOS), "
            + "'choco install graphviz' (Windows), or see https://graphviz.org/download/; "
            + "Dot.toDot needs no Graphviz.",
        cause);
  }
}
