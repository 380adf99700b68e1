package dev.rdpdoctor.ruletools.evaluation;

import static dev.rdpdoctor.ruletools.evaluation.Figures.cf;
import static dev.rdpdoctor.ruletools.evaluation.Figures.interval;
import static dev.rdpdoctor.ruletools.evaluation.Figures.lift;
import static dev.rdpdoctor.ruletools.evaluation.Figures.percent;
import static dev.rdpdoctor.ruletools.evaluation.Figures.share;

import dev.rdpdoctor.ruletools.evaluation.Evaluation.CauseScore;
import dev.rdpdoctor.ruletools.evaluation.Evaluation.RuleScore;
import dev.rdpdoctor.ruletools.evaluation.Evaluation.Ticket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rules evaluate --format html}: one self-contained page (no script, no external asset)
 * with the pictures people would rather look at than read, each followed by its figures as a
 * table: accuracy per cause, the confusion matrix as a heat map, and rule precision against
 * firing count ({@link EvaluationCharts}).
 */
public final class EvaluationHtml {

  private static final String STYLE = """
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;max-width:1040px;margin:2rem auto;padding:0 1rem;background:#f6f7f9}
      h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.8rem 0 .6rem}
      .meta{color:#5a6272;margin:.2rem 0 .8rem}
      .headline{display:grid;grid-template-columns:repeat(4,1fr);gap:.7rem;margin:1rem 0}
      .figure{background:#fff;border:1px solid #d7dbe2;border-radius:8px;padding:.7rem .9rem}
      .figure b{display:block;font-size:1.6rem;font-variant-numeric:tabular-nums}.figure span{color:#5a6272;font-size:.85rem}
      figure{margin:1rem 0;background:#fff;border:1px solid #d7dbe2;border-radius:8px;padding:.5rem}
      figure svg{display:block;width:100%;height:auto}figcaption{color:#5a6272;font-size:.85rem;padding:.3rem .5rem}
      code{font-family:ui-monospace,Consolas,monospace;font-size:.88em;word-break:break-word}
      table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}th,td{border:1px solid #d7dbe2;padding:.3rem .45rem;text-align:left;vertical-align:top}
      th{background:#eef0f4}td.n{text-align:right;font-variant-numeric:tabular-nums}td code{white-space:nowrap}
      tr.misleads td{background:#fde0e0}.better{color:#17602c;font-weight:600}.worse{color:#8f1d1d;font-weight:600}
      details{margin:.6rem 0}summary{cursor:pointer;color:#2f6fdb}
      footer{color:#5a6272;font-size:.85rem;margin:2rem 0}
      """;

