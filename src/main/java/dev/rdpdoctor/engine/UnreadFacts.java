package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseValues.Section;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.Place;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts a user gave that no rule of the knowledge base reads, and the notes, which no rule
 * ever reads: a report lists them so that nobody believes they were weighed. What a rule reads is
 * worked out once per knowledge base, from the fields its patterns name.
 */
final class UnreadFacts {

  /** The key of free text that is kept but never read. */
  static final String NOTES = "notes";

  private final Vocabulary vocabulary;
  private final Set<String> read = new HashSet<>();
  /** The keys worked-out keys are computed from ({@code certificate.not_after}), with the fields of those keys. */
  private final Map<String, List<String>> derivedFrom = new HashMap<>();

  UnreadFacts(KnowledgeBase knowledge) {
    this.vocabulary = knowledge.vocabulary();
    for (Place place : vocabulary.places().values()) {
      place.key().derived().ifPresent(d -> {
        String parent = place.path().substring(0, place.path().length() - place.key().name().length());
        place.readAs().ifPresent(field -> d.from().forEach(from ->
            derivedFrom.computeIfAbsent(parent + from, k -> new ArrayList<>()).add(field.toString())));
      });
    }
    for (RuleInfo rule : knowledge.allRules()) {
      for (PatternInfo p : rule.patterns()) {
        String type = p.type().substring(p.type().lastIndexOf('.') + 1);
        for (String field : p.fields()) {
          String[] parts = field.split("\\.");
          for (int n = 1; n <= parts.length; n++) {
            read.add(type + "." + String.join(".", Arrays.copyOf(parts, n)));
          }
        }
      }
    }
  }

  List<Diagnosis.Unread> of(CaseFile caseFile) {
    List<Diagnosis.Unread> out = new ArrayList<>();
    collect(caseFile, caseFile.values().root(), "", out);
    return out;
  }

  private void collect(CaseFile caseFile, Section section, String path, List<Diagnosis.Unread> out) {
    for (Map.Entry<String, Object> e : section.values().entrySet()) {
      String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      Key key = section.type().key(e.getKey()).orElse(null);
      if (key == null || caseFile.derivations().containsKey(at)) {
        continue;
      }
      Object value = e.getValue();
      if (value instanceof Section inner) {
        collect(caseFile, inner, at, out);
      } else if (value instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Section) {
        for (int i = 0; i < items.size(); i++) {
          collect(caseFile, (Section) items.get(i), at + "[" + i + "]", out);
        }
      } else if (unread(at, key)) {
        String written = caseFile.sourceMap().find(at).map(l -> l.text()).filter(t -> !t.isEmpty())
            .orElseGet(() -> String.valueOf(value));
        out.add(new Diagnosis.Unread(at, written));
      }
    }
  }

  private boolean unread(String path, Key key) {
    if (path.equals(NOTES)) {
      return true;
    }
    String pattern = Place.pattern(path);
    Place place = vocabulary.place(pattern).orElse(null);
    // a key a worked-out key is computed from is read when that key is
    return place != null && place.readAs().isPresent() && !read.contains(place.readAs().get().toString())
        && derivedFrom.getOrDefault(pattern, List.of()).stream().noneMatch(read::contains);
  }
}
