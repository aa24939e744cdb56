package dev.opgrad.nn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opgrad.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParameterFileTest {

  /**
   * micrograd's initial moons parameters, in the samples module, whose MoonsData is the one place
   * that reads them; core/tests does not depend on samples, so the test reads the file from the
   * source tree, relative to core/tests, where Maven runs it.
   */
  private static final Path MICROGRAD_PARAMETERS =
      Path.of("../../samples/src/main/resources/dev/opgrad/samples/moons-init-params.csv");

  private static final String HEADER = "# opgrad parameters v1\nmodel LinearNeuron(1)\ncount 2\n";

  @TempDir Path directory;

  @Test
  void roundTripsMicrogradsMoonsParametersBitForBit() throws IOException {
    double[] micrograd = micrograd();
    MLP saved = new MLP(2, List.of(16, 16, 1), Activation.RELU, new Random(1));
    saved.loadParameters(micrograd);
    Path file = directory.resolve("moons.txt");

    saved.saveParameters(file);
    MLP loaded = new MLP(2, List.of(16, 16, 1), Activation.RELU, new Random(2));
    loaded.loadParameters(file);

    assertThat(rawBits(loaded)).containsExactly(rawBits(micrograd));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3 + 337);
    assertThat(lines.subList(0, 5))
        .containsExactly(
            "# opgrad parameters v1",
            "model MLP(2, [16, 16, 1], RELU)",
            "count 337",
            "0.23550571390294128",
            "0.06653114721000164");
  }

  private static double[] micrograd() throws IOException {
    assertThat(MICROGRAD_PARAMETERS).as("micrograd's parameters, from core/tests").exists();
    try (Stream<String> lines = Files.lines(MICROGRAD_PARAMETERS)) {
      double[] values =
          lines.skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[1])).toArray();
      assertThat(values).hasSize(337);
      return values;
    }
  }

  @Test
  void writesOneNumberPerLineAsDoubleToStringDoes() throws IOException {
    Neuron neuron = new Neuron(3, Activation.LINEAR, new Random(1));
    neuron.loadParameters(new double[] {0.1, -0.0, Double.NEGATIVE_INFINITY, Double.NaN});
    Path file = directory.resolve("neuron.txt");

    neuron.saveParameters(file);

    assertThat(Files.readString(file))
        .isEqualTo(
            "# opgrad parameters v1\nmodel LinearNeuron(3)\ncount 4\n0.1\n-0.0\n-Infinity\nNaN\n");
  }

  @Test
  void roundTripsSpecialValuesBitForBitAndEveryNanAsTheCanonicalNan() throws IOException {
    double nanWithPayload = Double.longBitsToDouble(0x7ff0_0000_0000_0001L);
    double negativeNan = Double.longBitsToDouble(0xfff8_0000_0000_0000L);
    double[] special = {
      0.0,
      -0.0,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Math.nextDown(Double.MIN_NORMAL),
      Double.MIN_NORMAL,
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      0.1,
      1.0 / 3,
      2e23, // Java 17 writes 1.9999999999999998E23: not the shortest, but the same double
      Math.nextUp(1.0),
      -Math.PI * 1e-300,
      Double.NaN,
      nanWithPayload,
      negativeNan
    };
    Neuron saved = new Neuron(special.length - 1, Activation.LINEAR, new Random(1));
    saved.loadParameters(special);
    assertThat(Double.doubleToRawLongBits(saved.bias().data()))
        .as("a parameter keeps a NaN's payload")
        .isEqualTo(0xfff8_0000_0000_0000L);
    Path file = directory.resolve("special.txt");

    saved.saveParameters(file);
    Neuron loaded = new Neuron(special.length - 1, Activation.LINEAR, new Random(2));
    loaded.loadParameters(file);

    long[] expected = rawBits(special);
    long canonicalNan = Double.doubleToRawLongBits(Double.NaN);
    expected[special.length - 2] = canonicalNan;
    expected[special.length - 1] = canonicalNan;
    assertThat(rawBits(loaded)).containsExactly(expected);
  }

  @Test
  void savingReplacesTheFile() throws IOException {
    Path file = directory.resolve("p.txt");
    Neuron neuron = neuron(0.25, -0.75);
    neuron.saveParameters(file);
    neuron.loadParameters(new double[] {1.5, 2.5});

    neuron.saveParameters(file);

    assertThat(Files.readString(file)).isEqualTo(HEADER + "1.5\n2.5\n");
    holdsOnlyPTxt(directory);
  }

  @Test
  void aSaveThatFailsMidwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = directory.resolve("p.txt");
    neuron(0.25, -0.75).saveParameters(file);
    Module failing =
        () ->
            new AbstractList<>() {
              @Override
              public Value get(int i) {
                if (i == 1) {
                  throw new IllegalStateException("parameter 1 is gone");
                }
                return Value.of(i);
              }

              @Override
              public int size() {
                return 2;
              }
            };

    assertThatThrownBy(() -> failing.saveParameters(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parameter 1 is gone");

    assertThat(Files.readString(file)).isEqualTo(HEADER + "0.25\n-0.75\n");
    holdsOnlyPTxt(directory);
  }

  private void holdsOnlyPTxt(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).containsExactly(folder.resolve("p.txt"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aLineBreakInTheModelsNameStaysOnTheModelLine() throws IOException {
    Value parameter = Value.of(0.5);
    Module twoLines =
        new Module() {
          @Override
          public List<Value> parameters() {
            return List.of(parameter);
          }

          @Override
          public String toString() {
            return "a model\nof two lines";
          }
        };
    Path file = directory.resolve("p.txt");

    twoLines.saveParameters(file);
    parameter.setData(0);
    twoLines.loadParameters(file);

    assertThat(Files.readAllLines(file).get(1)).isEqualTo("model a model of two lines");
    assertThat(parameter.data()).isEqualTo(0.5);
  }

  @Test
  void loadingIntoAModelOfAnotherSizeNamesBothCountsAndModelsAndChangesNothing()
      throws IOException {
    Path file = directory.resolve("moons.txt");
    new MLP(2, List.of(16, 16, 1), Activation.RELU, new Random(1)).saveParameters(file);
    MLP small = new MLP(2, List.of(8, 1), Activation.TANH, new Random(1));
    long[] before = rawBits(small);

    assertThatThrownBy(() -> small.loadParameters(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "MLP(2, [8, 1], TANH) has 33 parameters, but "
                + file
                + " holds 337, of MLP(2, [16, 16, 1], RELU)");
    assertThat(rawBits(small)).containsExactly(before);
  }

  static Stream<Arguments> corruptFiles() {
    return Stream.of(
        Arguments.of("", " is empty: expected '# opgrad parameters v1' on line 1"),
        Arguments.of(
            "# opgrad parameters v2\nmodel LinearNeuron(1)\ncount 2\n0.5\n1.5\n",
            " line 1: expected '# opgrad parameters v1', got '# opgrad parameters v2'"),
        Arguments.of(
            "0.5\n1.5\n", " line 1: expected '# opgrad parameters v1', got '0.5'"),
        Arguments.of(
            "# opgrad parameters v1\n",
            " line 2: expected 'model' and a description of the model, but the file ends"),
        Arguments.of(
            "# opgrad parameters v1\ncount 2\n0.5\n1.5\n",
            " line 2: expected 'model' and a description of the model, got 'count 2'"),
        Arguments.of(
            "# opgrad parameters v1\nmodel LinearNeuron(1)\n",
            " line 3: expected 'count' and the number of parameters, but the file ends"),
        Arguments.of(
            "# opgrad parameters v1\nmodel LinearNeuron(1)\ncount two\n0.5\n1.5\n",
            " line 3: expected 'count' and the number of parameters, got 'count two'"),
        Arguments.of(
            "# opgrad parameters v1\nmodel LinearNeuron(1)\ncount -2\n0.5\n1.5\n",
            " line 3: expected 'count' and the number of parameters, got 'count -2'"),
        Arguments.of(HEADER + "0.5\n1,5\n", " line 5: parameter 2 of 2 is not a number: '1,5'"),
        Arguments.of(HEADER + "0.5\n\n", " line 5: parameter 2 of 2 is not a number: ''"),
        Arguments.of(HEADER + "0.5\n", " line 5: expected parameter 2 of 2, but the file ends"),
        Arguments.of(HEADER, " line 4: expected parameter 1 of 2, but the file ends"),
        Arguments.of(
            HEADER + "0.5\n1.5\n2.5\n",
            " line 6: expected the end of the file after 2 parameters, got '2.5'"),
        Arguments.of(
            HEADER + "0.5\n1.5\n\n",
            " line 6: expected the end of the file after 2 parameters, got ''"));
  }

  @ParameterizedTest
  @MethodSource("corruptFiles")
  void aCorruptFileNamesItsLineAndChangesNoParameter(String contents, String message)
      throws IOException {
    Path file = directory.resolve("corrupt.txt");
    Files.writeString(file, contents);
    Neuron neuron = neuron(0.25, -0.75);

    assertThatThrownBy(() -> neuron.loadParameters(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + message);
    assertThat(neuron.parameters()).extracting(Value::data).containsExactly(0.25, -0.75);
  }

  @Test
  void aBadByteIsABadNumberOnItsLine() throws IOException {
    Path file = directory.resolve("corrupt.txt");
    byte[] header = (HEADER + "0.5\n").getBytes(UTF_8);
    byte[] contents = new byte[header.length + 2];
    System.arraycopy(header, 0, contents, 0, header.length);
    contents[header.length] = (byte) 0xff;
    contents[header.length + 1] = '\n';
    Files.write(file, contents);
    Neuron neuron = neuron(0.25, -0.75);

    assertThatThrownBy(() -> neuron.loadParameters(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + " line 5: parameter 2 of 2 is not a number: '\uFFFD'");
    assertThat(neuron.parameters()).extracting(Value::data).containsExactly(0.25, -0.75);
  }

  @Test
  void windowsLineEndingsRead() throws IOException {
    Path file = directory.resolve("p.txt");
    Files.writeString(file, HEADER.replace("\n", "\r\n") + "0.5\r\n1.5\r\n");
    Neuron neuron = neuron(0.25, -0.75);

    neuron.loadParameters(file);

    assertThat(neuron.parameters()).extracting(Value::data).containsExactly(0.5, 1.5);
  }

  @Test
  void aMissingFileIsAnIoException() {
    Path file = directory.resolve("missing.txt");

    assertThatThrownBy(() -> neuron(0.25, -0.75).loadParameters(file))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(file.toString());
  }

  /** A neuron of one input, whose parameters are the weight and the bias, in that order. */
  private static Neuron neuron(double weight, double bias) {
    Neuron neuron = new Neuron(1, Activation.LINEAR, new Random(1));
    neuron.loadParameters(new double[] {weight, bias});
    return neuron;
  }

  private static long[] rawBits(Module module) {
    return module.parameters().stream()
        .mapToLong(p -> Double.doubleToRawLongBits(p.data()))
        .toArray();
  }

  private static long[] rawBits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }
}
