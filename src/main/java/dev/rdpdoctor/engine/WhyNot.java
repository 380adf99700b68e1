package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why a cause did not rank: the rules that could have supported it but did not fire, and for
 * each of their conditions the facts they read as the case has them, unknown or otherwise.
 */
public final class WhyNot {

  /** A rule that could have supported the cause, with the state of what it reads. */
  public record MissedRule(RuleInfo rule, List<Condition> conditions) {}

  /**
   * One pattern of the rule: its text, and the case's values for the fields it reads (empty
   * when unknown).
   */
  public record Condition(String pattern, boolean negated, List<FactState> facts) {

    public boolean allKnown() {
      return facts.stream().allMatch(f -> f.value().isPresent());
    }
  }

  /**
   * A symptom-file value a rule reads; empty when the case does not say.
   *
   * @param list whether the path is a list with no items ({@code events}: none listed)
   */
  public record FactState(String path, Optional<String> value, boolean list) {}

  private final KnowledgeBase knowledge;

  public WhyNot(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  public List<MissedRule> explain(Diagnosis d, String causeId) {
    Set<String> fired = new HashSet<>();
    d.firings().forEach(f -> fired.add(f.rule().key()));
    FactQuoter quoter = new FactQuoter(d.caseFile(), d.facts());
    List<MissedRule> out = new ArrayList<>();
    knowledge.allRules().stream()
        .filter(r -> r.cause().filter(causeId::equals).isPresent() && r.cf().orElse(0.0) > 0)
        .filter(r -> !fired.contains(r.key()))
        .sorted(Comparator.comparingDouble((RuleInfo r) -> -r.cf().orElse(0.0)).thenComparing(RuleInfo::id))
        .forEach(r -> out.add(new MissedRule(r, conditions(r, d, quoter))));
    return out;
  }

  private List<Condition> conditions(RuleInfo rule, Diagnosis d, FactQuoter quoter) {
    Vocabulary knowledgeVocabulary = knowledge.vocabulary();
    CaseFile c = d.caseFile();
    List<Condition> out = new ArrayList<>();
    for (PatternInfo p : rule.patterns()) {
      String type = p.type().substring(p.type().lastIndexOf('.') + 1);
      String text = type + "(" + String.join(", ", p.constraints()) + ")";
      List<CaseFact> facts = d.facts().stream().filter(f -> f.section().type().name().equals(type)).toList();
      List<FactState> states = new ArrayList<>();
      if (facts.isEmpty()) {
        states.add(new FactState(listPath(knowledgeVocabulary, type), Optional.empty(), true));
      }
      for (CaseFact f : p.fields().isEmpty() ? List.<CaseFact>of() : facts) {
        for (MatchedFact m : quoter.quote(f.value(), f.path(), p.fields())) {
          boolean unknown = m.value().equals("unknown") && c.sourceMap().find(m.path()).isEmpty() && m.derivation().isEmpty();
          states.add(new FactState(m.path(), unknown ? Optional.empty() : Optional.of(m.value()), false));
        }
      }
      out.add(new Condition(text, p.negated(), states));
    }
    return out;
  }

  private static String listPath(Vocabulary vocabulary, String type) {
    List<String> paths = vocabulary.factTypes().getOrDefault(type, List.of());
    return paths.isEmpty() ? type : paths.get(0).replace("[]", "");
  }
}
