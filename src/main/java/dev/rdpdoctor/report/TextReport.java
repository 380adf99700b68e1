package dev.rdpdoctor.report;

import dev.rdpdoctor.casefile.Conflict;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.BaseRate;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.Restart;
import dev.rdpdoctor.yaml.Spelled;
import java.io.PrintWriter;
import java.util.List;

/**
 * The report for people: the most likely cause and its first fix with risk and rollback, the
 * other causes, what was ruled out, and with {@code explain} the rules, facts and sources
 * behind each.
 */
public final class TextReport implements Report {

  private static final String SEPARATOR = System.lineSeparator()
      + "----------------------------------------------------------------------" + System.lineSeparator()
      + System.lineSeparator();

  private final boolean explain;

  public TextReport(boolean explain) {
    this.explain = explain;
  }

  @Override
  public void write(Outline o, PrintWriter out) {
    writeHeader(o, out);
    if (o.ranked().isEmpty()) {
      out.println("No cause is supported by the facts given. Add what you know about the host,");
      out.println("its certificate, its RDP settings and its event log, or let the tool probe it.");
    } else if (o.rankedByBaseRate()) {
      writeCommon(o.ranked(), out);
    } else {
      writeTop(o.ranked().get(0), out);
      writeOthers(o.ranked(), out);
    }
    writeRuledOut(o.ruledOut(), out);
    writeChecks(o.nextChecks(), out);
    writeUnread(o.unread(), out);
    if (explain) {
      writeExplanation(o, out);
    } else if (!o.ranked().isEmpty()) {
      out.println("Run with --explain for the rules, facts and sources behind each cause.");
    }
    out.flush();
  }

  @Override
  public String separator() {
    return SEPARATOR;
  }

  private static void writeHeader(Outline o, PrintWriter out) {
    Outline.Header h = o.header();
    out.println("Diagnosis for " + h.source());
    if (h.title() != null) {
      out.println("  " + h.title());
    }
    out.println("  error " + code(h.error()));
    out.println("  extended " + code(h.extended()));
    out.println("  observed " + h.observed());
    out.println();
    if (!o.conflicts().isEmpty()) {
      out.println("Your file and " + o.conflicts().get(0).by() + " disagree (your statements are used):");
      for (Conflict conflict : o.conflicts()) {
        out.println("  - " + conflict.path() + ": you wrote " + conflict.stated() + ", " + conflict.by() + " saw " + conflict.found());
      }
      out.println();
    }
  }

  private static void writeTop(Outline.Cause a, PrintWriter out) {
    out.println("Most likely cause: " + a.title() + "  [" + a.id() + "]  CF " + CfArithmetic.cf(a.cf()));
    if (a.onlyUnofficial()) {
      out.println("  Note: only unofficial sources claim the evidence for this cause.");
    }
    if (a.firstFix().isEmpty()) {
      out.println(a.skipped().isEmpty() ? "  No fix is recorded for this cause." : "  No fix recorded for this cause applies here.");
      writeSkipped(a, out);
      out.println();
      return;
    }
    Fix first = a.firstFix().get();
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
    writeSkipped(a, out);
    if (!a.laterFixes().isEmpty()) {
      out.println("  If that does not help, in this order:");
      for (Fix f : a.laterFixes()) {
        out.println("    - " + f.title() + "  [" + f.id() + ", risk " + label(f) + restart(f.restart()) + "]");
        if (f.note() != null) {
          out.println("      Note: " + f.note());
        }
      }
    }
    out.println();
  }

  /** The fixes that do not apply to this case, and why. */
  private static void writeSkipped(Outline.Cause a, PrintWriter out) {
    if (a.skipped().isEmpty()) {
      return;
    }
    out.println("  Not offered (does not apply to this case):");
    for (Outline.Skipped s : a.skipped()) {
      out.println("    - " + s.fix().title() + "  [" + s.fix().id() + "]: " + s.why());
    }
  }

  /** A case no fact points at: the causes most common for this error, said to be only that. */
  private static void writeCommon(List<Outline.Cause> ranked, PrintWriter out) {
    out.println("No fact you gave points at a cause yet. The most common causes of 0x904 / 0x7,");
    out.println("from how common they are, not from your facts:");
    for (Outline.Cause a : ranked) {
      BaseRate rate = a.fromBaseRate().orElseThrow();
      out.println("  " + a.rank() + ". " + a.title() + "  [" + a.id() + "]  about " + percent(rate.share())
          + " of such tickets (" + (rate.teamEstimate() ? "team estimate" : "source: " + rate.from()) + ")"
          + a.firstFix().map(f -> "; first fix: " + f.id() + " (risk " + label(f) + ")").orElse(""));
    }
    out.println();
  }

  /** What the user gave that no rule reads. */
  private static void writeUnread(List<Diagnosis.Unread> unread, PrintWriter out) {
    if (unread.isEmpty()) {
      return;
    }
    out.println("Not read by any rule (kept, but nothing above weighs it):");
    for (Diagnosis.Unread u : unread) {
      out.println("  - " + u.path() + ": " + Outline.oneLine(u.value()));
    }
    out.println();
  }

  static String percent(double share) {
    double p = Math.round(share * 1000) / 10.0;
    return (p == Math.rint(p) ? String.valueOf(Math.round(p)) : String.valueOf(p)) + " %";
  }

  private static void writeOthers(List<Outline.Cause> ranked, PrintWriter out) {
    if (ranked.size() < 2) {
      return;
    }
    out.println("Other possible causes:");
    for (Outline.Cause a : ranked.subList(1, ranked.size())) {
      out.println("  " + a.rank() + ". " + a.title() + "  [" + a.id() + "]  CF " + CfArithmetic.cf(a.cf())
          + a.firstFix().map(f -> "; first fix: " + f.id() + " (risk " + label(f) + ")").orElse("")
          + (a.onlyUnofficial() ? "; only unofficial sources claim this" : ""));
    }
    out.println();
  }

  private static void writeRuledOut(List<Outline.Cause> ruledOut, PrintWriter out) {
    if (ruledOut.isEmpty()) {
      return;
    }
    out.println("Ruled out by the evidence:");
    for (Outline.Cause a : ruledOut) {
      out.println("  - " + a.title() + "  [" + a.id() + "]  CF " + CfArithmetic.cf(a.cf())
          + a.strongestAgainst().map(e -> ": " + e.rule().info().name() + " (" + e.rule().info().id() + ")").orElse(""));
    }
    out.println();
  }

  private static void writeChecks(List<NextCheck> checks, PrintWriter out) {
    if (checks.isEmpty()) {
      return;
    }
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

  private static void writeExplanation(Outline o, PrintWriter out) {
    out.println("How each cause got its certainty:");
    for (Outline.Cause a : o.causes()) {
      out.println();
      out.println("  " + a.id() + "  CF " + CfArithmetic.cf(a.cf()));
      ExplainReport.writeEvidence(o, a, out);
    }
  }

  private static String code(Outline.Code code) {
    return Codes.both(code.value()) + code.meaning().map(m -> ": " + m).orElse("");
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
}
