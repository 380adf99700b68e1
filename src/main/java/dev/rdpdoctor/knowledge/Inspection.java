package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyLocator;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.yaml.YamlDocument;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;

/**
 * A rules folder as read, whether or not it loads: the catalogs (with where each value is
 * written), the vocabulary (empty when it cannot be read), every rule found, the types the DRL declares, the DRL text by file, the errors that prevent loading, and the
 * compiled rules when there are none.
 */
public record Inspection(
    String origin,
    Optional<YamlDocument<SourceCatalog>> sourceCatalog,
    Optional<YamlDocument<CauseCatalog>> causeCatalog,
    Optional<YamlDocument<QuestionCatalog>> questionCatalog,
    Optional<YamlDocument<CodeCatalog>> codeCatalog,
    Optional<Vocabulary> vocabulary,
    Map<String, Source> sources,
    Map<String, Cause> causes,
    List<RuleInfo> rules,
    List<DeclaredType> declaredTypes,
    Map<String, String> drl,
    List<InputError> errors,
    Optional<KieBase> kieBase,
    Optional<VocabularyLocator> vocabularyLocator) {

  public Inspection {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    causes = Collections.unmodifiableMap(new LinkedHashMap<>(causes));
    rules = List.copyOf(rules);
    declaredTypes = List.copyOf(declaredTypes);
    drl = Collections.unmodifiableMap(new LinkedHashMap<>(drl));
    errors = List.copyOf(errors);
  }

  /** The consultation's questions; none without a {@code questions.yaml}. */
  public List<Question> questions() {
    return questionCatalog.map(d -> d.value().questions()).orElse(List.of());
  }

  /** What the dialog's codes mean; none without a {@code codes.yaml}. */
  public List<CodeMeaning> codes() {
    return codeCatalog.map(d -> d.value().codes()).orElse(List.of());
  }
}
