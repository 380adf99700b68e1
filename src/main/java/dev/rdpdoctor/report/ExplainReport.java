package dev.rdpdoctor.report;

import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Evidence;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.engine.WhyNot;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.Reliability;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.yaml.Spelled;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reasoning behind a diagnosis: how each cause got its certainty (facts, rules, findings,
 * CF arithmetic, sources), why a cause did not rank (the rules that could have supported it
 * and what they lacked), and why each fix is where it is in the plan.
 */
public final class ExplainReport {

  private final KnowledgeBase knowledge;

  public ExplainReport(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  /** How, why not and why this fix; with {@code cause} only for that cause. */
  public void write(Diagnosis d, Optional<String> cause, PrintWriter out) {
    out.println("Explanation for " + d.caseFile().source());
    List<CauseAssessment> ranked = d.ranked().stream().filter(a -> cause.map(a.cause().id()::equals).orElse(true)).toList();
    if (!ranked.isEmpty()) {
      out.println();
      out.println("HOW each cause got its rank");
      for (CauseAssessment a : ranked) {
        out.println();
        out.println("  #" + (d.ranked().indexOf(a) + 1) + " " + a.cause().id() + "  CF " + CfArithmetic.cf(a.cf())
            + "  " + a.cause().title());
        writeEvidence(d, a, out);
      }
    }
    List<Cause> unranked = knowledge.causes().values().stream()
        .filter(c -> d.ranked().stream().noneMatch(a -> a.cause().id().equals(c.id())))
        .filter(c -> cause.map(c.id()::equals).orElse(true))
        .toList();
    if (!unranked.isEmpty()) {
      out.println();
      out.println("WHY NOT the other causes");
      for (Cause c : unranked) {
        writeWhyNot(d, c, out);
      }
    }
    if (!ranked.isEmpty()) {
      out.println();
      out.println("WHY THIS FIX: the plan, in the order to try it");
      writePlan(d, ranked, out);
    }
    out.flush();
  }

  /** The evidence for and against one cause, each firing's chain of facts and findings. */
  void writeEvidence(Diagnosis d, CauseAssessment a, PrintWriter out) {
    for (Evidence e : a.evidence()) {
      out.println("    " + signed(e.cf()) + "  " + e.rule().id() + " \"" + e.rule().name() + "\"  "
          + e.rule().location() + (unofficial(e.rule().sources()) ? "  (unofficial sources only)" : ""));
      for (Firing f : e.firings()) {
        writeFiring(d, f, out, "           ");
      }
      out.println("           sources: " + sources(e.rule().sources()));
    }
    out.println("    " + CfArithmetic.explain(a));
  }

  private void writeFiring(Diagnosis d, Firing f, PrintWriter out, String indent) {
    for (MatchedFact m : f.facts()) {
      out.println(indent + "matched " + m.path() + " = " + m.value()
          + m.line().map(l -> "  (line " + l + ")").orElse("")
          + m.derivation().map(s -> "  (worked out: " + s + ")").orElse(""));
    }
    for (int premise : f.premises()) {
      Firing p = d.firing(premise);
      out.println(indent + "used the finding of " + p.rule().id() + " \"" + p.rule().name() + "\"  " + p.rule().location());
      writeFiring(d, p, out, indent + "  ");
    }
  }

  private void writeWhyNot(Diagnosis d, Cause c, PrintWriter out) {
    Optional<CauseAssessment> ruledOut = d.ruledOut().stream().filter(a -> a.cause().id().equals(c.id())).findFirst();
    out.println();
    out.println("  " + c.id() + "  " + ruledOut.map(a -> "ruled out, CF " + CfArithmetic.cf(a.cf())).orElse("no evidence either way")
        + "  " + c.title());
    ruledOut.ifPresent(a -> {
      out.println("    The evidence against it:");
      writeEvidence(d, a, out);
    });
    List<WhyNot.MissedRule> missed = new WhyNot(knowledge).explain(d, c.id());
    if (missed.isEmpty()) {
      out.println("    Every rule that supports it fired, or none does.");
      return;
    }
    out.println("    Rules that could have supported it, and what they lacked:");
    for (WhyNot.MissedRule m : missed) {
      out.println("      " + signed(m.rule().cf().orElse(0.0)) + "  " + m.rule().id() + " \"" + m.rule().name() + "\"  "
          + m.rule().location());
      for (WhyNot.Condition cond : m.conditions()) {
        String facts = cond.facts().stream()
            .map(f -> f.path() + " " + f.value().map(v -> "= " + v).orElse(f.list() ? "none listed" : "unknown"))
            .collect(Collectors.joining(", "));
        out.println("          needs " + (cond.negated() ? "no " : "") + cond.pattern()
            + (facts.isEmpty() ? "" : ": " + facts));
      }
    }
  }

  private void writePlan(Diagnosis d, List<CauseAssessment> ranked, PrintWriter out) {
    int step = 1;
    for (CauseAssessment a : ranked) {
      List<Fix> fixes = a.cause().fixesInSafeOrder();
      for (int i = 0; i < fixes.size(); i++) {
        Fix f = fixes.get(i);
        out.println();
        out.println("  " + step++ + ". " + f.title() + "  [" + f.id() + "]");
        out.println("     For cause #" + (d.ranked().indexOf(a) + 1) + " " + a.cause().id() + " (CF " + CfArithmetic.cf(a.cf())
            + "), its fix " + (i + 1) + " of " + fixes.size() + ": risk " + Spelled.spelling(f.risk())
            + (f.isTestOnly() ? ", test only" : "") + ", restart " + Spelled.spelling(f.restart()) + ".");
        out.println("     " + placement(fixes, i));
        out.println("     Undo: " + (f.rollback() == null ? "(not given)" : f.rollback()));
        out.println("     Verify: " + (f.verify() == null ? "(not given)" : f.verify()));
        if (f.note() != null) {
          out.println("     Note: " + f.note());
        }
      }
    }
  }

  private static String placement(List<Fix> fixes, int i) {
    Fix f = fixes.get(i);
    if (fixes.size() == 1) {
      return "The only fix for this cause.";
    }
    if (i == 0) {
      return "Offered first: the lowest risk for this cause.";
    }
    Fix before = fixes.get(i - 1);
    if (before.risk() != f.risk()) {
      return "After " + before.id() + " because its risk (" + Spelled.spelling(f.risk()) + ") is higher than "
          + Spelled.spelling(before.risk()) + ".";
    }
    if (f.isTestOnly() && !before.isTestOnly()) {
      return "After " + before.id() + " because it is a test, not a fix.";
    }
    return "After " + before.id() + " because it disrupts more (restart " + Spelled.spelling(f.restart()) + ") or is listed later.";
  }

  private String sources(List<String> ids) {
    if (ids.isEmpty()) {
      return "none cited";
    }
    return ids.stream()
        .map(id -> knowledge.source(id).map(s -> id + " (" + Spelled.spelling(s.reliability()) + ")").orElse(id))
        .collect(Collectors.joining(", "));
  }

  boolean unofficial(List<String> sourceIds) {
    return sourceIds.stream().map(knowledge::source).flatMap(Optional::stream)
        .map(Source::reliability).allMatch(r -> r == Reliability.LOW);
  }

  private static String signed(double cf) {
    return (cf > 0 ? "+" : "") + CfArithmetic.cf(cf);
  }
}
