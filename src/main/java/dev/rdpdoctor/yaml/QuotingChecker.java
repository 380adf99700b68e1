package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.rdpdoctor.problem.ControlCharacters;

/**
 * When a written YAML string must be quoted: as Jackson decides, and also when it holds a
 * character a YAML reader would not take back as written in a plain scalar: the line breaks
 * YAML 1.1 knows besides CR and LF (NEL, LS, PS) and other control characters. A certificate
 * subject sent by a server, written plain with an LS in it, would otherwise come back as two
 * lines of YAML, or as keys of its own. Quoted, they are written as escapes ({@code \L}). The bidi
 * controls are quoted too: the command line shows them as escapes ({@link ControlCharacters}),
 * which mean the same character only in a double-quoted string.
 */
final class QuotingChecker extends StringQuotingChecker.Default {

  private static final long serialVersionUID = 1L;

  @Override
  public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || hasSpecialCharacter(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || hasSpecialCharacter(value);
  }

  static boolean hasSpecialCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
          || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c) || ControlCharacters.acted(c)) {
        return true;
      }
    }
    return false;
  }
}
