package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.Place;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyLocator;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.knowledge.load.KnowledgeLoader;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.Question;
import dev.rdpdoctor.knowledge.QuestionCatalog;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.Suggestions;
import dev.rdpdoctor.yaml.YamlDocument;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lints {@code questions.yaml}: every question names a real symptom-file key and can be
 * answered, and every fact a rule reads can be asked or is found by the probe.
 */
final class QuestionLinter {

  void lint(Inspection in, List<InputError> out) {
    Optional<YamlDocument<QuestionCatalog>> doc = in.questionCatalog();
    if (doc.isEmpty()) {
      if (in.errors().stream().anyMatch(e -> e.file().endsWith(KnowledgeLoader.QUESTIONS))) {
        return; // it is there but unreadable: that error is reported already
      }
      out.add(InputError.warning(in.origin() + "/" + KnowledgeLoader.QUESTIONS, 1, 1,
          "no " + KnowledgeLoader.QUESTIONS + ": the consultation has nothing to ask"));
      return;
    }
    if (in.vocabulary().isEmpty()) {
      return; // the vocabulary does not read: that error is reported already
    }
    Vocabulary vocabulary = in.vocabulary().get();
    SourceMap map = doc.get().sourceMap();
    List<Question> questions = doc.get().value().questions();
    Set<String> asked = new HashSet<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String at = "questions[" + i + "]";
      Optional<Place> slot = vocabulary.place(q.fact());
      if (slot.isEmpty()) {
        String hint = Suggestions.closest(q.fact(), vocabulary.places().keySet()).map(s -> " did you mean '" + s + "'?").orElse("");
        out.add(map.errorAt(at + ".fact", "question about '" + q.fact() + "': no such key in a symptom file;" + hint));
        continue;
      }
      KeyType type = slot.get().key().type();
      boolean derivable = type instanceof KeyType.YesNo || type instanceof KeyType.OneOf;
      if (q.answers().isEmpty() && !derivable) {
        out.add(map.errorAt(at + ".fact", "question about '" + q.fact() + "' needs its 'answers': the values a user can give"));
      }
      for (String required : q.requires().keySet()) {
        if (vocabulary.place(required).isEmpty()) {
          out.add(map.errorAt(at + ".requires", "question about '" + q.fact() + "' requires '" + required + "', which is no key in a symptom file"));
        }
      }
      asked.add(q.fact());
    }
    Set<String> read = new HashSet<>();
    for (RuleInfo rule : in.rules()) {
      for (PatternInfo p : rule.patterns()) {
        String simpleType = p.type().substring(p.type().lastIndexOf('.') + 1);
        for (String field : p.fields()) {
          String[] parts = field.split("\\.");
          for (int n = 1; n <= parts.length; n++) {
            read.add(simpleType + "." + String.join(".", Arrays.copyOf(parts, n)));
          }
        }
      }
    }
    in.vocabularyLocator().ifPresent(locator -> unread(vocabulary, read, asked, locator, out));
    for (RuleInfo rule : in.rules()) {
      for (PatternInfo p : rule.patterns()) {
        String simple = p.type().substring(p.type().lastIndexOf('.') + 1);
        List<String> insertedAt = vocabulary.factTypes().getOrDefault(simple, List.of());
        Optional<SectionType> type = vocabulary.type(simple);
        if (insertedAt.isEmpty() || type.isEmpty()) {
          continue;
        }
        String section = insertedAt.get(0);
        for (String field : p.fields()) {
          if (field.endsWith("()") || RuleLinter.unknownField(vocabulary, type.get(), field).isPresent()) {
            continue; // reported as a field that does not exist
          }
          boolean listed = vocabulary.place(section).map(pl -> pl.key().isList()).orElse(false);
          String path = listed ? section
              : section + "." + type.get().keyOfField(field.split("\\.")[0]).orElseThrow().name();
          if (!path.startsWith("probe.") && !asked.contains(path)) {
            out.add(InputError.error(rule.file(), p.line(), 1, "rule '" + rule.name() + "' reads " + path
                + ", which no question in " + KnowledgeLoader.QUESTIONS + " asks and the probe does not find"));
          }
        }
      }
    }
  }

  /**
   * A warning for each key a rule could read that no rule reads and no question asks: a fact
   * nobody weighs. Keys no rule can read (the title, the notes, the expectation), keys kept as
   * context for the report, sections, and the keys a worked-out key is computed from are not
   * counted.
   */
  private static void unread(Vocabulary vocabulary, Set<String> read, Set<String> asked, VocabularyLocator locator,
      List<InputError> out) {
    Set<String> derivedFrom = new HashSet<>();
    for (Place place : vocabulary.places().values()) {
      place.key().derived().ifPresent(d -> {
        String parent = place.path().substring(0, place.path().length() - place.key().name().length());
        d.from().forEach(from -> derivedFrom.add(parent + from));
      });
    }
    for (Place place : vocabulary.places().values()) {
      if (place.readAs().isEmpty() || place.key().context() || place.key().section().isPresent()
          || derivedFrom.contains(place.path())
          || read.contains(place.readAs().get().toString()) || askedAbout(place.path(), asked)) {
        continue;
      }
      out.add(locator.warning("types." + place.in().name() + ".keys." + place.key().name(),
          place.path() + " is declared but no rule reads it (" + place.readAs().get() + ") and no question asks it:"
              + " write the rule that weighs it, or mark it 'context: true' if it is kept only for the report"));
    }
  }

  /** Whether a question fills {@code path}: asks it, or a list or section it is in. */
  private static boolean askedAbout(String path, Set<String> asked) {
    for (String q : asked) {
      if (path.equals(q) || path.startsWith(q + "[]") || path.startsWith(q + ".")) {
        return true;
      }
    }
    return false;
  }
}
