package dev.rdpdoctor.ruletools.evaluation;

import static dev.rdpdoctor.ruletools.evaluation.Figures.cf;
import static dev.rdpdoctor.ruletools.evaluation.Figures.interval;
import static dev.rdpdoctor.ruletools.evaluation.Figures.lift;
import static dev.rdpdoctor.ruletools.evaluation.Figures.percent;
import static dev.rdpdoctor.ruletools.evaluation.Figures.share;

import dev.rdpdoctor.ruletools.evaluation.Evaluation.RuleScore;
import dev.rdpdoctor.ruletools.evaluation.Evaluation.Ticket;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code rules evaluate --format markdown}: to paste into a merge request or a wiki page. */
public final class EvaluationMarkdown {

  public String write(Evaluation e, Optional<Comparison> comparison) {
    StringBuilder md = new StringBuilder();
    md.append("# Evaluation of `").append(cell(e.knowledge())).append("` on ").append(e.tickets().size())
        .append(" resolved tickets\n\n");
    md.append("| the confirmed cause | tickets (share, 95 % Wilson interval) |\n|---|---|\n");
    md.append("| ranked first | ").append(share(e.top1())).append(" |\n");
    md.append("| in the first three | ").append(share(e.top3())).append(" |\n");
    md.append("| mean rank | ").append(Figures.rank(e.meanRank())).append(" (a cause not ranked counts as ").append(e.causes())
        .append(", the last place) |\n");
    md.append("| a high-risk fix offered first | ").append(share(new Share(e.riskyFirst().size(), e.tickets().size())))
        .append(" |\n\n");
    md.append("The cause itself was confirmed on ").append(e.causeConfirmed().size()).append(" tickets; on the others only its fix was seen to work.");
    if (!e.skipped().isEmpty()) {
      md.append(" Skipped (no resolution): ").append(String.join(", ", e.skipped().stream().map(p -> "`" + cell(p.toString()) + "`").toList()))
          .append('.');
    }
    if (!e.invalid().isEmpty()) {
      md.append(" Invalid, not measured: ").append(String.join(", ", e.invalid().stream().map(p -> "`" + cell(p.toString()) + "`").toList()))
          .append('.');
    }
    md.append("\n");
    comparison.ifPresent(c -> {
      md.append("\n## Compared with `").append(cell(c.before().knowledge())).append("`\n\n");
      md.append("| | before | after |\n|---|---|---|\n");
      md.append("| ranked first | ").append(c.before().top1().k()).append(" | ").append(c.after().top1().k()).append(" |\n");
      md.append("| in the first three | ").append(c.before().top3().k()).append(" | ").append(c.after().top3().k()).append(" |\n");
      md.append("| mean rank | ").append(Figures.rank(c.before().meanRank())).append(" | ").append(Figures.rank(c.after().meanRank()))
          .append(" |\n\n");
      md.append("| ticket | confirmed cause | rank before | rank after | first before | first after |\n|---|---|---|---|---|---|\n");
      for (Comparison.Change ch : c.changed()) {
        md.append("| `").append(cell(ch.file().toString())).append("` | ").append(ch.confirmed()).append(" | ")
            .append(Figures.rank(ch.rankBefore())).append(" | ").append(Figures.rank(ch.rankAfter())).append(" | ")
            .append(ch.topBefore().orElse(Evaluation.NOTHING)).append(" | ").append(ch.topAfter().orElse(Evaluation.NOTHING)).append(" |\n");
      }
    });
    md.append("\n## Per confirmed cause\n\n| cause | tickets | first | first three | mean rank |\n|---|---|---|---|---|\n");
    for (Evaluation.CauseScore c : e.perCause()) {
      md.append("| ").append(c.cause()).append(" | ").append(c.top1().n()).append(" | ").append(share(c.top1())).append(" | ")
          .append(share(c.top3())).append(" | ").append(Figures.rank(c.meanRank())).append(" |\n");
    }
    md.append("\n## Confused: the cause ranked first instead\n\n| confirmed cause | ranked first instead (tickets) | right |\n|---|---|---|\n");
    for (Map.Entry<String, Map<String, Integer>> row : e.confusion().entrySet()) {
      List<String> wrong = row.getValue().entrySet().stream().filter(c -> !c.getKey().equals(row.getKey()))
          .map(c -> c.getKey() + " " + c.getValue()).toList();
      if (!wrong.isEmpty()) {
        md.append("| ").append(row.getKey()).append(" | ").append(String.join(", ", wrong)).append(" | ")
            .append(row.getValue().getOrDefault(row.getKey(), 0)).append(" |\n");
      }
    }
    md.append("\n## The tickets it got most wrong\n\n| rank | ticket | confirmed cause | why |\n|---|---|---|---|\n");
    for (Ticket t : e.worst()) {
      md.append("| ").append(Figures.rank(t.rank())).append(" | `").append(cell(t.file().toString())).append("` | ").append(t.confirmed())
          .append(" | ").append(cell(t.why())).append(" |\n");
    }
    md.append("\n## Rules, those that mislead first\n\n").append(e.unfired()).append(" rules with a cause fired on no ticket. ")
        .append("*Right*: for a rule for its cause, the tickets whose confirmed cause it is; for a rule against it, those whose")
        .append(" cause is another. *Lift*: how much more often its cause is the confirmed one where it fires than among all tickets (1: it tells nothing). *Suggested*: the CF the outcomes")
        .append(" support (never applied), resting on *n* tickets; see the estimator in rules/README.md.\n\n");
    md.append("| rule | cause | CF | fired (n) | right | 95 % | lift | suggested | misleads |\n|---|---|---|---|---|---|---|---|---|\n");
    for (RuleScore r : e.rules()) {
      md.append("| ").append(r.rule().id()).append(" | ").append(r.cause()).append(" | ").append(cf(r.cf())).append(" | ")
          .append(r.right().n()).append(" | ").append(percent(r.right().value())).append(" | ").append(interval(r.right()))
          .append(" | ").append(lift(r.lift())).append(" | ").append(cf(r.suggested())).append(" | ")
          .append(r.misleads() ? "**yes**" : "").append(" |\n");
    }
    md.append("\n## Every ticket\n\n| rank | ticket | confirmed cause | ranked first |\n|---|---|---|---|\n");
    for (Ticket t : e.tickets()) {
      md.append("| ").append(Figures.rank(t.rank())).append(" | `").append(cell(t.file().toString())).append("` | ").append(t.confirmed())
          .append(" | ").append(t.top().orElse(Evaluation.NOTHING)).append(" |\n");
    }
    return md.toString();
  }

  /** Text in a table cell: a pipe would end the cell, a line break the row. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("`", "'").replace('\n', ' ').replace('\r', ' ');
  }
}
