package dev.opgrad.registry;

import dev.opgrad.spi.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@code META-INF/services/dev.opgrad.spi.Op} file lists, read with {@link
 * java.util.ServiceLoader}'s syntax: UTF-8, {@code #} starts a comment, blanks around a name are
 * ignored, and a name is a Java identifier start followed by identifier parts and dots. Where
 * ServiceLoader gives up on the whole file at the first illegal line, losing the providers of every
 * other line, here an illegal line is a problem of its own and the other lines are kept.
 *
 * @param location the jar or directory holding the file
 * @param providerClasses the class names listed, each once, in the order of the file
 * @param problems the illegal lines, or why the file could not be read
 */
record ServicesFile(String location, List<String> providerClasses, List<ProviderProblem> problems) {

  /** Where a jar or directory lists its op providers. */
  static final String PATH = "META-INF/services/" + Op.class.getName();

  ServicesFile {
    providerClasses = List.copyOf(providerClasses);
    problems = List.copyOf(problems);
  }

  /** Reads the services file of {@code location} from {@code in}, which the caller closes. */
  static ServicesFile read(String location, InputStream in) throws IOException {
    Set<String> classes = new LinkedHashSet<>();
    List<ProviderProblem> problems = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      int comment = line.indexOf('#');
      String text = (comment < 0 ? line : line.substring(0, comment)).trim();
      if (text.isEmpty()) {
        continue;
      }
      if (isClassName(text)) {
        classes.add(text);
      } else {
        String message =
            "line "
                + number
                + " of "
                + PATH
                + " in "
                + location
                + " is not a class name: '"
                + text
                + "'";
        problems.add(
            new ProviderProblem(
                List.of(), List.of(location), Optional.empty(), message, Optional.empty()));
      }
    }
    return new ServicesFile(location, List.copyOf(classes), problems);
  }

  /**
   * A source of services files that contributed nothing because of {@code failure}, described by
   * {@code what}: a file that could not be read, a class loader that could not list its files.
   */
  static ServicesFile failed(String location, String what, Throwable failure) {
    String message = what + ": " + failure;
    return new ServicesFile(
        location,
        List.of(),
        List.of(
            new ProviderProblem(
                List.of(), List.of(location), Optional.empty(), message, Optional.of(failure))));
  }

  /** ServiceLoader's test, which leaves the placement of the dots to the class loader. */
  private static boolean isClassName(String text) {
    return Character.isJavaIdentifierStart(text.codePointAt(0))
        && text.codePoints().allMatch(c -> Character.isJavaIdentifierPart(c) || c == '.');
  }
}
