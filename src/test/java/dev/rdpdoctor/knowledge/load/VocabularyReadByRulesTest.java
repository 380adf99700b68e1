package dev.rdpdoctor.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every fact type and field a bundled rule reads is declared in the vocabulary, under the name
 * the rule uses: with the vocabulary as the only definition of the facts, no rule loses a field.
 */
class VocabularyReadByRulesTest {

  /** The rules' function library, which a rule may call on any text field of any fact; not a field. */
  private static final Set<String> FUNCTIONS = Set.of("mentions()");

  @Test
  void everyFieldABundledRuleReadsIsDeclared() {
    Vocabulary vocabulary = new VocabularyReader().read(Path.of("rules", VocabularyReader.FOLDER), "rules/vocabulary");
    Inspection rules = new KnowledgeLoader().inspect(RuleFiles.read(Path.of("rules")), "rules", KnowledgeLoader.Mode.INDEX);
    assertThat(rules.errors()).isEmpty();
    Map<String, SectionType> readable = vocabulary.readableTypes().stream()
        .collect(Collectors.toMap(SectionType::name, t -> t));
    List<String> unknown = new ArrayList<>();
    List<String> read = new ArrayList<>();
    for (RuleInfo rule : rules.rules()) {
      for (PatternInfo p : rule.patterns()) {
        String type = p.type().substring(p.type().lastIndexOf('.') + 1);
        if (type.equals("Finding")) {
          continue;
        }
        SectionType fact = readable.get(type);
        if (fact == null) {
          unknown.add(rule.id() + ": " + type);
          continue;
        }
        for (String field : p.fields()) {
          if (FUNCTIONS.contains(field)) {
            continue;
          }
          if (resolve(vocabulary, fact, field).isEmpty()) {
            unknown.add(rule.id() + ": " + type + "." + field);
          } else {
            read.add(type + "." + field);
          }
        }
      }
    }
    assertThat(unknown).as("fields the rules read that the vocabulary does not declare").isEmpty();
    assertThat(read).contains("RdpSettings.nlaRequired", "WindowsEvent.id", "ProbeTls.certificate.expired",
        "ErrorReport.when", "Gateway.nameMatches");
  }

  /** The key a field path names, through sections ({@code certificate.expired} on ProbeTls). */
  private static Optional<Key> resolve(Vocabulary vocabulary, SectionType type, String fieldPath) {
    SectionType at = type;
    Optional<Key> key = Optional.empty();
    for (String part : fieldPath.split("\\.")) {
      if (at == null) {
        return Optional.empty();
      }
      SectionType here = at;
      key = here.keys().stream().filter(k -> k.field().equals(part)).findFirst();
      if (key.isEmpty()) {
        return key;
      }
      at = key.get().section().flatMap(s -> vocabulary.type(s.typeName())).orElse(null);
    }
    return key;
  }
}
