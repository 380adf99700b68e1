package dev.rdpdoctor.report;

import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.BaseRate;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.yaml.Spelled;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The diagnosis in Markdown, to paste into a ticket. */
public final class MarkdownReport implements Report {

  @Override
  public void write(Outline o, PrintWriter out) {
    writeHeader(o, out);
    if (o.ranked().isEmpty()) {
      out.println("No cause is supported by the facts given.");
      out.println();
    } else if (o.rankedByBaseRate()) {
      writeCommon(o.ranked(), out);
    } else {
      writeTop(o.ranked().get(0), out);
    }
    if (!o.rankedByBaseRate()) {
      writeOthers(o.ranked(), out);
    }
    writeRuledOut(o.ruledOut(), out);
    writeChecks(o.nextChecks(), out);
    writeUnread(o.unread(), out);
    if (!o.causes().isEmpty()) {
      writeEvidence(o, out);
    }
    out.flush();
  }

  private static void writeHeader(Outline o, PrintWriter out) {
    Outline.Header h = o.header();
    out.println("# rdp-doctor diagnosis" + (h.title() == null ? "" : ": " + text(h.title())));
    out.println();
    out.println("Case `" + h.source() + "`, observed " + h.observed() + ":");
    out.println();
    out.println("- error " + code(h.error()));
    out.println("- extended " + code(h.extended()));
    out.println();
    if (!o.conflicts().isEmpty()) {
      out.println("> " + capital(o.conflicts().get(0).by()) + " saw something else than the file says; the file's statements were used:");
      o.conflicts().forEach(x -> out.println("> - `" + x.path() + "`: the file says " + text(x.stated()) + ", " + x.by() + " saw "
          + text(x.probed()) + x.origin().map(w -> " (" + text(w) + ")").orElse("")));
      out.println();
    }
  }

  private static void writeTop(Outline.Cause top, PrintWriter out) {
    out.println("## Most likely: " + text(top.title()) + " (`" + top.id() + "`), CF " + CfArithmetic.cf(top.cf()));
    out.println();
    if (top.onlyUnofficial()) {
      out.println("> Only unofficial sources claim the evidence for this cause.");
      out.println();
    }
    top.firstFix().ifPresent(f -> writeFix(f, "Fix first", out));
    top.laterFixes().forEach(f -> writeFix(f, "Then, if needed", out));
    if (!top.skipped().isEmpty()) {
      out.println("Not offered (does not apply to this case):");
      out.println();
      top.skipped().forEach(s -> out.println("- " + text(s.fix().title()) + " `" + s.fix().id() + "`: " + text(s.why())));
      out.println();
    }
  }

  private static void writeCommon(List<Outline.Cause> ranked, PrintWriter out) {
    out.println("## No fact points at a cause yet");
    out.println();
    out.println("The most common causes of 0x904 / 0x7, from how common they are, **not from your facts**:");
    out.println();
    out.println("| # | cause | share of such tickets | from | first fix (risk) |");
    out.println("|---|---|---|---|---|");
    for (Outline.Cause a : ranked) {
      BaseRate r = a.fromBaseRate().orElseThrow();
      String first = a.firstFix().map(f -> "`" + f.id() + "` (" + Spelled.spelling(f.risk()) + ")").orElse("none recorded");
      out.println("| " + a.rank() + " | " + cell(a.title()) + " (`" + a.id() + "`) | about " + TextReport.percent(r.share())
          + " | " + cell(r.from()) + " | " + first + " |");
    }
    out.println();
  }

  private static void writeUnread(List<Diagnosis.Unread> unread, PrintWriter out) {
    if (unread.isEmpty()) {
      return;
    }
    out.println("## Not read by any rule");
    out.println();
    out.println("Kept, but nothing above weighs it:");
    out.println();
    unread.forEach(u -> out.println("- `" + u.path() + "`: " + text(Outline.oneLine(u.value()))));
    out.println();
  }

  private static void writeOthers(List<Outline.Cause> ranked, PrintWriter out) {
    if (ranked.size() < 2) {
      return;
    }
    out.println("## Other possible causes");
    out.println();
    out.println("| # | cause | CF | first fix (risk) |");
    out.println("|---|---|---|---|");
    for (Outline.Cause a : ranked.subList(1, ranked.size())) {
      String first = a.firstFix().map(f -> "`" + f.id() + "` (" + Spelled.spelling(f.risk()) + ")").orElse("none recorded");
      out.println("| " + a.rank() + " | " + cell(a.title()) + " (`" + a.id() + "`) | " + CfArithmetic.cf(a.cf()) + " | " + first + " |");
    }
    out.println();
  }

  private static void writeRuledOut(List<Outline.Cause> ruledOut, PrintWriter out) {
    if (ruledOut.isEmpty()) {
      return;
    }
    out.println("## Ruled out");
    out.println();
    out.println("| cause | CF | strongest evidence against |");
    out.println("|---|---|---|");
    for (Outline.Cause a : ruledOut) {
      String against = a.strongestAgainst().map(e -> cell(e.rule().info().name()) + " (" + e.rule().info().id() + ")").orElse("");
      out.println("| " + cell(a.title()) + " (`" + a.id() + "`) | " + CfArithmetic.cf(a.cf()) + " | " + against + " |");
    }
    out.println();
  }

  private static void writeChecks(List<NextCheck> checks, PrintWriter out) {
    if (checks.isEmpty()) {
      return;
    }
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

  private static void writeFix(Fix f, String heading, PrintWriter out) {
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

  private static void writeEvidence(Outline o, PrintWriter out) {
    out.println("## Evidence");
    out.println();
    for (Outline.Cause a : o.causes()) {
      out.println("**`" + a.id() + "`**, CF " + CfArithmetic.cf(a.cf()) + ": " + a.arithmetic());
      out.println();
      for (Outline.Evidence e : a.evidence()) {
        RuleInfo r = e.rule().info();
        String facts = e.firings().stream().map(Firing::facts).flatMap(List::stream)
            .map(MarkdownReport::fact).distinct().collect(Collectors.joining("; "));
        out.println("- " + (e.cf() > 0 ? "+" : "") + CfArithmetic.cf(e.cf()) + " " + r.id() + " " + text(r.name())
            + " (`" + r.location() + "`): " + facts + ". Sources: " + String.join(", ", r.sources()));
      }
      out.println();
    }
    out.println("## Sources");
    out.println();
    for (Outline.Cited c : o.sources()) {
      c.source().ifPresent(s -> out.println("- `" + c.id() + "` (" + Spelled.spelling(s.reliability()) + "): "
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

  private static String code(Outline.Code code) {
    return Codes.both(code.value()) + code.meaning().map(m -> ": " + text(m)).orElse("");
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