  public String write(Evaluation e, Optional<Comparison> comparison) {
    EvaluationCharts charts = new EvaluationCharts();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Evaluation on ").append(e.tickets().size()).append(" resolved tickets</title><style>").append(STYLE)
        .append("</style></head><body>\n");
    h.append("<header><h1>The knowledge base on ").append(e.tickets().size()).append(" resolved tickets</h1><p class=\"meta\">Rules <code>")
        .append(esc(e.knowledge())).append("</code> &middot; ").append(e.causes()).append(" causes known");
    if (!e.skipped().isEmpty()) {
      h.append(" &middot; ").append(e.skipped().size()).append(" skipped (no resolution)");
    }
    if (!e.invalid().isEmpty()) {
      h.append(" &middot; ").append(e.invalid().size()).append(" invalid, not measured");
    }
    h.append("</p></header>\n<main>\n<section id=\"headline\" class=\"headline\">");
    headline(h, percent(e.top1().value()), "confirmed cause ranked first: " + share(e.top1()));
    headline(h, percent(e.top3().value()), "in the first three: " + share(e.top3()));
    headline(h, Figures.rank(e.meanRank()), "mean rank of the confirmed cause (not ranked counts as " + e.causes() + ")");
    Share risky = new Share(e.riskyFirst().size(), e.tickets().size());
    headline(h, String.valueOf(risky.k()), "tickets with a high-risk fix offered first: " + share(risky));
    h.append("</section>\n<p>Intervals are 95 % Wilson score intervals. The cause itself was confirmed on ")
        .append(e.causeConfirmed().size()).append(" of the tickets; on the others only its fix was seen to work.</p>\n");
    comparison.ifPresent(c -> comparison(h, c));

    h.append("<section id=\"per-cause\"><h2>Accuracy per confirmed cause</h2>\n<figure>").append(charts.perCause(e.perCause()))
        .append("<figcaption>Share of each cause's tickets on which it was ranked first, and in the first three; the least")
        .append(" often right at the top. The number of tickets is in brackets: with one or two, a bar says little.</figcaption></figure>\n");
    h.append("<table><thead><tr><th>cause</th><th>tickets</th><th>ranked first</th><th>in the first three</th><th>mean rank</th></tr></thead><tbody>\n");
    for (CauseScore c : e.perCause()) {
      h.append("<tr><td><code>").append(esc(c.cause())).append("</code></td><td class=\"n\">").append(c.top1().n()).append("</td><td>")
          .append(share(c.top1())).append("</td><td>").append(share(c.top3())).append("</td><td class=\"n\">")
          .append(Figures.rank(c.meanRank())).append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");

    h.append("<section id=\"confusion\"><h2>Confused: the confirmed cause against the cause ranked first</h2>\n<figure>")
        .append(charts.confusion(e.confusion(), e.confusionColumns()))
        .append("<figcaption>A row per confirmed cause, a column per cause ranked first; each cell counts tickets. Green")
        .append(" cells, on the framed diagonal, were ranked right; red ones are a cause the knowledge base mistook for another,")
        .append(" the darker the more often.</figcaption></figure>\n");
    h.append("<table><thead><tr><th>confirmed cause</th><th>ranked first instead (tickets)</th><th>right</th></tr></thead><tbody>\n");
    for (Map.Entry<String, Map<String, Integer>> row : e.confusion().entrySet()) {
      List<String> wrong = row.getValue().entrySet().stream().filter(c -> !c.getKey().equals(row.getKey()))
          .map(c -> c.getKey() + " " + c.getValue()).toList();
      if (!wrong.isEmpty()) {
        h.append("<tr><td><code>").append(esc(row.getKey())).append("</code></td><td>").append(esc(String.join(", ", wrong)))
            .append("</td><td class=\"n\">").append(row.getValue().getOrDefault(row.getKey(), 0)).append("</td></tr>\n");
      }
    }
    h.append("</tbody></table></section>\n");

    h.append("<section id=\"worst\"><h2>The tickets it got most wrong</h2>\n<table><thead><tr><th>rank</th><th>ticket</th>")
        .append("<th>confirmed cause</th><th>why</th></tr></thead><tbody>\n");
    for (Ticket t : e.worst()) {
      h.append("<tr><td class=\"n\">").append(Figures.rank(t.rank())).append("</td><td><code>").append(esc(t.file().toString()))
          .append("</code></td><td><code>").append(esc(t.confirmed())).append("</code></td><td>").append(esc(t.why())).append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");

    h.append("<section id=\"rules\"><h2>Rules: precision against firing count</h2>\n<figure>").append(charts.precision(e.rules()))
        .append("<figcaption>Each rule that fired on a ticket: on how many (across) and how often it was right there (up).")
        .append(" Rules that mislead (on two or more tickets, their cause no more common where they fire than anywhere) are red")
        .append(" and named.</figcaption></figure>\n");
    h.append("<p>").append(e.unfired()).append(" rules with a cause fired on no ticket. <em>Right</em>: for a rule for its")
        .append(" cause, the tickets whose confirmed cause it is (its precision); for a rule against it, those whose cause is")
        .append(" another. <em>Lift</em>: how much more often its cause is the confirmed one where it fires than among all tickets (1: it tells nothing). <em>Suggested</em>: the CF the")
        .append(" outcomes support, never applied, resting on <em>n</em> tickets: the current CF read as a precision by")
        .append(" MYCIN's definition, a Beta prior worth ").append(WeightEstimate.PRIOR_TICKETS).append(" tickets updated by")
        .append(" what was seen, mapped back (rules/README.md).</p>\n");
    h.append("<table><thead><tr><th>rule</th><th>cause</th><th>CF</th><th>fired (n)</th><th>right</th><th>95 %</th><th>lift</th>")
        .append("<th>suggested CF</th><th>where</th></tr></thead><tbody>\n");
    for (RuleScore r : e.rules()) {
      h.append(r.misleads() ? "<tr class=\"misleads\">" : "<tr>").append("<td><code>").append(esc(r.rule().id()))
          .append("</code></td><td><code>").append(esc(r.cause())).append("</code></td><td class=\"n\">").append(cf(r.cf()))
          .append("</td><td class=\"n\">").append(r.right().n()).append("</td><td class=\"n\">").append(percent(r.right().value()))
          .append("</td><td>").append(interval(r.right())).append("</td><td class=\"n\">").append(lift(r.lift()))
          .append("</td><td class=\"n\">").append(cf(r.suggested())).append("</td><td><code>").append(esc(r.rule().location()))
          .append("</code></td></tr>\n");
    }
    h.append("</tbody></table></section>\n");

    h.append("<section id=\"tickets\"><h2>Every ticket</h2><details><summary>").append(e.tickets().size())
        .append(" tickets, with where the confirmed cause ranked</summary>\n<table><thead><tr><th>rank</th><th>ticket</th>")
        .append("<th>confirmed cause</th><th>ranked first</th><th>fix offered first</th></tr></thead><tbody>\n");
    for (Ticket t : e.tickets()) {
      h.append("<tr><td class=\"n\">").append(Figures.rank(t.rank())).append("</td><td><code>").append(esc(t.file().toString()))
          .append("</code></td><td><code>").append(esc(t.confirmed())).append("</code>").append(t.causeConfirmed() ? "" : " (only the fix)")
          .append("</td><td><code>").append(esc(t.top().orElse(Evaluation.NOTHING))).append("</code></td><td>")
          .append(t.firstFix().map(f -> "<code>" + esc(f.id()) + "</code> (" + f.risk().name().toLowerCase(java.util.Locale.ROOT) + ")")
              .orElse("")).append("</td></tr>\n");
    }
    h.append("</tbody></table></details>\n");
    paths(h, "Skipped, no resolution", e.skipped());
    paths(h, "Invalid, not measured", e.invalid());
    h.append("</section>\n</main>\n<footer>rdp-doctor rules evaluate &middot; charts drawn by JFreeChart as SVG</footer>\n</body></html>\n");
    return h.toString();
  }

  private static void headline(StringBuilder h, String value, String what) {
    h.append("<div class=\"figure\"><b>").append(esc(value)).append("</b><span>").append(esc(what)).append("</span></div>");
  }

  private static void comparison(StringBuilder h, Comparison c) {
    h.append("<section id=\"compare\"><h2>Compared with <code>").append(esc(c.before().knowledge())).append("</code></h2>\n")
        .append("<table><thead><tr><th></th><th>before</th><th>after</th></tr></thead><tbody>")
        .append("<tr><td>ranked first</td><td class=\"n\">").append(c.before().top1().k()).append("</td><td class=\"n\">")
        .append(c.after().top1().k()).append("</td></tr><tr><td>in the first three</td><td class=\"n\">").append(c.before().top3().k())
        .append("</td><td class=\"n\">").append(c.after().top3().k()).append("</td></tr><tr><td>mean rank</td><td class=\"n\">")
        .append(Figures.rank(c.before().meanRank())).append("</td><td class=\"n\">").append(Figures.rank(c.after().meanRank()))
        .append("</td></tr></tbody></table>\n<p>").append(c.changed().size()).append(" tickets whose confirmed cause ranks elsewhere:</p>\n")
        .append("<table><thead><tr><th></th><th>ticket</th><th>confirmed cause</th><th>rank before</th><th>rank after</th>")
        .append("<th>first before</th><th>first after</th></tr></thead><tbody>\n");
    for (Comparison.Change ch : c.changed()) {
      h.append("<tr><td class=\"").append(ch.better() ? "better\">better" : "worse\">worse").append("</td><td><code>")
          .append(esc(ch.file().toString())).append("</code></td><td><code>").append(esc(ch.confirmed())).append("</code></td><td class=\"n\">")
          .append(Figures.rank(ch.rankBefore())).append("</td><td class=\"n\">").append(Figures.rank(ch.rankAfter())).append("</td><td><code>")
          .append(esc(ch.topBefore().orElse(Evaluation.NOTHING))).append("</code></td><td><code>")
          .append(esc(ch.topAfter().orElse(Evaluation.NOTHING))).append("</code></td></tr>\n");
    }
    h.append("</tbody></table>\n");
    paths(h, "Measured only before", c.onlyBefore());
    paths(h, "Measured only after", c.onlyAfter());
    h.append("</section>\n");
  }

  private static void paths(StringBuilder h, String title, List<Path> paths) {
    if (paths.isEmpty()) {
      return;
    }
    h.append("<h3>").append(title).append("</h3><ul>");
    paths.forEach(p -> h.append("<li><code>").append(esc(p.toString())).append("</code></li>"));
    h.append("</ul>\n");
  }

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
