package dev.rdpdoctor.problem;

import java.util.Locale;

/**
 * The characters a terminal acts on rather than shows, and how they are shown instead. A value
 * written {@code "\e]0;TITLE\a"} in a symptom file would retitle the terminal it is echoed to, and
 * a bidi override would make a line read differently from what it says: every such character is
 * written as a visible escape ({@code \e}, {@code \a}, <code>&#92;u202e</code>), never raw.
 *
 * <p>They are the C0 controls except line feed and tab, DEL, the C1 controls (U+0080 to U+009F),
 * and the bidi embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069). The escapes
 * are those of a YAML double-quoted string, and for all but C0 (which Jackson always escapes
 * itself) those of a JSON string too, so a JSON or quoted YAML value keeps its meaning.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** Whether a terminal would act on this character rather than show it; line feed and tab are shown. */
  public static boolean acted(int c) {
    return (c < 0x20 && c != '\n' && c != '\t')
        || (c >= 0x7F && c <= 0x9F)
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /** The visible escape of one character: {@code \e} for ESC, <code>&#92;u202e</code> for a right-to-left override. */
  public static String escape(int c) {
    return switch (c) {
      case 0x07 -> "\\a";
      case 0x08 -> "\\b";
      case '\t' -> "\\t";
      case '\n' -> "\\n";
      case 0x0B -> "\\v";
      case 0x0C -> "\\f";
      case '\r' -> "\\r";
      case 0x1B -> "\\e";
      default -> String.format(Locale.ROOT, "\\u%04x", c);
    };
  }

  /** The text with every character a terminal would act on escaped; line breaks and tabs kept. */
  public static String escaped(String text) {
    int first = firstActed(text, false);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (acted(c)) {
        out.append(escape(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A file name as a message shows it: unchanged when it is ordinary, else in single quotes with
   * line breaks, tabs and the characters a terminal acts on escaped (and {@code \} and {@code '}
   * too), so a name never splits the line it is in nor acts on the terminal.
   */
  public static String name(String name) {
    if (firstActed(name, true) < 0) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length() + 16).append('\'');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' || c == '\'') {
        out.append('\\').append(c);
      } else if (acted(c) || c == '\n' || c == '\t') {
        out.append(escape(c));
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  private static int firstActed(String text, boolean breaksToo) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (acted(c) || (breaksToo && (c == '\n' || c == '\t'))) {
        return i;
      }
    }
    return -1;
  }
}
