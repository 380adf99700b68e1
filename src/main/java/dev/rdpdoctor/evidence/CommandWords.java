package dev.rdpdoctor.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words of a command line, as the vocabulary's {@code run:} and an output's prompt give them,
 * and whether an output fits a source: the same command (its other names counted: {@code query
 * session} is {@code qwinsta}), and each word the output tells among the source's, where a word in
 * capitals ({@code HOST}, {@code KEY_FILE}) stands for any value that is not an option.
 */
final class CommandWords {

  private static final Map<String, String> SAME = Map.of("query session", "qwinsta", "query user", "quser",
      "tnc", "test-netconnection", "sc.exe", "sc", "icacls.exe", "icacls", "certutil.exe", "certutil");
  private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]{2,}");

  private CommandWords() {}

  /** The words of a command line, lower case, quotes removed, the command's other names made one. */
  static List<String> of(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    String s = line.strip();
    int pipe = pipe(s);
    if (pipe >= 0) {
      s = s.substring(0, pipe).strip();
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (Character.isWhitespace(c)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    if (words.size() >= 2) {
      String two = (words.get(0) + " " + words.get(1)).toLowerCase(Locale.ROOT);
      if (SAME.containsKey(two)) {
        words.remove(0);
        words.set(0, SAME.get(two));
      }
    }
    if (!words.isEmpty()) {
      String first = words.get(0).toLowerCase(Locale.ROOT);
      words.set(0, SAME.getOrDefault(first, first));
    }
    return words;
  }

  /** Where a pipe outside quotes is; -1 when there is none. */
  private static int pipe(String s) {
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '|') {
        return i;
      }
    }
    return -1;
  }

  /** Whether the output of {@code told} (as read from an output) fits the source that runs {@code run}. */
  static boolean fits(List<String> told, String run) {
    List<String> source = of(run);
    if (told.isEmpty() || source.isEmpty() || !told.get(0).equalsIgnoreCase(source.get(0))) {
      return false;
    }
    for (String word : told.subList(1, told.size())) {
      if (source.stream().skip(1).noneMatch(s -> matches(s, word))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a word of a source stands for a word of an output: the same, or a placeholder for any value. */
  private static boolean matches(String sourceWord, String word) {
    if (sourceWord.equalsIgnoreCase(word)) {
      return true;
    }
    if (word.startsWith("-") || word.startsWith("/")) {
      return false;
    }
    StringBuilder regex = new StringBuilder("(?i)");
    var m = PLACEHOLDER.matcher(sourceWord);
    int at = 0;
    while (m.find()) {
      regex.append(Pattern.quote(sourceWord.substring(at, m.start()))).append(".+");
      at = m.end();
    }
    if (at == 0) {
      return false;
    }
    regex.append(Pattern.quote(sourceWord.substring(at)));
    return word.matches(regex.toString());
  }
}
