package dev.opgrad.registry;

import java.util.List;

/** Joins the items of a message as a sentence lists them: "a", "a and b", "a, b and c". */
final class EnglishList {

  private EnglishList() {}

  static String of(List<String> items) {
    int last = items.size() - 1;
    return last == 0
        ? items.get(0)
        : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
  }
}
