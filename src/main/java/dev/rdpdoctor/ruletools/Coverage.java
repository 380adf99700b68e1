package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.List;

/** What the samples leave untested: rules that fired in none, causes that were never on top. */
public record Coverage(int rules, List<RuleInfo> unfiredRules, int causes, List<Cause> neverTop) {

  public Coverage {
    unfiredRules = List.copyOf(unfiredRules);
    neverTop = List.copyOf(neverTop);
  }
}
