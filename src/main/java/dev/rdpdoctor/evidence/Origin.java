package dev.rdpdoctor.evidence;

import java.util.Objects;

/**
 * Where a fact was found: the file (as the evidence names it), its line, and the line's text as
 * written there ({@code RDP-Tcp.reg line 14: "UserAuthentication"=dword:00000001}).
 */
public record Origin(String file, int line, String excerpt) {

  /** Characters of the line quoted; a longer one is cut, saying so. */
  static final int MAX_EXCERPT = 160;

  public Origin {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(excerpt, "excerpt");
    String oneLine = excerpt.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    excerpt = oneLine.length() > MAX_EXCERPT ? oneLine.substring(0, MAX_EXCERPT - 3) + "..." : oneLine;
  }

  @Override
  public String toString() {
    return file + " line " + line + (excerpt.isEmpty() ? "" : ": " + excerpt);
  }
}
