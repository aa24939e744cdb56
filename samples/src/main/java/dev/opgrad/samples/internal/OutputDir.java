package dev.opgrad.samples.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder a sample writes its pictures to: {@code --out DIR}, else {@code target/tour}. */
public final class OutputDir {

  private OutputDir() {}

  /**
   * Returns the folder named by {@code --out DIR} in {@code args}, or {@code target/tour}, created
   * if missing.
   *
   * @throws IllegalArgumentException if {@code args} holds anything else
   */
  public static Path fromArgs(String[] args) throws IOException {
    Path dir = Path.of("target", "tour");
    if (args.length == 2 && args[0].equals("--out")) {
      dir = Path.of(args[1]);
    } else if (args.length != 0) {
      throw new IllegalArgumentException(
          "usage: [--out DIR] (the folder for pictures, target/tour by default); got "
              + String.join(" ", args));
    }
    return Files.createDirectories(dir);
  }
}
