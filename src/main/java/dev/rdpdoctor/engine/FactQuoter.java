package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseValues.Section;
import dev.rdpdoctor.casefile.vocabulary.DateEstimate;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.yaml.Located;
import dev.rdpdoctor.yaml.Spelled;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Quotes the values a rule read on a fact, as paths and text of the user's symptom file. */
final class FactQuoter {

  private final CaseFile caseFile;
  /** The case's facts and their paths, side by side: a case has a handful, so a scan finds one fastest. */
  private final Object[] facts;
  private final String[] paths;
  /** What was quoted of each fact, by field: many rules read the same fields of the same fact. */
  private final Map<String, Optional<MatchedFact>>[] quoted;

  /** The section each fact was made from, side by side with it. */
  private final Section[] sections;

  @SuppressWarnings("unchecked")
  FactQuoter(CaseFile caseFile, List<CaseFact> caseFacts) {
    this.caseFile = caseFile;
    int n = caseFacts.size();
    this.facts = new Object[n];
    this.paths = new String[n];
    this.sections = new Section[n];
    for (int i = 0; i < n; i++) {
      facts[i] = caseFacts.get(i).value();
      paths[i] = caseFacts.get(i).path();
      sections[i] = caseFacts.get(i).section();
    }
    this.quoted = new Map[n];
  }

  /** Where in the symptom file this fact of the case came from; null for anything else (a finding). */
  String pathOf(Object fact) {
    int i = indexOf(fact);
    return i < 0 ? null : paths[i];
  }

  private int indexOf(Object fact) {
    for (int i = 0; i < facts.length; i++) {
      if (facts[i] == fact) {
        return i;
      }
    }
    return -1;
  }

  List<MatchedFact> quote(Object fact, String factPath, List<String> fields) {
    List<MatchedFact> out = new ArrayList<>();
    int at = indexOf(fact);
    Map<String, Optional<MatchedFact>> ofFact = at < 0 ? new HashMap<>()
        : quoted[at] != null ? quoted[at] : (quoted[at] = new HashMap<>());
    Section section = at < 0 ? null : sections[at];
    for (String field : fields) {
      if (section != null && !field.endsWith("()")) {
        quoteField(ofFact, section, factPath, field).ifPresent(out::add);
      }
    }
    if (out.isEmpty()) {
      out.add(quoteValue(factPath, fact));
    }
    return out;
  }

  /** A fact is always quoted under the same path, so its fields can be quoted once. */
  private Optional<MatchedFact> quoteField(
      Map<String, Optional<MatchedFact>> ofFact, Section section, String factPath, String fieldPath) {
    Optional<MatchedFact> q = ofFact.get(fieldPath);
    if (q == null) {
      q = resolve(section, factPath, fieldPath);
      ofFact.put(fieldPath, q);
    }
    return q;
  }

  /**
   * The value a field path ({@code nlaRequired}, {@code certificate.notAfter}) reads, through the
   * vocabulary: each field is a key of its section, an unknown one unknown; a code shown in hex.
   */
  private Optional<MatchedFact> resolve(Section section, String factPath, String fieldPath) {
    Object value = section;
    StringBuilder path = new StringBuilder(factPath);
    boolean code = false;
    for (String part : fieldPath.split("\\.")) {
      if (!(value instanceof Section s)) {
        return Optional.empty();
      }
      Key key = s.type().keyOfField(part).orElse(null);
      if (key == null) {
        return Optional.empty();
      }
      code = key.type() instanceof KeyType.Code;
      value = s.values().get(key.name());
      path.append('.').append(key.name());
    }
    Object shown = code && value instanceof Long c ? "0x" + Long.toHexString(c).toUpperCase(Locale.ROOT) : value;
    return Optional.of(quoteValue(path.toString(), shown));
  }

  private MatchedFact quoteValue(String path, Object value) {
    Optional<Located> written = caseFile.sourceMap().find(path);
    Optional<Located> near = written.isPresent() ? written : caseFile.sourceMap().nearest(path);
    String derivation = caseFile.derivations().get(path);
    String text = value instanceof DateEstimate
        ? format(value) // the words and the day taken for them: "last week (about 2026-11-12)"
        : written.map(Located::text).filter(t -> !t.isEmpty()).orElseGet(() -> format(value));
    if (written.isEmpty() && derivation == null && near.isPresent() && !near.get().text().isEmpty()) {
      text = near.get().text();
    }
    Optional<Integer> line = derivation != null && written.isEmpty()
        ? Optional.empty()
        : near.map(Located::line);
    return new MatchedFact(path, text, line, Optional.ofNullable(derivation));
  }

  static String format(Object value) {
    if (value == null) {
      return "unknown";
    }
    if (value instanceof Enum<?> e) {
      return Spelled.spelling(e);
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(FactQuoter::format).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Finding f) {
      return f.name();
    }
    return String.valueOf(value);
  }
}
