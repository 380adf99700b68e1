package dev.rdpdoctor.casefile;

import java.util.List;

/**
 * What a sample must produce: {@code expect:}. The diagnose command ignores it; the scenario
 * tests and {@code rules test} check it.
 *
 * @param top the cause that must rank first
 * @param ranked causes that must also be ranked (any place)
 * @param ruledOut causes that must be ruled out by evidence against them
 * @param firstFix the fix that must be offered first for the top cause
 * @param cites sources the top cause's trace must cite
 */
public record Expectation(
    String top, List<String> ranked, List<String> ruledOut, String firstFix, List<String> cites) {

  public Expectation {
    if (top == null || top.isBlank()) {
      throw new IllegalArgumentException("an expectation needs 'top': the cause that must rank first");
    }
    ranked = ranked == null ? List.of() : List.copyOf(ranked);
    ruledOut = ruledOut == null ? List.of() : List.copyOf(ruledOut);
    cites = cites == null ? List.of() : List.copyOf(cites);
  }
}
