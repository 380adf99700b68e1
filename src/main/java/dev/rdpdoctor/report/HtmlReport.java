package dev.rdpdoctor.report;

import dev.rdpdoctor.casefile.Conflict;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.Restart;
import dev.rdpdoctor.knowledge.Risk;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.yaml.Spelled;
import java.io.PrintWriter;
import java.util.List;

/**
 * A self-contained HTML report (one file, no external assets): ranked causes with CF bars, fix
 * steps with risk badges and rollbacks, collapsible traces, sources with reliability and links.
 */
public final class HtmlReport implements Report {

  private static final String STYLE = """
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;max-width:980px;margin:2rem auto;padding:0 1rem;background:#f6f7f9}
      header{border-bottom:2px solid #d7dbe2;margin-bottom:1rem}
      h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .6rem}h3{font-size:1.05rem;margin:0}
      .meta{color:#5a6272;margin:.2rem 0 .8rem}
      .cause{background:#fff;border:1px solid #d7dbe2;border-radius:8px;padding:.9rem 1rem;margin:.7rem 0}
      .cause.top{border:2px solid #2f6fdb}
      .head{display:flex;justify-content:space-between;gap:1rem;align-items:baseline}
      .id{font-family:ui-monospace,Consolas,monospace;color:#5a6272;font-size:.85rem}
      .cf{display:flex;align-items:center;gap:.5rem;min-width:14rem}
      .bar{flex:1;height:.6rem;background:#e5e8ee;border-radius:4px;overflow:hidden}
      .bar span{display:block;height:100%;background:#2f6fdb}
      .bar.against span{background:#9aa3b2}
      .cfv{font-variant-numeric:tabular-nums;font-weight:600;width:3.2rem;text-align:right}
      .badge{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.78rem;font-weight:600;vertical-align:middle;background:#eef0f4;color:#333}
      .risk-low{background:#dff3e4;color:#17602c}.risk-medium{background:#fff1d6;color:#7a4b00}.risk-high{background:#fde0e0;color:#8f1d1d}
      .rel-high{background:#dde9fb;color:#1b4a9a}.rel-medium{background:#ece6fb;color:#4b2d91}.rel-low{background:#eeeeee;color:#555}
      .warn{background:#fff4e0;border-left:4px solid #e0a030;padding:.3rem .6rem;margin:.5rem 0}
      .fix{border-top:1px dashed #d7dbe2;margin-top:.7rem;padding-top:.6rem}
      .fix ol{margin:.4rem 0 .4rem 1.2rem;padding:0}.fix li{margin:.15rem 0}
      .fix dl{display:grid;grid-template-columns:6.5rem 1fr;gap:.2rem .6rem;margin:.3rem 0}.fix dt{font-weight:600;color:#5a6272}.fix dd{margin:0}
      code,.path{font-family:ui-monospace,Consolas,monospace;font-size:.88em;word-break:break-word}
      details{margin:.5rem 0}summary{cursor:pointer;color:#2f6fdb}
      .ev{margin:.4rem 0 .6rem .8rem}.ev .facts{margin:.2rem 0 .2rem 1rem;color:#333}
      table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #d7dbe2;padding:.35rem .5rem;text-align:left;vertical-align:top}
      th{background:#eef0f4}
      footer{color:#5a6272;font-size:.85rem;margin:2rem 0}
      """;

  @Override
  public void write(Outline o, PrintWriter out) {
    Outline.Header h = o.header();
    String title = h.title() == null ? "rdp-doctor diagnosis" : h.title();
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>" + esc(title) + "</title><style>" + STYLE + "</style></head><body>");
    out.println("<header><h1>" + esc(title) + "</h1><p class=\"meta\">Case <code>" + esc(h.source()) + "</code> &middot; observed "
        + h.observed() + "</p><ul class=\"meta codes\"><li>error " + code(h.error()) + "</li><li>extended " + code(h.extended())
        + "</li></ul></header>");
    out.println("<main>");
    writeConflicts(o.conflicts(), out);
    out.println("<section id=\"ranked\"><h2>Likely causes</h2>");
    if (o.ranked().isEmpty()) {
      out.println("<p>No cause is supported by the facts given.</p>");
    }
    if (o.rankedByBaseRate()) {
      out.println("<p class=\"warn\">No fact you gave points at a cause yet. These are the most common causes of"
          + " 0x904 / 0x7, ranked by how common they are, <strong>not from your facts</strong>.</p>");
    }
    o.ranked().forEach(a -> writeCause(a, out));
    out.println("</section>");
    writeChecks(o.nextChecks(), out);
    writeUnread(o.unread(), out);
    if (!o.ruledOut().isEmpty()) {
      out.println("<section id=\"ruled-out\"><h2>Ruled out by the evidence</h2>");
      o.ruledOut().forEach(a -> writeCause(a, out));
      out.println("</section>");
    }
    writeSources(o.sources(), out);
    out.println("</main><footer>rdp-doctor &middot; knowledge base <code>" + esc(o.knowledge()) + "</code></footer>");
    out.println("</body></html>");
    out.flush();
  }

