package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.yaml.Excerpt;
import dev.rdpdoctor.yaml.Spelled;
import dev.rdpdoctor.yaml.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values a {@code one-of} key may take: {@code SecurityLayer} is {@code rdp}, {@code negotiate}
 * or {@code tls}. Each is written as its spelling or an alias, ignoring case, spaces and
 * underscores; the rules read it as a constant ({@code SecurityLayer.RDP}).
 */
public record ValueSet(String name, List<Choice> choices) {

  /** One value: how it is spelt, and what else people type for it ({@code wifi} for {@code wi-fi}). */
  public record Choice(String spelling, List<String> aliases) {

    public Choice {
      if (spelling == null || !spelling.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
        throw new IllegalArgumentException("value '" + spelling + "' is not spelt in lower case with hyphens, e.g. 'wi-fi'");
      }
      aliases = aliases == null ? List.of() : aliases.stream().map(Spelled::normalise).toList();
    }

    /** The constant the rules compare with: {@code wi-fi} is {@code WI_FI}. */
    public String constant() {
      return spelling.toUpperCase(Locale.ROOT).replace('-', '_');
    }
  }

  public ValueSet {
    choices = List.copyOf(choices);
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("the set " + name + " has no values");
    }
    Map<String, String> seen = new LinkedHashMap<>();
    for (Choice c : choices) {
      for (String written : concat(c.spelling(), c.aliases())) {
        String before = seen.putIfAbsent(written, c.spelling());
        if (before != null && !before.equals(c.spelling())) {
          throw new IllegalArgumentException("'" + written + "' would mean both '" + before + "' and '" + c.spelling() + "'");
        }
      }
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** The spelling {@code text} stands for, if any: its spelling or an alias, in any case and spacing. */
  public Optional<String> find(String text) {
    String n = normalise(text);
    for (Choice c : choices) {
      if (c.spelling().equals(n) || c.aliases().contains(n)) {
        return Optional.of(c.spelling());
      }
    }
    return Optional.empty();
  }

  /**
   * As {@link Spelled#normalise}: stripped, lower case, each run of spaces and underscores one
   * hyphen; without a regular expression, as it runs for every value of every case.
   */
  static String normalise(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(t.length());
    boolean run = false;
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (" \t\n\u000B\f\r_".indexOf(ch) >= 0) {
        if (!run) {
          out.append('-');
        }
        run = true;
      } else {
        out.append(ch);
        run = false;
      }
    }
    return out.toString();
  }

  /** The spelling {@code text} stands for; anything else names the allowed values, with a did-you-mean. */
  public String parse(String text) {
    return find(text).orElseThrow(() -> new IllegalArgumentException("'" + Excerpt.of(text) + "' is not allowed;"
        + Suggestions.closest(normalise(text), spellings()).map(s -> " did you mean '" + s + "'?").orElse("")
        + " allowed: " + String.join(", ", spellings())));
  }

  public List<String> spellings() {
    return choices.stream().map(Choice::spelling).toList();
  }

  /**
   * As the reference table shows it: {@code `wired`, `wi-fi`}; a set whose values each have a
   * number among their aliases shows it: {@code `rdp` (0), `negotiate` (1), `tls` (2)}.
   */
  public String describe() {
    boolean numbered = choices.stream().allMatch(c -> c.aliases().stream().anyMatch(a -> a.matches("\\d+")));
    return String.join(", ", choices.stream()
        .map(c -> "`" + c.spelling() + "`"
            + (numbered ? " (" + c.aliases().stream().filter(a -> a.matches("\\d+")).findFirst().orElseThrow() + ")" : ""))
        .toList());
  }
}
