package dev.rdpdoctor.knowledge.load;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Drools' multi-line compiler messages into one readable line, in the rule's terms. */
final class DrlMessages {

  /** What Drools says when a constraint names a field (or a constant) its type does not have. */
  private static final Pattern NO_SUCH_MEMBER =
      Pattern.compile("unable to resolve method using strict-mode: (?:[\\w$]+\\.)*?([\\w$]+)\\.([\\w$]+)\\(\\)");

  /**
   * An internal failure Drools reports, unlocated, after a constraint it cannot resolve (such as
   * {@code x == True}); the constraint's own error says what is wrong.
   */
  static final String UNANALYSED = "Unable to determine the used declarations";

  private DrlMessages() {}

  /** Whether the message only follows another error, and says nothing a rule's author can use. */
  static boolean consequential(String message) {
    return message != null && message.startsWith(UNANALYSED);
  }

  static String clean(String message) {
    if (message == null || message.isBlank()) {
      return "invalid rule";
    }
    String m = message;
    m = m.replaceAll("\\[Near : \\{[^}]*\\}\\][^\\[]*", " ");
    m = m.replaceAll("\\[Line: \\d+, Column: \\d+\\]", " ");
    m = m.replaceAll("\\[ERR \\d+\\] Line \\d+:\\d+ ", "");
    m = m.replaceAll("\\[Error: ([^\\]]*)\\]", "$1");
    m = m.replace("Rule Compilation error", "");
    m = m.replaceAll("Unable to Analyse Expression (.*?):\\s", "in '$1': ");
    m = m.replaceAll("\\s+", " ").strip();
    m = m.replaceAll("^:\\s*", "");
    Matcher member = NO_SUCH_MEMBER.matcher(m);
    if (member.find()) {
      String name = member.group(2);
      String literal = name.toLowerCase(Locale.ROOT);
      String hint = !name.equals(literal) && List.of("true", "false", "null").contains(literal)
          ? "; did you mean " + literal + "? (true, false and null are written in lower case)"
          : "";
      m = m.substring(0, member.start()) + member.group(1) + " has no field or method '" + name + "'" + hint
          + m.substring(member.end());
    }
    if (consequential(message)) {
      m = "a condition of this file cannot be analysed; check the names and the case of its fields and values";
    }
    return m.isEmpty() ? "invalid rule" : m;
  }
}
