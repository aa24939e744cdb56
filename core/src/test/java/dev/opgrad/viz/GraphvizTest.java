package dev.opgrad.viz;

import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.opgrad.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering needs Graphviz's dot; each test runs where it is installed or where it is not. */
class GraphvizTest {

  @TempDir Path dir;

  private static String dot() {
    return Dot.toDot(times(Value.of(2, "a"), Value.of(-3, "b")).setLabel("e"));
  }

  @Test
  void rendersSvgAndPngWhereDotIsInstalled() throws Exception {
    assumeTrue(Graphviz.isInstalled(), "Graphviz's dot is not installed");

    Graphviz.render(dot(), dir.resolve("e.svg"));
    Graphviz.render(dot(), dir.resolve("e.png"));

    assertThat(Files.readString(dir.resolve("e.svg"))).contains("<svg").contains("times");
    byte[] png = Files.readAllBytes(dir.resolve("e.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void reportsDotsOwnErrors() {
    assumeTrue(Graphviz.isInstalled(), "Graphviz's dot is not installed");

    assertThatThrownBy(() -> Graphviz.render("digraph { a -> ", dir.resolve("bad.svg")))
        .hasMessageStartingWith("Graphviz's dot failed rendering " + dir.resolve("bad.svg"))
        .hasMessageContaining("syntax error");
  }

  @Test
  void saysHowToInstallGraphvizWhereItIsMissing() {
    assumeFalse(Graphviz.isInstalled(), "Graphviz's dot is installed");

    assertThatThrownBy(() -> Graphviz.render(dot(), dir.resolve("e.svg")))
        .isInstanceOf(GraphvizNotFoundException.class)
        .hasMessageContaining("apt-get install graphviz")
        .hasMessageContaining("brew install graphviz");
    assertThat(dir.resolve("e.svg")).doesNotExist();
  }

  @Test
  void rejectsAFileNameWithoutAnImageFormat() {
    assertThatThrownBy(() -> Graphviz.render(dot(), dir.resolve("e.txt")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot tell the image format of "
                + dir.resolve("e.txt")
                + ": name it .svg, .png or .pdf");
  }
}