  private static void writeConflicts(List<Conflict> conflicts, PrintWriter out) {
    if (conflicts.isEmpty()) {
      return;
    }
    String by = conflicts.get(0).by();
    out.println("<section id=\"conflicts\" class=\"warn\"><p>" + esc(Character.toUpperCase(by.charAt(0)) + by.substring(1))
        + " saw something else than the file says; the file's statements were used:</p><ul>");
    conflicts.forEach(x -> out.println("<li><span class=\"path\">" + esc(x.path()) + "</span>: the file says <code>"
        + esc(x.stated()) + "</code>, " + esc(x.by()) + " saw <code>" + esc(x.probed()) + "</code>"
        + x.origin().map(w -> " <small>(" + esc(w) + ")</small>").orElse("") + "</li>"));
    out.println("</ul></section>");
  }

  private static void writeUnread(List<Diagnosis.Unread> unread, PrintWriter out) {
    if (unread.isEmpty()) {
      return;
    }
    out.println("<section id=\"not-read\"><h2>Not read by any rule</h2><p>Kept, but nothing above weighs it:</p><ul>");
    unread.forEach(u -> out.println("<li><span class=\"path\">" + esc(u.path()) + "</span>: <code>"
        + esc(Outline.oneLine(u.value())) + "</code></li>"));
    out.println("</ul></section>");
  }

  private static void writeChecks(List<NextCheck> checks, PrintWriter out) {
    if (checks.isEmpty()) {
      return;
    }
    out.println("<section id=\"next-checks\"><h2>Next checks</h2><p>The evidence is thin; these checks would best separate the leading causes, cheapest first.</p><ol>");
    for (NextCheck check : checks) {
      out.println("<li>" + esc(check.ask()) + " <span class=\"badge cost\">" + Spelled.spelling(check.cost()) + " cost</span>"
          + (check.how() == null ? "" : "<br><small>How: " + esc(check.how()) + "</small>")
          + "<br><small>Separates: " + esc(String.join(", ", check.separates())) + "</small></li>");
    }
    out.println("</ol></section>");
  }

  /** A likely cause (the first of them with all its fixes) or one ruled out, with its trace. */
  private static void writeCause(Outline.Cause a, PrintWriter out) {
    boolean top = a.rank() == 1;
    out.println("<article class=\"cause" + (top ? " top" : "") + "\" id=\"cause-" + esc(a.id()) + "\" data-cf=\""
        + CfArithmetic.cf(a.cf()) + "\">");
    out.println("<div class=\"head\"><h3>" + (a.ruledOut() ? "" : a.rank() + ". ") + esc(a.title())
        + " <span class=\"id\">" + esc(a.id()) + "</span></h3>");
    // the bar shows the CF as printed beside it
    int width = (int) Math.round(Math.abs(Double.parseDouble(CfArithmetic.cf(a.cf()))) * 100);
    out.println("<div class=\"cf\" title=\"certainty factor\"><div class=\"bar" + (a.ruledOut() ? " against" : "")
        + "\"><span style=\"width:" + width + "%\"></span></div><span class=\"cfv\">" + CfArithmetic.cf(a.cf()) + "</span></div></div>");
    if (a.onlyUnofficial()) {
      out.println("<p class=\"warn\">Only unofficial sources claim the evidence for this cause.</p>");
    }
    a.fromBaseRate().ifPresent(r -> out.println("<p>About " + TextReport.percent(r.share())
        + " of 0x904 / 0x7 tickets (" + esc(r.from()) + "): from how common it is, not from your facts.</p>"));
    if (!a.ruledOut()) {
      a.firstFix().ifPresent(f -> writeFix(f, "Fix first", out));
      if (top) {
        a.laterFixes().forEach(f -> writeFix(f, "Then, if needed", out));
      } else if (!a.laterFixes().isEmpty()) {
        out.println("<p><small>" + a.laterFixes().size() + " more fix(es) in the order to try them: "
            + esc(String.join(", ", a.laterFixes().stream().map(Fix::id).toList())) + "</small></p>");
      }
      for (Outline.Skipped s : a.skipped()) {
        out.println("<p class=\"skipped\"><small>Not offered, does not apply to this case: " + esc(s.fix().title())
            + " <code>" + esc(s.fix().id()) + "</code>: " + esc(s.why()) + "</small></p>");
      }
    }
    writeTrace(a, out);
    out.println("</article>");
  }

