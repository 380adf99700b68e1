package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseFolders;
import dev.rdpdoctor.casefile.Expectation;
import dev.rdpdoctor.casefile.Resolution;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs samples against their {@code expect:} blocks, measures what they cover, and runs resolved tickets. */
public final class ScenarioRunner {

  private final KnowledgeBase knowledge;
  private final Diagnoser diagnoser;
  private final Function<Path, CaseFile> reader;
  private final ResolutionCheck resolutions;

  public ScenarioRunner(KnowledgeBase knowledge, CaseFileReader reader) {
    this(knowledge, reader::read);
  }

  /** @param reader reads a sample into its case, as the samples' evidence asks (a sample naming its evidence) */
  public ScenarioRunner(KnowledgeBase knowledge, Function<Path, CaseFile> reader) {
    this.knowledge = knowledge;
    this.diagnoser = new Diagnoser(knowledge);
    this.reader = reader;
    this.resolutions = new ResolutionCheck(knowledge.causes());
  }

  /** The samples among these paths: files as given, and the {@code *.yaml} directly in folders. */
  public static List<Path> samples(List<Path> paths) {
    return CaseFolders.expand(paths);
  }

  public ScenarioResult run(Path sample) {
    CaseFile caseFile;
    try {
      caseFile = reader.apply(sample);
    } catch (InvalidInputException e) {
      return new ScenarioResult(sample, Optional.empty(), Optional.empty(), List.of(), e.errors());
    }
    Diagnosis d = diagnoser.diagnose(caseFile);
    Optional<Expectation> expect = caseFile.expectation();
    if (expect.isEmpty()) {
      return new ScenarioResult(sample, expect, Optional.of(d),
          List.of("no expect: block says what this sample must produce"), List.of());
    }
    return new ScenarioResult(sample, expect, Optional.of(d), check(expect.get(), d), List.of());
  }

  /**
   * One ticket read and diagnosed for measuring, its {@code resolution:} checked against the
   * knowledge base ({@link ResolutionCheck}). A ticket that cannot be read, or whose resolution
   * names a cause or fix the knowledge base lacks, has the errors among its findings.
   */
  public TicketRun ticket(Path ticket) {
    CaseFile caseFile;
    try {
      caseFile = reader.apply(ticket);
    } catch (InvalidInputException e) {
      return new TicketRun(ticket, Optional.empty(), Optional.empty(), e.errors());
    }
    List<InputError> findings = resolutions.check(caseFile);
    return new TicketRun(ticket, caseFile.resolution(), Optional.of(diagnoser.diagnose(caseFile)), findings);
  }

  /**
   * Where each ticket's confirmed cause ranks: its {@code resolution: cause:}, or for a ticket
   * written before resolutions, its {@code expect: top:}. A ticket that cannot be read, or says no
   * confirmed cause, is given to {@code invalid} with its errors.
   */
  public TicketScore score(List<Path> tickets, Consumer<ScenarioResult> invalid) {
    List<TicketScore.Ticket> out = new ArrayList<>();
    for (Path ticket : tickets) {
      TicketRun t = ticket(ticket);
      Optional<String> confirmed = t.resolution().map(Resolution::cause)
          .or(() -> t.diagnosis().flatMap(d -> d.caseFile().expectation()).map(Expectation::top));
      if (t.invalid() || confirmed.isEmpty()) {
        invalid.accept(new ScenarioResult(ticket, Optional.empty(), t.diagnosis(),
            t.invalid() ? List.of() : List.of("no resolution: block says what the confirmed cause was"),
            t.findings().stream().filter(InputError::isError).toList()));
        continue;
      }
      List<String> ranked = t.diagnosis().orElseThrow().ranked().stream().map(a -> a.cause().id()).toList();
      int at = ranked.indexOf(confirmed.get());
      out.add(new TicketScore.Ticket(ticket, confirmed.get(), at < 0 ? Optional.empty() : Optional.of(at + 1),
          ranked.stream().findFirst()));
    }
    return new TicketScore(out);
  }

  static List<String> check(Expectation expect, Diagnosis d) {
    List<String> failures = new ArrayList<>();
    List<String> ranked = d.ranked().stream().map(a -> a.cause().id()).toList();
    List<String> ruledOut = d.ruledOut().stream().map(a -> a.cause().id()).toList();
    String top = ranked.isEmpty() ? null : ranked.get(0);
    if (!expect.top().equals(top)) {
      failures.add("expected top '" + expect.top() + "', got " + (top == null ? "no ranked cause" : "'" + top + "'"));
    }
    for (String c : expect.ranked()) {
      if (!ranked.contains(c)) {
        failures.add("expected '" + c + "' to be ranked, but it is " + (ruledOut.contains(c) ? "ruled out" : "not ranked"));
      }
    }
    for (String c : expect.ruledOut()) {
      if (!ruledOut.contains(c)) {
        failures.add("expected '" + c + "' to be ruled out, but it is " + (ranked.contains(c) ? "ranked" : "not assessed"));
      }
    }
    Optional<CauseAssessment> first = d.top();
    if (expect.firstFix() != null && first.isPresent()) {
      String offered = first.get().cause().fixesInSafeOrder().stream().findFirst().map(Fix::id).orElse("none");
      if (!expect.firstFix().equals(offered)) {
        failures.add("expected first fix '" + expect.firstFix() + "', got '" + offered + "'");
      }
    }
    if (!expect.cites().isEmpty() && first.isPresent()) {
      Set<String> cited = new HashSet<>();
      first.get().evidenceFor().forEach(e -> cited.addAll(e.rule().sources()));
      for (String s : expect.cites()) {
        if (!cited.contains(s)) {
          failures.add("expected the top cause's evidence to cite '" + s + "', it cites " + cited.stream().sorted().toList());
        }
      }
    }
    return failures;
  }

  /** Which rules fired in no result, and which causes were top in none. */
  public Coverage coverage(List<ScenarioResult> results) {
    Set<String> fired = new HashSet<>();
    Set<String> tops = new HashSet<>();
    for (ScenarioResult r : results) {
      r.diagnosis().ifPresent(d -> {
        d.firings().stream().map(Firing::rule).map(RuleInfo::key).forEach(fired::add);
        d.top().ifPresent(a -> tops.add(a.cause().id()));
      });
    }
    List<RuleInfo> unfired = knowledge.allRules().stream()
        .filter(r -> !fired.contains(r.key()))
        .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
        .toList();
    List<Cause> neverTop = knowledge.causes().values().stream().filter(c -> !tops.contains(c.id())).toList();
    return new Coverage(knowledge.allRules().size(), unfired, knowledge.causes().size(), neverTop);
  }
}
