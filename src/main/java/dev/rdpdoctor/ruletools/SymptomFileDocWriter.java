package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.ValueSet;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The symptom-file reference in Markdown ({@code docs/symptom-file.md}), generated from the
 * vocabulary: a table of the top level, then one part per section of the symptom file, each with
 * every key (nested ones by their path, {@code gateway.fqdn}, {@code recent_changes[].kind}), its
 * type (a number with its range, the allowed values with the other spellings each accepts), its
 * meaning and an example, then where Windows keeps the values of the keys that say. The knowledge team's text ({@link SymptomFileText}) goes around the
 * tables: its preamble first, and the text under a section's heading before that section's table.
 */
public final class SymptomFileDocWriter {

  /** The title when there is no hand-written text. */
  static final String TITLE = "# The symptom file";

  /**
   * @param text the hand-written text, if the vocabulary has one
   * @throws InvalidInputException located in the text, when a heading names no section or one twice
   */
  public String write(Vocabulary vocabulary, Optional<SymptomFileText> text) {
    List<Key> sections = vocabulary.root().keys().stream().filter(k -> k.section().isPresent()).toList();
    Map<String, SymptomFileText.Part> headings = headings(sections, text);
    StringBuilder out = new StringBuilder();
    List<String> preamble = text.map(SymptomFileText::preamble).filter(p -> !blank(p)).orElse(List.of(TITLE));
    block(out, withNote(preamble));

    // a section type is listed in full once; elsewhere it is referred to by where it is listed
    Map<String, String> listedAt = new HashMap<>();
    sections.forEach(k -> listedAt.putIfAbsent(k.section().orElseThrow().typeName(), k.name()));

    SymptomFileText.Part top = headings.get("");
    block(out, List.of(top == null ? "## " + SymptomFileText.TOP_LEVEL : top.heading()));
    block(out, List.of(vocabulary.root().doc()));
    if (top != null) {
      block(out, top.text());
    }
    List<String> table = header();
    vocabulary.root().keys().forEach(k -> table.add(row(k.name(), k, describe(k, k.name(), listedAt))));
    block(out, table);
    block(out, windows(vocabulary.root().keys().stream().filter(k -> k.section().isEmpty())
        .collect(Collectors.toMap(Key::name, k -> k, (a, b) -> a, LinkedHashMap::new))));

    for (Key section : sections) {
      SymptomFileText.Part part = headings.get(section.name());
      SectionType type = vocabulary.type(section.section().orElseThrow().typeName()).orElseThrow();
      block(out, List.of(part == null ? "## `" + section.name() + "`" : part.heading()));
      block(out, List.of(type.doc()));
      if (!type.requiredOneOf().isEmpty()) {
        block(out, List.of((section.isList() ? "Each item" : "The section") + " needs at least one of "
            + type.requiredOneOf().stream().map(SymptomFileDocWriter::code).collect(Collectors.joining(", ")) + "."));
      }
      if (part != null) {
        block(out, part.text());
      }
      List<String> rows = header();
      Map<String, Key> found = new LinkedHashMap<>();
      found.put(section.name(), section);
      rows(vocabulary, type, "", section.name() + (section.isList() ? "[]." : "."), listedAt, rows, found);
      block(out, rows);
      block(out, windows(found));
    }
    return out.toString();
  }

