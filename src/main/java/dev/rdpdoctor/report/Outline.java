package dev.rdpdoctor.report;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.Conflict;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.knowledge.BaseRate;
import dev.rdpdoctor.knowledge.CodeMeaning;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything a reader of the report on one case sees, in the order they see it, worked out once
 * from a diagnosis and the knowledge base: which fix comes first, the strongest evidence against a
 * cause, what the codes mean, whether only unofficial sources claim a cause. Each format
 * ({@link Report}) only lays it out.
 *
 * @param conflicts where the user's file and the probe disagree; the file's statements were used
 * @param ranked the causes the evidence supports, most likely first
 * @param ruledOut the causes the evidence argues against
 * @param nextChecks what to check next when the evidence is thin; empty when not asked for
 * @param sources the sources the evidence of those causes cites, in the order first cited
 * @param trace every rule firing, in firing order
 * @param knowledge where the knowledge base was loaded from
 * @param unread what the user gave that no rule reads, the notes always: shown so that nobody
 *     believes it was weighed
 */
public record Outline(
    Header header,
    List<Conflict> conflicts,
    List<Cause> ranked,
    List<Cause> ruledOut,
    List<NextCheck> nextChecks,
    List<Cited> sources,
    List<Step> trace,
    String knowledge,
    List<Diagnosis.Unread> unread) {

  public Outline {
    conflicts = List.copyOf(conflicts);
    ranked = List.copyOf(ranked);
    ruledOut = List.copyOf(ruledOut);
    nextChecks = List.copyOf(nextChecks);
    sources = List.copyOf(sources);
    trace = List.copyOf(trace);
    unread = List.copyOf(unread);
  }

  /** Text on one line, at most 120 characters: the first line of notes, with an ellipsis when there is more. */
  public static String oneLine(String text) {
    String first = text.strip().lines().findFirst().orElse("");
    boolean more = first.length() > 120 || text.strip().lines().count() > 1;
    return (first.length() > 120 ? first.substring(0, 119) : first) + (more ? "\u2026" : "");
  }

  /** Whether the ranking comes from how common the causes are, because no fact points at any. */
  public boolean rankedByBaseRate() {
    return !ranked.isEmpty() && ranked.get(0).fromBaseRate().isPresent();
  }

  /** @param nextChecks what to check next when the evidence is thin; empty when not asked for */
  public static Outline of(Diagnosis d, List<NextCheck> nextChecks, KnowledgeBase knowledge) {
    return new Builder(knowledge).outline(d, nextChecks);
  }

  /** The firing with this place in the trace, from 1: the premise of a later one. */
  public Firing firing(int sequence) {
    return trace.get(sequence - 1).firing();
  }

  /** The likely causes, then those ruled out. */
  public List<Cause> causes() {
    return Stream.concat(ranked.stream(), ruledOut.stream()).toList();
  }

  /** The case: its file, its title (null when it has none), when it was seen and the dialog's codes. */
  public record Header(String source, String title, LocalDate observed, Code error, Code extended) {}

  /** A code of the error dialog (null when not given) and what the knowledge base says it means. */
  public record Code(Long value, Optional<String> meaning) {}

  /**
   * One cause as the report shows it.
   *
   * @param rank its place among the likely causes, from 1; 0 for a cause ruled out
   * @param fixes in the order to try them, the safest first
   * @param onlyUnofficial only unofficial sources claim the evidence for it; never for a cause ruled out
   * @param strongestAgainst the evidence that argues most against it, if any does
   * @param evidence for and against it, the strongest first
   * @param arithmetic how its CF was combined, step by step
   * @param fromBaseRate how common the cause is, when that alone ranks it
   * @param skipped the fixes that do not apply to this case, each with why; not among {@code fixes}
   */
  public record Cause(
      int rank,
      String id,
      String title,
      double cf,
      double supporting,
      double opposing,
      List<Fix> fixes,
      boolean onlyUnofficial,
      Optional<Evidence> strongestAgainst,
      List<Evidence> evidence,
      String arithmetic,
      Optional<BaseRate> fromBaseRate,
      List<Skipped> skipped) {

    public Cause {
      fixes = List.copyOf(fixes);
      evidence = List.copyOf(evidence);
      skipped = List.copyOf(skipped);
    }

    public boolean ruledOut() {
      return rank == 0;
    }

    public Optional<Fix> firstFix() {
      return fixes.stream().findFirst();
    }

    /** The fixes to try if the first does not help, in that order. */
    public List<Fix> laterFixes() {
      return fixes.isEmpty() ? List.of() : fixes.subList(1, fixes.size());
    }
  }

  /** A fix that does not apply to the case, and why ("host.disable_domain_creds is already false"). */
  public record Skipped(Fix fix, String why) {}

  /** What one rule says about a cause: its CF, once, and every time it matched. */
  public record Evidence(double cf, Rule rule, List<Firing> firings) {

    public Evidence {
      firings = List.copyOf(firings);
    }

    public boolean supports() {
      return cf > 0;
    }
  }

  /**
   * A rule as a report cites it.
   *
   * @param sources what it cites, each with the catalog's entry
   * @param onlyUnofficial only unofficial sources claim what it says
   */
  public record Rule(RuleInfo info, List<Cited> sources, boolean onlyUnofficial) {

    public Rule {
      sources = List.copyOf(sources);
    }
  }

  /** A cited source: its id, and the catalog's entry when there is one. */
  public record Cited(String id, Optional<Source> source) {}

  /** One firing of the trace, with its rule as a report cites it. */
  public record Step(Firing firing, Rule rule) {}

  /** Works out one outline; each rule is looked up once however often it fired. */
  private static final class Builder {

    private final KnowledgeBase knowledge;
    private final Map<String, Rule> rules = new HashMap<>();

    Builder(KnowledgeBase knowledge) {
      this.knowledge = knowledge;
    }

    Outline outline(Diagnosis d, List<NextCheck> nextChecks) {
      CaseFile c = d.caseFile();
      Header header = new Header(c.source(), c.title().orElse(null), c.observed(),
          code(CodeMeaning.Kind.DISCONNECT, c.errorCode().orElse(null)),
          code(CodeMeaning.Kind.EXTENDED, c.extendedCode().orElse(null)));
      List<Cause> ranked = new ArrayList<>(d.ranked().size());
      for (CauseAssessment a : d.ranked()) {
        ranked.add(cause(ranked.size() + 1, a, c));
      }
      List<Cause> ruledOut = d.ruledOut().stream().map(a -> cause(0, a, c)).toList();
      Set<String> cited = new LinkedHashSet<>();
      Stream.concat(ranked.stream(), ruledOut.stream())
          .forEach(a -> a.evidence().forEach(e -> cited.addAll(e.rule().info().sources())));
      List<Step> trace = d.firings().stream().map(f -> new Step(f, rule(f.rule()))).toList();
      return new Outline(header, c.conflicts(), ranked, ruledOut, nextChecks,
          cited.stream().map(this::cited).toList(), trace, d.knowledgeOrigin(), d.unread());
    }

    private Code code(CodeMeaning.Kind kind, Long code) {
      return new Code(code, knowledge.meaning(kind, code).map(CodeMeaning::means));
    }

    private Cause cause(int rank, CauseAssessment a, CaseFile c) {
      List<Evidence> evidence = a.evidence().stream().map(e -> new Evidence(e.cf(), rule(e.rule()), e.firings())).toList();
      boolean onlyUnofficial = rank > 0
          && knowledge.onlyUnofficial(a.evidenceFor().stream().map(e -> e.rule()).toList());
      List<Fix> fixes = new ArrayList<>();
      List<Skipped> skipped = new ArrayList<>();
      for (Fix f : a.cause().fixesInSafeOrder()) {
        FixConditions.whyNot(f, c).ifPresentOrElse(why -> skipped.add(new Skipped(f, why)), () -> fixes.add(f));
      }
      return new Cause(rank, a.cause().id(), a.cause().title(), a.cf(), a.supporting(), a.opposing(),
          fixes, onlyUnofficial, evidence.stream().filter(e -> !e.supports()).findFirst(),
          evidence, CfArithmetic.explain(a), a.rankedByBaseRate(), skipped);
    }

    private Rule rule(RuleInfo info) {
      return rules.computeIfAbsent(info.key(), k ->
          new Rule(info, info.sources().stream().map(this::cited).toList(), knowledge.onlyUnofficial(List.of(info))));
    }

    private Cited cited(String id) {
      return new Cited(id, knowledge.source(id));
    }
  }
}
