package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.Fact;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private final KnowledgeBase knowledge;
  private final FactQuoter quoter;
  private final Map<Object, String> paths = new IdentityHashMap<>();
  private final Map<Object, Integer> derivedBy = new IdentityHashMap<>();
  private final Map<String, Integer> firingsPerRule = new HashMap<>();
  private final List<Firing> firings = new ArrayList<>();
  private int current;
  /** The rule whose consequence is running, read by the thread that waits for the session. */
  private volatile Rule running;

  TraceRecorder(KnowledgeBase knowledge, CaseFile caseFile) {
    this.knowledge = knowledge;
    this.quoter = new FactQuoter(caseFile);
    for (Fact f : caseFile.facts()) {
      paths.put(f.value(), f.path());
    }
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    current = firings.size() + 1;
    running = event.getMatch().getRule();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    RuleInfo rule = info(event.getMatch().getRule());
    List<MatchedFact> facts = new ArrayList<>();
    List<Integer> premises = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Object o : event.getMatch().getObjects()) {
      String path = paths.get(o);
      if (path != null) {
        facts.addAll(quoter.quote(o, path, rule.fieldsOf(o.getClass().getSimpleName())));
      } else if (o instanceof Finding f) {
        findings.add(f);
        Integer by = derivedBy.get(o);
        if (by != null && !premises.contains(by)) {
          premises.add(by);
        }
      }
    }
    firings.add(new Firing(current, rule, facts, premises, findings));
    firingsPerRule.merge(rule.key(), 1, Integer::sum);
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
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(howMany)
        .forEach(e -> out.put(knowledge.rules().get(e.getKey()), e.getValue()));
    return out;
  }

  /** The rule whose consequence is running (or was, when it failed), if any. */
  java.util.Optional<RuleInfo> running() {
    Rule rule = running;
    return rule == null ? java.util.Optional.empty() : java.util.Optional.of(info(rule));
  }

  RuleInfo info(Rule rule) {
    return knowledge
        .rule(rule.getPackageName(), rule.getName())
        .orElseThrow(() -> new IllegalStateException("rule '" + rule.getName() + "' fired but is not indexed"));
  }
}
