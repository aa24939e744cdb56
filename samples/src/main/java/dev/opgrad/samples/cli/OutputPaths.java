package dev.opgrad.samples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files and folders the commands write: checked before any work is done, so that a mistyped
 * path fails at once, and failures to write said in one line, {@code cannot write PATH: REASON}.
 */
final class OutputPaths {

  private OutputPaths() {}

  /**
   * Checks that {@code file} can be created or replaced: it is not a folder, and its folder exists.
   * The check is also what stands for an SVG file, which Graphviz's own program writes.
   *
   * @throws BadInputException if it cannot
   */
  static void checkFile(Path file) {
    Path absolute = file.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw cannotWrite(file, "it is a folder");
    }
    Path folder = absolute.getParent();
    if (!Files.exists(folder)) {
      throw cannotWrite(file, "folder " + folder + " does not exist");
    }
    if (!Files.isDirectory(folder)) {
      throw cannotWrite(file, folder + " is not a folder");
    }
  }

  /**
   * Creates {@code folder} and its missing parents, unless it exists.
   *
   * @throws BadInputException if it cannot
   */
  static Path createFolder(Path folder) {
    Path existing = folder.toAbsolutePath();
    while (!Files.exists(existing) && existing.getParent() != null) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing)) {
      throw cannotWrite(
          folder,
          existing.equals(folder.toAbsolutePath())
              ? "it is a file, not a folder"
              : existing + " is not a folder");
    }
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw cannotWrite(folder, e);
    }
  }

  /** {@code cannot write PATH: REASON}, the reason taken from {@code e}. */
  static BadInputException cannotWrite(Path path, IOException e) {
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof NoSuchFileException missing) {
      reason = "no such file or folder " + missing.getFile();
    } else if (e instanceof FileSystemException failure && failure.getReason() != null) {
      reason = failure.getReason();
    } else {
      reason = String.valueOf(e.getMessage());
    }
    return new BadInputException("cannot write " + path + ": " + reason, e);
  }

  private static BadInputException cannotWrite(Path path, String reason) {
    return new BadInputException("cannot write " + path + ": " + reason);
  }
}
