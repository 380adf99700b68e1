package dev.rdpdoctor.yaml;

/**
 * A value the user wrote, quoted in a message: on one line and cut short, so that a message about
 * a 20,000-character value stays a line a person can read.
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
        ? oneLine.substring(0, MAX - 3) + "... (" + String.format(java.util.Locale.ROOT, "%,d", text.length()) + " characters)"
        : oneLine;
  }
}
