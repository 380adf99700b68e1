package dev.rdpdoctor.engine;

import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * What the trace needs to know of each rule, found by the rule Drools fires rather than by
 * building its name: its {@link RuleInfo}, and the fields it reads on each fact type. Shared by
 * every session of a knowledge base; safe for concurrent use.
 */
final class RuleIndex {

  /** A rule, with the fields its patterns read by fact type. */
  record Entry(RuleInfo info, Map<String, List<String>> fieldsByType) {

    List<String> fieldsOf(String type) {
      return fieldsByType.getOrDefault(type, List.of());
    }
  }

  private final KnowledgeBase knowledge;
  /** Every rule of the KieBase, by identity: filled once, then only read. */
  private final Map<Rule, Entry> known = new IdentityHashMap<>();
  /** Any other rule object for the same rules, should Drools hand out another. */
  private final Map<Rule, Entry> others = new ConcurrentHashMap<>();

  RuleIndex(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
    for (KiePackage pkg : knowledge.kieBase().getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        if (knowledge.rule(rule.getPackageName(), rule.getName()).isPresent()) {
          known.put(rule, index(rule));
        }
      }
    }
  }

  Entry entry(Rule rule) {
    Entry e = known.get(rule);
    return e != null ? e : others.computeIfAbsent(rule, this::index);
  }

  private Entry index(Rule rule) {
    RuleInfo info = knowledge
        .rule(rule.getPackageName(), rule.getName())
        .orElseThrow(() -> new IllegalStateException("rule '" + rule.getName() + "' fired but is not indexed"));
    Map<String, List<String>> fields = new HashMap<>();
    for (PatternInfo p : info.patterns()) {
      fields.computeIfAbsent(p.type(), info::fieldsOf);
    }
    return new Entry(info, Map.copyOf(fields));
  }
}
