package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Evidence;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.problem.InputError;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The output of {@code rules test}: a line per sample; for a failure, the expected and actual
 * ranking and the evidence behind the difference; then coverage. A sample that cannot be read
 * has its located errors on stderr, as every command says them, and its line in the report.
 */
public final class ScenarioReport {

  private final KnowledgeBase knowledge;

  public ScenarioReport(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  /**
   * @param out the report
   * @param err where a sample's own errors go ({@code FILE:LINE:COL: error: ...})
   */
  public void write(ScenarioResult r, PrintWriter out, PrintWriter err) {
    if (!r.invalid().isEmpty()) {
      InputError.print(r.invalid(), err);
      out.println("INVALID  " + r.sample() + "  (its errors are on stderr)");
      return;
    }
    Diagnosis d = r.diagnosis().orElseThrow();
    if (r.passed()) {
      out.println("PASS  " + r.sample() + "  top " + d.top().map(a -> a.cause().id() + " (CF " + cf(a.cf()) + ")").orElse("none"));
      return;
    }
    out.println("FAIL  " + r.sample());
    r.failures().forEach(f -> out.println("      - " + f));
    out.println("      actual ranking: " + ranking(d));
    Set<String> involved = new LinkedHashSet<>();
    r.expectation().ifPresent(e -> {
      involved.add(e.top());
      involved.addAll(e.ranked());
      involved.addAll(e.ruledOut());
    });
    d.top().ifPresent(a -> involved.add(a.cause().id()));
    for (String cause : involved) {
      writeEvidence(d, cause, out);
    }
  }

  private void writeEvidence(Diagnosis d, String causeId, PrintWriter out) {
    Optional<CauseAssessment> a = Stream.concat(d.ranked().stream(), d.ruledOut().stream())
        .filter(x -> x.cause().id().equals(causeId)).findFirst();
    if (a.isEmpty()) {
      List<RuleInfo> could = knowledge.allRules().stream().filter(r -> r.cause().filter(causeId::equals).isPresent())
          .filter(r -> r.cf().orElse(0.0) > 0).toList();
      out.println("      evidence for " + causeId + ": no rule fired"
          + (could.isEmpty() ? (knowledge.causes().containsKey(causeId) ? "; no rule supports it" : "; no such cause in causes.yaml")
              : "; rules that could support it: " + could.stream().map(r -> r.id() + " (" + r.location() + ")").collect(Collectors.joining(", "))));
      return;
    }
    out.println("      evidence for " + causeId + " (CF " + cf(a.get().cf()) + "):");
    for (Evidence e : a.get().evidence()) {
      String facts = e.firings().stream().flatMap(f -> f.facts().stream())
          .map(MatchedFact::path).distinct().map(p -> p + " = " + value(e, p)).collect(Collectors.joining(", "));
      out.println("        " + (e.cf() > 0 ? "+" : "") + cf(e.cf()) + " " + e.rule().id() + " " + e.rule().location()
          + (facts.isEmpty() ? "" : "  [" + facts + "]"));
    }
  }

  private static String value(Evidence e, String path) {
    return e.firings().stream().flatMap(f -> f.facts().stream()).filter(m -> m.path().equals(path))
        .map(MatchedFact::value).findFirst().orElse("?");
  }

  static String ranking(Diagnosis d) {
    String ranked = d.ranked().isEmpty() ? "nothing ranked" : IntStream.range(0, d.ranked().size())
        .mapToObj(i -> (i + 1) + ". " + d.ranked().get(i).cause().id() + " " + cf(d.ranked().get(i).cf()))
        .collect(Collectors.joining("  "));
    String out = d.ruledOut().isEmpty() ? "" : "; ruled out: " + d.ruledOut().stream()
        .map(a -> a.cause().id() + " " + cf(a.cf())).collect(Collectors.joining(", "));
    return ranked + out;
  }

  /** @param listGaps whether to list the unfired rules and the causes never on top */
  public void writeSummary(List<ScenarioResult> results, Coverage coverage, boolean listGaps, PrintWriter out) {
    long passed = results.stream().filter(ScenarioResult::passed).count();
    long invalid = results.stream().filter(r -> !r.invalid().isEmpty()).count();
    out.println();
    out.println(results.size() + " samples: " + passed + " passed, " + (results.size() - passed - invalid) + " failed"
        + (invalid > 0 ? ", " + invalid + " invalid" : ""));
    out.println("Coverage: " + (coverage.rules() - coverage.unfiredRules().size()) + " of " + coverage.rules()
        + " rules fired in some sample; " + (coverage.causes() - coverage.neverTop().size()) + " of "
        + coverage.causes() + " causes are the top cause of some sample.");
    if (!listGaps) {
      return;
    }
    if (!coverage.unfiredRules().isEmpty()) {
      out.println("  Rules that fired in no sample:");
      coverage.unfiredRules().forEach(r -> out.println("    " + r.id() + "  " + r.location() + "  " + r.name()));
    }
    if (!coverage.neverTop().isEmpty()) {
      out.println("  Causes that are never the top cause:");
      coverage.neverTop().forEach(c -> out.println("    " + c.id() + "  " + c.title()));
    }
  }

  private static String cf(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

}
