package dev.rdpdoctor.report;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Evidence;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.knowledge.CodeMeaning;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.yaml.Spelled;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The diagnosis in Markdown, to paste into a ticket. */
public final class MarkdownReport {

  private final KnowledgeBase knowledge;

  public MarkdownReport(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  public void write(Diagnosis d, List<NextCheck> checks, PrintWriter out) {
    CaseFile c = d.caseFile();
    out.println("# rdp-doctor diagnosis" + (c.symptoms().title() == null ? "" : ": " + text(c.symptoms().title())));
    out.println();
    out.println("Case `" + c.source() + "`, observed " + c.observed() + ":");
    out.println();
    out.println("- error " + Codes.both(c.error().code())
        + knowledge.meaning(CodeMeaning.Kind.DISCONNECT, c.error().code()).map(m -> ": " + text(m.means())).orElse(""));
    out.println("- extended " + Codes.both(c.error().extended())
        + knowledge.meaning(CodeMeaning.Kind.EXTENDED, c.error().extended()).map(m -> ": " + text(m.means())).orElse(""));
    out.println();
    if (!c.conflicts().isEmpty()) {
      out.println("> The probe saw something else than the file says; the file's statements were used:");
      c.conflicts().forEach(x -> out.println("> - `" + x.path() + "`: the file says " + text(x.stated()) + ", the probe saw " + text(x.probed())));
      out.println();
    }
    if (d.ranked().isEmpty()) {
      out.println("No cause is supported by the facts given.");
      out.println();
    } else {
      CauseAssessment top = d.ranked().get(0);
      out.println("## Most likely: " + text(top.cause().title()) + " (`" + top.cause().id() + "`), CF " + CfArithmetic.cf(top.cf()));
      out.println();
      if (new ExplainReport(knowledge).unofficial(top.evidenceFor().stream().flatMap(e -> e.rule().sources().stream()).toList())) {
        out.println("> Only unofficial sources claim the evidence for this cause.");
        out.println();
      }
      List<Fix> fixes = top.cause().fixesInSafeOrder();
      for (int i = 0; i < fixes.size(); i++) {
        writeFix(fixes.get(i), i == 0 ? "Fix first" : "Then, if needed", out);
      }
    }
    if (d.ranked().size() > 1) {
      out.println("## Other possible causes");
      out.println();
      out.println("| # | cause | CF | first fix (risk) |");
      out.println("|---|---|---|---|");
      for (int i = 1; i < d.ranked().size(); i++) {
        CauseAssessment a = d.ranked().get(i);
        String first = a.cause().fixesInSafeOrder().stream().findFirst()
            .map(f -> "`" + f.id() + "` (" + Spelled.spelling(f.risk()) + ")").orElse("none recorded");
        out.println("| " + (i + 1) + " | " + cell(a.cause().title()) + " (`" + a.cause().id() + "`) | "
            + CfArithmetic.cf(a.cf()) + " | " + first + " |");
      }
      out.println();
    }
    if (!d.ruledOut().isEmpty()) {
      out.println("## Ruled out");
      out.println();
      out.println("| cause | CF | strongest evidence against |");
      out.println("|---|---|---|");
      for (CauseAssessment a : d.ruledOut()) {
        Evidence e = a.evidenceAgainst().get(0);
        out.println("| " + cell(a.cause().title()) + " (`" + a.cause().id() + "`) | " + CfArithmetic.cf(a.cf()) + " | "
            + cell(e.rule().name()) + " (" + e.rule().id() + ") |");
      }
      out.println();
    }
    if (!checks.isEmpty()) {
      out.println("## Next checks");
      out.println();
      out.println("The evidence is thin; these checks would best separate the leading causes, cheapest first:");
      out.println();
      for (NextCheck check : checks) {
        out.println("- " + text(check.ask()) + " (" + Spelled.spelling(check.cost()) + " cost; separates "
            + check.separates().stream().map(s -> "`" + s + "`").collect(Collectors.joining(", ")) + ")"
            + (check.how() == null ? "" : "  \n  How: " + text(check.how())));
      }
      out.println();
    }
    writeEvidence(d, out);
    out.flush();
  }

  private void writeFix(Fix f, String heading, PrintWriter out) {
    out.println("**" + heading + "** (risk **" + Spelled.spelling(f.risk()) + "**" + (f.isTestOnly() ? ", test only" : "")
        + ", restart: " + Spelled.spelling(f.restart()) + "): " + text(f.title()) + " `" + f.id() + "`");
    out.println();
    for (int i = 0; i < f.steps().size(); i++) {
      out.println((i + 1) + ". " + text(f.steps().get(i)));
    }
    out.println();
    out.println("- Roll back: " + (f.rollback() == null ? "(not given)" : text(f.rollback())));
    out.println("- Verify: " + (f.verify() == null ? "(not given)" : text(f.verify())));
    if (f.note() != null) {
      out.println("- Note: " + text(f.note()));
    }
    out.println();
  }

  private void writeEvidence(Diagnosis d, PrintWriter out) {
    if (d.ranked().isEmpty() && d.ruledOut().isEmpty()) {
      return;
    }
    out.println("## Evidence");
    out.println();
    Set<String> cited = new LinkedHashSet<>();
    for (CauseAssessment a : concat(d.ranked(), d.ruledOut())) {
      out.println("**`" + a.cause().id() + "`**, CF " + CfArithmetic.cf(a.cf()) + ": " + CfArithmetic.explain(a));
      out.println();
      for (Evidence e : a.evidence()) {
        cited.addAll(e.rule().sources());
        String facts = e.firings().stream().map(Firing::facts).flatMap(List::stream)
            .map(MarkdownReport::fact).distinct().collect(Collectors.joining("; "));
        out.println("- " + (e.cf() > 0 ? "+" : "") + CfArithmetic.cf(e.cf()) + " " + e.rule().id() + " " + text(e.rule().name())
            + " (`" + e.rule().location() + "`): " + facts + ". Sources: " + String.join(", ", e.rule().sources()));
      }
      out.println();
    }
    out.println("## Sources");
    out.println();
    for (String id : cited) {
      knowledge.source(id).ifPresent(s -> out.println("- `" + id + "` (" + Spelled.spelling(s.reliability()) + "): "
          + text(s.title()) + ", " + link(s)));
    }
    out.println();
  }

  private static String fact(MatchedFact m) {
    return "`" + m.path() + "` = " + text(m.value()) + m.line().map(l -> " (line " + l + ")").orElse("")
        + m.derivation().map(s -> " (worked out: " + text(s) + ")").orElse("");
  }

  private static String link(Source s) {
    return s.where().startsWith("http") ? "<" + s.where() + ">" : "`" + s.where() + "`";
  }

  private static List<CauseAssessment> concat(List<CauseAssessment> a, List<CauseAssessment> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /**
   * Markdown-safe text that still reads well raw: only what would start formatting is escaped
   * ({@code * ` < | [ ]}, and a backslash before punctuation), so registry paths stay as they are.
   */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      switch (ch) {
        case '\\' -> out.append(isAsciiPunctuation(next) ? "\\\\" : "\\");
        case '*', '`', '<', '|', '[', ']' -> out.append('\\').append(ch);
        case '\n', '\r' -> out.append(' ');
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean isAsciiPunctuation(char ch) {
    return ch < 128 && !Character.isLetterOrDigit(ch) && !Character.isWhitespace(ch) && ch > 32;
  }

  private static String cell(String s) {
    return text(s);
  }
}