  private static void writeTrace(Outline.Cause a, PrintWriter out) {
    out.println("<details class=\"trace\"><summary>How: the evidence and its arithmetic</summary>");
    for (Outline.Evidence e : a.evidence()) {
      RuleInfo r = e.rule().info();
      out.println("<div class=\"ev\"><strong>" + (e.cf() > 0 ? "+" : "") + CfArithmetic.cf(e.cf()) + "</strong> "
          + "<code>" + esc(r.id()) + "</code> " + esc(r.name()) + " <span class=\"path\">" + esc(r.location()) + "</span>");
      out.println("<ul class=\"facts\">");
      for (Firing f : e.firings()) {
        for (MatchedFact m : f.facts()) {
          out.println("<li><span class=\"path\">" + esc(m.path()) + "</span> = <code>" + esc(m.value()) + "</code>"
              + m.line().map(l -> " (line " + l + ")").orElse("")
              + m.derivation().map(s -> " <small>(worked out: " + esc(s) + ")</small>").orElse("") + "</li>");
        }
      }
      out.println("</ul><div>Sources: ");
      for (Outline.Cited c : e.rule().sources()) {
        out.println(sourceBadge(c));
      }
      out.println("</div></div>");
    }
    out.println("<p><code>" + esc(a.arithmetic()) + "</code></p></details>");
  }

  private static void writeFix(Fix f, String heading, PrintWriter out) {
    String risk = Spelled.spelling(f.risk());
    out.println("<div class=\"fix\" id=\"fix-" + esc(f.id()) + "\"><p><strong>" + heading + ":</strong> " + esc(f.title())
        + " <span class=\"badge risk-" + risk + "\">risk " + risk + "</span>"
        + (f.isTestOnly() ? " <span class=\"badge risk-high\">test only</span>" : "")
        + (f.restart() == Restart.NONE ? "" : " <span class=\"badge\">restart: " + Spelled.spelling(f.restart()) + "</span>")
        + "</p><ol>");
    for (String step : f.steps()) {
      out.println("<li>" + esc(step) + "</li>");
    }
    out.println("</ol><dl><dt>Roll back</dt><dd>" + esc(f.rollback() == null ? "(not given)" : f.rollback()) + "</dd>"
        + "<dt>Verify</dt><dd>" + esc(f.verify() == null ? "(not given)" : f.verify()) + "</dd>"
        + (f.note() == null ? "" : "<dt>Note</dt><dd>" + esc(f.note()) + "</dd>") + "</dl></div>");
    if (f.risk() == Risk.HIGH) {
      out.println("<p class=\"warn\">High risk: weakens security or is hard to undo. Keep the rollback at hand.</p>");
    }
  }

  private static void writeSources(List<Outline.Cited> cited, PrintWriter out) {
    if (cited.isEmpty()) {
      return;
    }
    out.println("<section id=\"sources\"><h2>Sources</h2><table><thead><tr><th>source</th><th>reliability</th><th>title</th></tr></thead><tbody>");
    for (Outline.Cited c : cited) {
      c.source().ifPresent(s -> out.println("<tr><td><code>" + esc(c.id()) + "</code></td><td>"
          + "<span class=\"badge rel-" + Spelled.spelling(s.reliability()) + "\">" + Spelled.spelling(s.reliability()) + "</span></td><td>"
          + link(s) + "</td></tr>"));
    }
    out.println("</tbody></table></section>");
  }

  private static String sourceBadge(Outline.Cited c) {
    return c.source()
        .map(s -> "<span class=\"badge rel-" + Spelled.spelling(s.reliability()) + "\" title=\"" + esc(s.title()) + "\">"
            + esc(c.id()) + "</span>")
        .orElse("<span class=\"badge\">" + esc(c.id()) + "</span>");
  }

  private static String code(Outline.Code code) {
    return esc(Codes.both(code.value())) + code.meaning().map(m -> ": " + esc(m)).orElse("");
  }

  private static String link(Source s) {
    return s.where().startsWith("https://") || s.where().startsWith("http://")
        ? "<a href=\"" + esc(s.where()) + "\">" + esc(s.title()) + "</a>"
        : esc(s.title()) + " <small>(" + esc(s.where()) + ")</small>";
  }

  /** HTML text and attribute escaping. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

}
