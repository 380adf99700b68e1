package dev.rdpdoctor.report;

import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.engine.WhyNot;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
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
    Outline o = Outline.of(d, List.of(), knowledge);
    out.println("Explanation for " + o.header().source());
    List<Outline.Cause> ranked = o.ranked().stream().filter(a -> cause.map(a.id()::equals).orElse(true)).toList();
    if (!ranked.isEmpty()) {
      out.println();
      out.println("HOW each cause got its rank");
      for (Outline.Cause a : ranked) {
        out.println();
        out.println("  #" + a.rank() + " " + a.id() + "  CF " + CfArithmetic.cf(a.cf()) + "  " + a.title());
        writeEvidence(o, a, out);
      }
    }
    List<Cause> unranked = knowledge.causes().values().stream()
        .filter(c -> o.ranked().stream().noneMatch(a -> a.id().equals(c.id())))
        .filter(c -> cause.map(c.id()::equals).orElse(true))
        .toList();
    if (!unranked.isEmpty()) {
      out.println();
      out.println("WHY NOT the other causes");
      for (Cause c : unranked) {
        writeWhyNot(d, o, c, out);
      }
    }
    if (!ranked.isEmpty()) {
      out.println();
      out.println("WHY THIS FIX: the plan, in the order to try it");
      writePlan(ranked, out);
    }
    out.flush();
  }

  /** The evidence for and against one cause, each firing's chain of facts and findings. */
  static void writeEvidence(Outline o, Outline.Cause a, PrintWriter out) {
    for (Outline.Evidence e : a.evidence()) {
      RuleInfo r = e.rule().info();
      out.println("    " + signed(e.cf()) + "  " + r.id() + " \"" + r.name() + "\"  "
          + r.location() + (e.rule().onlyUnofficial() ? "  (unofficial sources only)" : ""));
      for (Firing f : e.firings()) {
        writeFiring(o, f, out, "           ");
      }
      out.println("           sources: " + sources(e.rule().sources()));
    }
    out.println("    " + a.arithmetic());
  }

  private static void writeFiring(Outline o, Firing f, PrintWriter out, String indent) {
    for (MatchedFact m : f.facts()) {
      out.println(indent + "matched " + m.path() + " = " + m.value()
          + m.line().map(l -> "  (line " + l + ")").orElse("")
          + m.derivation().map(s -> "  (worked out: " + s + ")").orElse(""));
    }
    for (int premise : f.premises()) {
      Firing p = o.firing(premise);
      out.println(indent + "used the finding of " + p.rule().id() + " \"" + p.rule().name() + "\"  " + p.rule().location());
      writeFiring(o, p, out, indent + "  ");
    }
  }

  private void writeWhyNot(Diagnosis d, Outline o, Cause c, PrintWriter out) {
    Optional<Outline.Cause> ruledOut = o.ruledOut().stream().filter(a -> a.id().equals(c.id())).findFirst();
    out.println();
    out.println("  " + c.id() + "  " + ruledOut.map(a -> "ruled out, CF " + CfArithmetic.cf(a.cf())).orElse("no evidence either way")
        + "  " + c.title());
    ruledOut.ifPresent(a -> {
      out.println("    The evidence against it:");
      writeEvidence(o, a, out);
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

  private static void writePlan(List<Outline.Cause> ranked, PrintWriter out) {
    int step = 1;
    for (Outline.Cause a : ranked) {
      List<Fix> fixes = a.fixes();
      for (int i = 0; i < fixes.size(); i++) {
        Fix f = fixes.get(i);
        out.println();
        out.println("  " + step++ + ". " + f.title() + "  [" + f.id() + "]");
        out.println("     For cause #" + a.rank() + " " + a.id() + " (CF " + CfArithmetic.cf(a.cf())
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

  private static String sources(List<Outline.Cited> cited) {
    if (cited.isEmpty()) {
      return "none cited";
    }
    return cited.stream()
        .map(c -> c.source().map(s -> c.id() + " (" + Spelled.spelling(s.reliability()) + ")").orElse(c.id()))
        .collect(Collectors.joining(", "));
  }

  private static String signed(double cf) {
    return (cf > 0 ? "+" : "") + CfArithmetic.cf(cf);
  }
}