  /** The hand-written parts by the section they precede ({@code ""} for the top level), checked. */
  private static Map<String, SymptomFileText.Part> headings(List<Key> sections, Optional<SymptomFileText> text) {
    Map<String, SymptomFileText.Part> out = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return out;
    }
    List<String> names = sections.stream().map(Key::name).toList();
    List<InputError> errors = new ArrayList<>();
    for (SymptomFileText.Part part : text.get().parts()) {
      String name = part.isTopLevel() ? "" : part.names();
      if (!part.isTopLevel() && !names.contains(name)) {
        errors.add(InputError.error(text.get().file(), part.line(), 1, "the heading '" + part.heading()
            + "' names no section of the symptom file"
            + Suggestions.closest(name, names).map(s -> " (did you mean '" + s + "'?)").orElse("")
            + ": a heading is '## " + SymptomFileText.TOP_LEVEL + "' or names a section in backticks, one of "
            + names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))));
        continue;
      }
      SymptomFileText.Part first = out.putIfAbsent(name, part);
      if (first != null) {
        errors.add(InputError.error(text.get().file(), part.line(), 1, "a second heading for "
            + (name.isEmpty() ? "the top level" : "the section '" + name + "'") + ": the first is on line " + first.line()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return out;
  }

  /** The preamble with the line saying where the file comes from, after its title. */
  private static List<String> withNote(List<String> preamble) {
    List<String> lines = new ArrayList<>(preamble);
    int title = 0;
    while (title < lines.size() && lines.get(title).isBlank()) {
      title++;
    }
    int at = title < lines.size() && lines.get(title).startsWith("# ") ? title + 1 : 0;
    if (at < lines.size() && !lines.get(at).isBlank()) {
      lines.add(at, "");
    }
    lines.addAll(at, List.of("", "Generated by `rdp-doctor rules doc --symptom-file` from the rules folder's `vocabulary/`:"
        + " the keys from its `*.yaml` files, the text around the tables from `vocabulary/" + SymptomFileText.NAME
        + "`. Edit those, not this file."));
    return lines;
  }

  /**
   * The rows of {@code type}'s keys, and of the keys of the sections in it listed here.
   *
   * @param found the keys listed, by the name shown
   */
  private static void rows(Vocabulary vocabulary, SectionType type, String prefix, String pathPrefix,
      Map<String, String> listedAt, List<String> out, Map<String, Key> found) {
    for (Key k : type.keys()) {
      String name = prefix + k.name();
      String path = pathPrefix + k.name();
      out.add(row(name, k, describe(k, path, listedAt)));
      found.put(name, k);
      Optional<KeyType.Section> section = k.section();
      if (section.isPresent() && listedAt.computeIfAbsent(section.get().typeName(), t -> path).equals(path)) {
        String more = k.isList() ? "[]." : ".";
        rows(vocabulary, vocabulary.type(section.get().typeName()).orElseThrow(), name + more, path + more, listedAt, out, found);
      }
    }
  }

  /**
   * Where Windows keeps the values of {@code keys} (by the name shown), for those that say: a
   * list of sections gathers from every place it names, any other key takes the first found.
   */
  private static List<String> windows(Map<String, Key> keys) {
    List<String> lines = new ArrayList<>();
    keys.forEach((name, k) -> {
      if (!k.windows().isEmpty()) {
        lines.add("- `" + name + "`: " + k.windows().stream().map(WindowsSourceText::of)
            .collect(Collectors.joining(k.section().isPresent() && k.isList() ? "; and " : "; if not set there, ")));
      }
    });
    if (!lines.isEmpty()) {
      lines.add(0, "Where to find them on Windows:");
      lines.add(1, "");
    }
    return lines;
  }

  private static List<String> header() {
    List<String> rows = new ArrayList<>();
    rows.add("| key | type | meaning | example |");
    rows.add("|---|---|---|---|");
    return rows;
  }

  private static String row(String name, Key k, String type) {
    return "| `" + name + "`" + (k.required() ? " (required)" : "") + " | " + cell(type) + " | " + cell(k.doc()) + " | "
        + k.example().map(SymptomFileDocWriter::code).map(SymptomFileDocWriter::cell).orElse("") + " |";
  }

  /** The type column: {@code whole number 1 to 65,535}, the allowed values, {@code section, as `certificate`}. */
  private static String describe(Key k, String path, Map<String, String> listedAt) {
    if (k.type() instanceof KeyType.ListOf l && l.item() instanceof KeyType.Section) {
      return "list";
    }
    if (k.type() instanceof KeyType.Section s) {
      String listed = listedAt.get(s.typeName());
      return listed == null || listed.equals(path) ? "section" : "section, as `" + listed + "`";
    }
    return describe(k.type());
  }

  private static String describe(KeyType t) {
    if (t instanceof KeyType.YesNo) {
      return "true/false";
    }
    if (t instanceof KeyType.WholeNumber n) {
      return "whole number" + range(n.min() == Long.MIN_VALUE ? null : BigDecimal.valueOf(n.min()),
          n.max() == Long.MAX_VALUE ? null : BigDecimal.valueOf(n.max()));
    }
    if (t instanceof KeyType.Decimal d) {
      return "number" + range(Double.isInfinite(d.min()) ? null : BigDecimal.valueOf(d.min()),
          Double.isInfinite(d.max()) ? null : BigDecimal.valueOf(d.max()));
    }
    if (t instanceof KeyType.OneOf o) {
      return values(o.set());
    }
    if (t instanceof KeyType.ListOf l) {
      return "list of " + describe(l.item());
    }
    return t.describe();
  }

  private static String range(BigDecimal min, BigDecimal max) {
    if (min != null && max != null) {
      return " " + number(min) + " to " + number(max);
    }
    return min != null ? " from " + number(min) : max != null ? " up to " + number(max) : "";
  }

  /** {@code 65,535}, {@code 0.5}: grouped thousands, no trailing zeros. */
  private static String number(BigDecimal n) {
    BigDecimal plain = n.stripTrailingZeros();
    return plain.scale() <= 0
        ? String.format(Locale.ROOT, "%,d", plain.longValueExact())
        : String.format(Locale.ROOT, "%,." + plain.scale() + "f", plain);
  }

  /** {@code `wired` (`ethernet`, `lan`), `vpn`}: each value, with the other spellings it accepts. */
  private static String values(ValueSet set) {
    return set.choices().stream()
        .map(c -> code(c.spelling()) + (c.aliases().isEmpty() ? ""
            : " (" + c.aliases().stream().map(SymptomFileDocWriter::code).collect(Collectors.joining(", ")) + ")"))
        .collect(Collectors.joining(", "));
  }

  private static String code(String text) {
    return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
  }

  /** A table cell: a pipe would end it, a line break the row. */
  private static String cell(String text) {
    return text.strip().replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
  }

  private static boolean blank(List<String> lines) {
    return lines.stream().allMatch(String::isBlank);
  }

  /** Appends lines as one block: blank lines at its edges dropped, one blank line before it. */
  private static void block(StringBuilder out, List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    if (from == to) {
      return;
    }
    if (!out.isEmpty()) {
      out.append('\n');
    }
    for (String line : lines.subList(from, to)) {
      out.append(line.stripTrailing()).append('\n');
    }
  }
}
