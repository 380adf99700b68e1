package dev.rdpdoctor.yaml;

import dev.rdpdoctor.problem.ControlCharacters;
import java.util.Locale;

/**
 * A value the user wrote, quoted in a message: on one line, cut short, and with the characters a
 * terminal would act on escaped ({@link ControlCharacters}), so that a message about a
 * 20,000-character value, or one written {@code "\e]0;TITLE\a"}, stays a line a person can read.
 */
public final class Excerpt {

  static final int MAX = 80;

  private Excerpt() {}

  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() > MAX
        ? ControlCharacters.escaped(oneLine.substring(0, MAX - 3))
            + "... (" + String.format(Locale.ROOT, "%,d", text.length()) + " characters)"
        : ControlCharacters.escaped(oneLine);
  }
}
