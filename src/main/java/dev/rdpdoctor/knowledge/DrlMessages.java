package dev.rdpdoctor.knowledge;

/** Turns Drools' multi-line compiler messages into one readable line. */
final class DrlMessages {

  private DrlMessages() {}

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
    return m.isEmpty() ? "invalid rule" : m;
  }
}
