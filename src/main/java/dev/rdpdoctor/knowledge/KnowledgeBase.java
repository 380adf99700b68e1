package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kie.api.KieBase;

/**
 * A loaded knowledge base: the compiled rules, what is known of each rule, and the catalogs of
 * causes and sources. Immutable and shared by all sessions of a process.
 *
 * @param origin where it was loaded from, as shown to the user
 * @param questions what the consultation may ask, from {@code questions.yaml}
 * @param codes what the codes of the error dialog mean, from {@code codes.yaml}
 * @param vocabulary every key a symptom file may hold and the facts the rules read, from
 *     {@code vocabulary/*.yaml}; checked, and from the compiled form when the rules are precompiled
 *     or cached
 */
public record KnowledgeBase(
    String origin,
    KieBase kieBase,
    Map<String, RuleInfo> rules,
    Map<String, Cause> causes,
    Map<String, Source> sources,
    List<Question> questions,
    List<CodeMeaning> codes,
    Vocabulary vocabulary) {

  /**
   * The package of the fact types declared from the vocabulary: rules import
   * {@code facts.RdpSettings}, and {@code kieBase().getFactType(FACT_PACKAGE, "RdpSettings")} makes one.
   */
  public static final String FACT_PACKAGE = "facts";

  public KnowledgeBase {
    Objects.requireNonNull(vocabulary, "vocabulary");
    rules = Map.copyOf(rules);
    causes = Collections.unmodifiableMap(new LinkedHashMap<>(causes));
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    questions = List.copyOf(questions);
    codes = List.copyOf(codes);
  }

  /** What the dialog's code means, when the knowledge base says. */
  public Optional<CodeMeaning> meaning(CodeMeaning.Kind kind, Long code) {
    return code == null ? Optional.empty()
        : codes.stream().filter(c -> c.kind() == kind && c.code().equals(code)).findFirst();
  }

  /** The rule with this package-qualified name. */
  public Optional<RuleInfo> rule(String packageName, String name) {
    return Optional.ofNullable(rules.get((packageName == null || packageName.isEmpty() ? "" : packageName + ".") + name));
  }

  public Collection<RuleInfo> allRules() {
    return rules.values();
  }

  public Cause cause(String id) {
    Cause c = causes.get(id);
    if (c == null) {
      throw new IllegalArgumentException("no cause '" + id + "' in the catalog");
    }
    return c;
  }

  public Optional<Source> source(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  /**
   * Whether only unofficial sources claim what these rules say: every source they cite that the
   * catalog knows is of low reliability (true when they cite none).
   */
  public boolean onlyUnofficial(Collection<RuleInfo> rules) {
    return rules.stream().flatMap(r -> r.sources().stream()).map(sources::get).filter(Objects::nonNull)
        .allMatch(s -> s.reliability() == Reliability.LOW);
  }
}
