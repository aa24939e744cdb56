package dev.opgrad.nn;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.primitives.Ints;
import dev.opgrad.Value;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.DoubleStream;

/**
 * The text file that {@link Module#saveParameters(Path)} writes and {@link
 * Module#loadParameters(Path)} reads: three header lines, then one parameter per line.
 *
 * <pre>
 * # opgrad parameters v1
 * model MLP(2, [16, 16, 1], RELU)
 * count 337
 * 0.23550571390294128
 * -0.0
 * …
 * </pre>
 *
 * <p>Numbers are written with {@link Double#toString(double)}, which is specified to write as many
 * digits as it takes to tell the double from its neighbours, so {@link Double#parseDouble} gives
 * back the same bits, −0.0 and ±Infinity included, and a person reads {@code 0.23550571390294128}
 * rather than the {@code 0x1.e24d3b5d5a6c1p-3} of {@link Double#toHexString}, which would be no
 * more exact: both write every NaN as {@code NaN}, which reads back as {@link Double#NaN}, so a
 * NaN's payload bits are not kept (no op of opgrad tells NaNs apart).
 */
final class ParameterFile {

  /** The first line, naming the format and its version. */
  static final String HEADER = "# opgrad parameters v1";

  private static final String MODEL = "model ";
  private static final String COUNT = "count ";
  private static final String MODEL_EXPECTED = "'model' and a description of the model";
  private static final String COUNT_EXPECTED = "'count' and the number of parameters";

  private ParameterFile() {}

  /**
   * Writes the data of {@code module}'s parameters to {@code file}: to a new file next to it
   * first, then moved over it in one atomic step, so that a crash or an error midway leaves the old
   * file whole and the new one is never seen half written.
   */
  static void save(Module module, Path file) throws IOException {
    checkNotNull(file, "file");
    List<Value> parameters = module.parameters();
    // A line break in the description would end the model line early and break the format.
    String model = module.toString().replace('\n', ' ').replace('\r', ' ');
    Path target = file.toAbsolutePath();
    // Not Files.createTempFile: it makes a file only its owner can read, which the move would
    // carry over to the saved file. A new file here gets the permissions any new file gets.
    Path temporary =
        target.resolveSibling(
            target.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
    FileChannel channel =
        FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      try (channel;
          Writer writer = new BufferedWriter(Channels.newWriter(channel, UTF_8))) {
        writer.write(HEADER + "\n" + MODEL + model + "\n" + COUNT + parameters.size() + "\n");
        for (Value parameter : parameters) {
          writer.write(Double.toString(parameter.data()));
          writer.write('\n'); // the same bytes on every platform
        }
        writer.flush();
        // On disk before the move: otherwise a crash soon after it could leave the new name
        // pointing at data the file system had not written yet.
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (Throwable failure) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException cleanup) {
        failure.addSuppressed(cleanup);
      }
      throw failure;
    }
  }

  /**
   * Reads {@code file} whole, then sets {@code module}'s parameters, so that a file that is
   * corrupt or of another model changes none of them.
   */
  static void load(Module module, Path file) throws IOException {
    checkNotNull(file, "file");
    Contents contents = read(file);
    int expected = module.parameters().size();
    if (contents.values().length != expected) {
      throw new IllegalArgumentException(
          String.format(
              "%s has %d parameters, but %s holds %d, of %s",
              module, expected, file, contents.values().length, contents.model()));
    }
    module.loadParameters(contents.values());
  }

  /** What a file holds: the description of the model that wrote it, and the numbers. */
  private record Contents(String model, double[] values) {}

  private static Contents read(Path file) throws IOException {
    // Malformed UTF-8 becomes U+FFFD rather than an exception that names no line: a number with
    // a bad byte is then reported at its line like any other bad number.
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), UTF_8))) {
      String header = reader.readLine();
      if (header == null) {
        throw new IOException(file + " is empty: expected '" + HEADER + "' on line 1");
      }
      if (!header.equals(HEADER)) {
        throw corrupt(file, 1, "'" + HEADER + "'", header);
      }
      String modelLine = nextLine(reader, file, 2, MODEL_EXPECTED);
      if (!modelLine.startsWith(MODEL)) {
        throw corrupt(file, 2, MODEL_EXPECTED, modelLine);
      }
      String countLine = nextLine(reader, file, 3, COUNT_EXPECTED);
      Integer count =
          countLine.startsWith(COUNT) ? Ints.tryParse(countLine.substring(COUNT.length())) : null;
      if (count == null || count < 0) {
        throw corrupt(file, 3, COUNT_EXPECTED, countLine);
      }
      // Grown as lines come rather than sized by the count, which a corrupt file may overstate.
      DoubleStream.Builder values = DoubleStream.builder();
      for (int i = 0; i < count; i++) {
        long lineNumber = 4L + i;
        String line = nextLine(reader, file, lineNumber, "parameter " + (i + 1) + " of " + count);
        try {
          values.add(Double.parseDouble(line));
        } catch (NumberFormatException e) {
          throw new IOException(
              String.format(
                  "%s line %d: parameter %d of %d is not a number: '%s'",
                  file, lineNumber, i + 1, count, line),
              e);
        }
      }
      String extra = reader.readLine();
      if (extra != null) {
        String end = "the end of the file after " + count + " parameters";
        throw corrupt(file, 4L + count, end, extra);
      }
      return new Contents(modelLine.substring(MODEL.length()), values.build().toArray());
    }
  }

  /** Returns the next line, line {@code number}, which should be {@code expected}. */
  private static String nextLine(BufferedReader reader, Path file, long number, String expected)
      throws IOException {
    String line = reader.readLine();
    if (line == null) {
      throw new IOException(
          String.format("%s line %d: expected %s, but the file ends", file, number, expected));
    }
    return line;
  }

  private static IOException corrupt(Path file, long number, String expected, String line) {
    return new IOException(
        String.format("%s line %d: expected %s, got '%s'", file, number, expected, line));
  }
}
