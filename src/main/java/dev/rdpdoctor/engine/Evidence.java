package dev.rdpdoctor.engine;

import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.List;

/**
 * What one rule says about one cause: its CF, once, however many times it matched.
 *
 * @param firings every match of the rule, for the trace
 */
public record Evidence(String causeId, double cf, RuleInfo rule, List<Firing> firings) {

  public Evidence {
    if (cf < -1 || cf > 1 || Double.isNaN(cf)) {
      throw new IllegalArgumentException("a certainty factor lies in [-1, 1], got " + cf);
    }
    firings = List.copyOf(firings);
  }

  public boolean supports() {
    return cf > 0;
  }
}
