package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records every rule firing as it happens: the rule, the symptom-file values it matched, and
 * which earlier firing derived each finding it used.
 */
final class TraceRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

  private final RuleIndex rules;
  private final FactQuoter quoter;
  private final Map<Object, Integer> derivedBy = new IdentityHashMap<>();
  private final Map<RuleInfo, Integer> firingsPerRule = new IdentityHashMap<>();
  private final List<Firing> firings = new ArrayList<>();
  private int current;
  /** The rule whose consequence is running, read once the session is stopped, perhaps from another thread. */
  private volatile Rule running;

  TraceRecorder(RuleIndex rules, CaseFile caseFile, List<CaseFact> facts) {
    this.rules = rules;
    this.quoter = new FactQuoter(caseFile, facts);
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    current = firings.size() + 1;
    running = event.getMatch().getRule();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    RuleIndex.Entry entry = rules.entry(event.getMatch().getRule());
    RuleInfo rule = entry.info();
    List<MatchedFact> facts = new ArrayList<>();
    List<Integer> premises = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Object o : event.getMatch().getObjects()) {
      String path = quoter.pathOf(o);
      if (path != null) {
        facts.addAll(quoter.quote(o, path, entry.fieldsOf(o.getClass().getSimpleName())));
      } else if (o instanceof Finding f) {
        findings.add(f);
        Integer by = derivedBy.get(o);
        if (by != null && !premises.contains(by)) {
          premises.add(by);
        }
      }
    }
    firings.add(new Firing(current, rule, facts, premises, findings));
    firingsPerRule.merge(rule, 1, Integer::sum);
    current = 0;
    running = null;
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    if (current > 0) {
      derivedBy.putIfAbsent(event.getObject(), current);
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {}

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {}

  List<Firing> firings() {
    return firings;
  }

  /** Rules by how often they fired, most first: the suspects when the fire limit is reached. */
  Map<RuleInfo, Integer> busiestRules(int howMany) {
    Map<RuleInfo, Integer> out = new LinkedHashMap<>();
    firingsPerRule.entrySet().stream()
        .sorted(Map.Entry.<RuleInfo, Integer>comparingByValue().reversed().thenComparing(e -> e.getKey().key()))
        .limit(howMany)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The rule whose consequence is running (or was, when it failed), if any. */
  Optional<RuleInfo> running() {
    Rule rule = running;
    return rule == null ? Optional.empty() : Optional.of(info(rule));
  }

  RuleInfo info(Rule rule) {
    return rules.entry(rule).info();
  }
}
