package dev.opgrad.samples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code NAME=VALUE} arguments of {@code eval}: one number for each name. */
final class VariableValues {

  private VariableValues() {}

  /**
   * Reads the assignments, in order.
   *
   * @throws UsageException if a name is given twice: which value was meant is anyone's guess
   * @throws BadInputException if an assignment is not {@code NAME=VALUE} or its value is not a
   *     number, or one so large that it would silently become infinity
   */
  static Map<String, Double> parse(List<String> assignments) {
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Double> values = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      String name = equals < 0 ? "" : assignment.substring(0, equals).strip();
      if (name.isEmpty()) {
        throw new BadInputException("'" + assignment + "' is not of the form NAME=VALUE");
      }
      String earlier = texts.putIfAbsent(name, assignment);
      if (earlier != null) {
        throw new UsageException(
            "variable '" + name + "' is given twice: " + earlier + " and " + assignment);
      }
      values.put(name, number(name, assignment.substring(equals + 1).strip()));
    }
    return values;
  }

  private static double number(String name, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new BadInputException(
          "the value of '" + name + "', '" + text + "', is not a number", e);
    }
    // "Infinity" is asked for; 1e999 overflows into it unnoticed.
    if (Double.isInfinite(value) && !text.contains("Infinity")) {
      throw new BadInputException(
          "the value of '"
              + name
              + "', "
              + text
              + ", is too large a number: the largest is "
              + Double.MAX_VALUE
              + " (write Infinity if you mean it)");
    }
    return value;
  }
}
