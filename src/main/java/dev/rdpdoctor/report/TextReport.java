package dev.rdpdoctor.report;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.Conflict;
import dev.rdpdoctor.casefile.ErrorReport;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Evidence;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.knowledge.CodeMeaning;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.Reliability;
import dev.rdpdoctor.knowledge.Restart;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.yaml.Spelled;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report for people: the most likely cause and its first fix with risk and rollback, the
 * other causes, what was ruled out, and with {@code explain} the rules, facts and sources
 * behind each.
 */
public final class TextReport {

  private final KnowledgeBase knowledge;
  private final boolean explain;

  public TextReport(KnowledgeBase knowledge, boolean explain) {
    this.knowledge = knowledge;
    this.explain = explain;
  }

  public void write(Diagnosis d, PrintWriter out) {
    write(d, List.of(), out);
  }

  /** @param checks what to check next when the evidence is thin; empty when not asked for */
  public void write(Diagnosis d, List<NextCheck> checks, PrintWriter out) {
    CaseFile c = d.caseFile();
    ErrorReport e = c.error();
    out.println("Diagnosis for " + c.source());
    if (c.symptoms().title() != null) {
      out.println("  " + c.symptoms().title());
    }
    out.println("  error " + Codes.both(e.code()) + codeMeaning(CodeMeaning.Kind.DISCONNECT, e.code()));
    out.println("  extended " + Codes.both(e.extended()) + codeMeaning(CodeMeaning.Kind.EXTENDED, e.extended()));
    out.println("  observed " + c.observed());
    out.println();
    if (!c.conflicts().isEmpty()) {
      out.println("Your file and the probe disagree (your statements are used):");
      for (Conflict conflict : c.conflicts()) {
        out.println("  - " + conflict.path() + ": you wrote " + conflict.stated() + ", the probe saw " + conflict.probed());
      }
      out.println();
    }
    if (d.ranked().isEmpty()) {
      out.println("No cause is supported by the facts given. Add what you know about the host,");
      out.println("its certificate, its RDP settings and its event log, or let the tool probe it.");
    }
    for (int i = 0; i < d.ranked().size(); i++) {
      CauseAssessment a = d.ranked().get(i);
      if (i == 0) {
        writeTop(a, out);
      } else {
        if (i == 1) {
          out.println("Other possible causes:");
        }
        List<Fix> fixes = a.cause().fixesInSafeOrder();
        out.println("  " + (i + 1) + ". " + a.cause().title() + "  [" + a.cause().id() + "]  CF "
            + CfArithmetic.cf(a.cf())
            + (fixes.isEmpty() ? "" : "; first fix: " + fixes.get(0).id() + " (risk " + label(fixes.get(0)) + ")")
            + (onlyUnofficial(a) ? "; only unofficial sources claim this" : ""));
      }
    }
    if (d.ranked().size() > 1) {
      out.println();
    }
    if (!d.ruledOut().isEmpty()) {
      out.println("Ruled out by the evidence:");
      for (CauseAssessment a : d.ruledOut()) {
        Evidence strongest = a.evidenceAgainst().get(0);
        out.println("  - " + a.cause().title() + "  [" + a.cause().id() + "]  CF " + CfArithmetic.cf(a.cf())
            + ": " + strongest.rule().name() + " (" + strongest.rule().id() + ")");
      }
      out.println();
    }
    if (!checks.isEmpty()) {
      out.println("The evidence is thin. Checks that would best separate the leading causes, cheapest first:");
      for (NextCheck check : checks) {
        out.println("  - " + check.ask() + "  [" + Spelled.spelling(check.cost()) + " cost; separates "
            + String.join(", ", check.separates()) + "]");
        if (check.how() != null) {
          out.println("    How: " + check.how());
        }
      }
      out.println("  (rdp-doctor consult asks them one by one.)");
      out.println();
    }
    if (explain) {
      writeExplanation(d, out);
    } else if (!d.ranked().isEmpty()) {
      out.println("Run with --explain for the rules, facts and sources behind each cause.");
    }
    out.flush();
  }

  private void writeTop(CauseAssessment a, PrintWriter out) {
    out.println("Most likely cause: " + a.cause().title() + "  [" + a.cause().id() + "]  CF " + CfArithmetic.cf(a.cf()));
    if (onlyUnofficial(a)) {
      out.println("  Note: only unofficial sources claim the evidence for this cause.");
    }
    List<Fix> fixes = a.cause().fixesInSafeOrder();
    if (fixes.isEmpty()) {
      out.println("  No fix is recorded for this cause.");
      out.println();
      return;
    }
    Fix first = fixes.get(0);
    out.println("  Fix first (risk " + label(first) + restart(first.restart()) + "): " + first.title());
    for (int i = 0; i < first.steps().size(); i++) {
      out.println("    " + (i + 1) + ". " + first.steps().get(i));
    }
    if (first.rollback() != null) {
      out.println("    Roll back: " + first.rollback());
    }
    if (first.verify() != null) {
      out.println("    Verify: " + first.verify());
    }
    if (first.note() != null) {
      out.println("    Note: " + first.note());
    }
    if (fixes.size() > 1) {
      out.println("  If that does not help, in this order:");
      for (Fix f : fixes.subList(1, fixes.size())) {
        out.println("    - " + f.title() + "  [" + f.id() + ", risk " + label(f) + restart(f.restart()) + "]");
        if (f.note() != null) {
          out.println("      Note: " + f.note());
        }
      }
    }
    out.println();
  }

  private void writeExplanation(Diagnosis d, PrintWriter out) {
    out.println("How each cause got its certainty:");
    ExplainReport how = new ExplainReport(knowledge);
    for (CauseAssessment a : d.ranked()) {
      out.println();
      out.println("  " + a.cause().id() + "  CF " + CfArithmetic.cf(a.cf()));
      how.writeEvidence(d, a, out);
    }
    for (CauseAssessment a : d.ruledOut()) {
      out.println();
      out.println("  " + a.cause().id() + "  CF " + CfArithmetic.cf(a.cf()));
      how.writeEvidence(d, a, out);
    }
  }

  private String codeMeaning(CodeMeaning.Kind kind, Long code) {
    return knowledge.meaning(kind, code).map(m -> ": " + m.means()).orElse("");
  }

  /** True when every rule supporting the cause cites only unofficial sources. */
  private boolean onlyUnofficial(CauseAssessment a) {
    return a.evidenceFor().stream().allMatch(e -> unofficial(e.rule().sources()));
  }

  private boolean unofficial(List<String> sourceIds) {
    return new ExplainReport(knowledge).unofficial(sourceIds);
  }

  private static String label(Fix f) {
    return Spelled.spelling(f.risk()) + (f.isTestOnly() ? ", test only" : "");
  }

  private static String restart(Restart r) {
    return switch (r) {
      case NONE -> "";
      case CLIENT -> ", restarts the client";
      case SERVICE -> ", restarts a service";
      case REBOOT -> ", needs a reboot";
    };
  }

  private static String signed(double cf) {
    return (cf > 0 ? "+" : "") + CfArithmetic.cf(cf);
  }
}
