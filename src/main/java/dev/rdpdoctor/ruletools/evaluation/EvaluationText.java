package dev.rdpdoctor.ruletools.evaluation;

import static dev.rdpdoctor.ruletools.evaluation.Figures.cf;
import static dev.rdpdoctor.ruletools.evaluation.Figures.interval;
import static dev.rdpdoctor.ruletools.evaluation.Figures.lift;
import static dev.rdpdoctor.ruletools.evaluation.Figures.percent;
import static dev.rdpdoctor.ruletools.evaluation.Figures.share;

import dev.rdpdoctor.ruletools.evaluation.Evaluation.RuleScore;
import dev.rdpdoctor.ruletools.evaluation.Evaluation.Ticket;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code rules evaluate} as plain text, for a terminal: the headline first, then the detail. */
public final class EvaluationText {

  public void write(Evaluation e, Optional<Comparison> comparison, PrintWriter out) {
    out.println("Evaluation of " + e.knowledge() + " on " + e.tickets().size() + " resolved ticket"
        + (e.tickets().size() == 1 ? "" : "s") + skippedNote(e));
    out.println();
    out.println("The confirmed cause (95 % Wilson intervals):");
    out.println("  ranked first:            " + share(e.top1()));
    out.println("  in the first three:      " + share(e.top3()));
    out.println("  mean rank:               " + Figures.rank(e.meanRank()) + "  (a cause not ranked counts as " + e.causes()
        + ", the last place)");
    List<Ticket> confirmed = e.causeConfirmed();
    out.println("  where the cause itself was confirmed (" + confirmed.size() + " of " + e.tickets().size() + "): first in "
        + confirmed.stream().filter(t -> t.within(1)).count() + ", in the first three in "
        + confirmed.stream().filter(t -> t.within(3)).count());
    List<Ticket> risky = e.riskyFirst();
    Share riskyShare = new Share(risky.size(), e.tickets().size());
    long riskyWrong = risky.stream().filter(t -> !t.within(1)).count();
    out.println("A high-risk fix offered first: " + share(riskyShare) + ", on a wrong cause in " + riskyWrong);
    for (Ticket t : risky) {
      out.println("  " + t.file() + "  " + t.firstFix().orElseThrow().id() + " for " + t.top().orElseThrow()
          + (t.within(1) ? "" : " (confirmed: " + t.confirmed() + ")"));
    }
    comparison.ifPresent(c -> writeComparison(c, out));

    out.println();
    out.println("Per confirmed cause, the least often ranked first at the top:");
    out.println(String.format(Locale.ROOT, "  %-28s %7s  %-24s %-24s %9s", "cause", "tickets", "first", "first three", "mean rank"));
    for (Evaluation.CauseScore c : e.perCause()) {
      out.println(String.format(Locale.ROOT, "  %-28s %7d  %-24s %-24s %9s", c.cause(), c.top1().n(), share(c.top1()),
          share(c.top3()), Figures.rank(c.meanRank())));
    }

    out.println();
    out.println("Confused (confirmed cause: the cause ranked first instead, and on how many tickets):");
    boolean any = false;
    for (Map.Entry<String, Map<String, Integer>> row : e.confusion().entrySet()) {
      String wrong = row.getValue().entrySet().stream().filter(c -> !c.getKey().equals(row.getKey()))
          .map(c -> c.getKey() + " " + c.getValue()).collect(Collectors.joining(", "));
      if (!wrong.isEmpty()) {
        any = true;
        out.println("  " + row.getKey() + ": " + wrong + "  (right " + row.getValue().getOrDefault(row.getKey(), 0) + ")");
      }
    }
    if (!any) {
      out.println("  none: every confirmed cause was ranked first");
    }

    out.println();
    out.println("The tickets it got most wrong:");
    if (e.worst().isEmpty()) {
      out.println("  none");
    }
    for (Ticket t : e.worst()) {
      out.println("  " + Figures.rank(t.rank()) + "  " + t.file() + "  " + t.confirmed() + ": " + t.why());
    }

    List<RuleScore> misleading = e.misleading();
    out.println();
    out.println("Rules that mislead (fired on 2 or more tickets, and their cause is no more common where they fire than"
        + " anywhere: lift 1 or less; for a rule against its cause, 1 or more):");
    if (misleading.isEmpty()) {
      out.println("  none");
    }
    for (RuleScore r : misleading) {
      out.println("  " + r.rule().id() + " (" + r.cause() + ", CF " + cf(r.cf()) + "): right on " + share(r.right())
          + ", lift " + lift(r.lift()) + "; suggested CF " + cf(r.suggested()) + "  " + r.rule().location());
    }

    out.println();
    out.println("Rules on the tickets they fired on, those that mislead first, then the least often right (" + e.unfired() + " rule"
        + (e.unfired() == 1 ? "" : "s") + " with a cause fired on none):");
    out.println(String.format(Locale.ROOT, "  %-14s %-28s %6s %6s %6s %-10s %6s %9s %4s", "rule", "cause", "CF", "fired", "right",
        "95 %", "lift", "suggested", "n"));
    for (RuleScore r : e.rules()) {
      out.println(String.format(Locale.ROOT, "  %-14s %-28s %6s %6d %6s %-10s %6s %9s %4d", r.rule().id(), r.cause(), cf(r.cf()),
          r.right().n(), percent(r.right().value()), interval(r.right()), lift(r.lift()), cf(r.suggested()), r.right().n()));
    }
    out.println("  right: for a rule for its cause, the tickets whose confirmed cause it is (its precision); for a rule"
        + " against its cause, those whose confirmed cause is another.");
    out.println("  lift: how much more often the rule's cause is the confirmed one where it fires than among all tickets"
        + " (1.0: it tells nothing; below 1, it points away from its cause).");
    out.println("  suggested: the CF these outcomes support, never applied; n: the tickets it rests on. Estimator: the"
        + " current CF read as a precision p_w by MYCIN's definition against b, the cause's share of the tickets"
        + " (Laplace-smoothed: (tickets of the cause + 1) / (tickets + causes)); p = (k + " + WeightEstimate.PRIOR_TICKETS
        + " p_w) / (fired + " + WeightEstimate.PRIOR_TICKETS + "), k the tickets it fired on whose confirmed cause is its"
        + " cause, a Beta prior worth " + WeightEstimate.PRIOR_TICKETS + " tickets; p mapped back to a CF by the same definition: (p - b) / (1 - b) when p >= b, else (p - b) / b.");

    writeTickets(e, out);
  }

  private static String skippedNote(Evaluation e) {
    String s = e.skipped().isEmpty() ? "" : "; " + e.skipped().size() + " skipped (no resolution)";
    return s + (e.invalid().isEmpty() ? "" : "; " + e.invalid().size() + " invalid (errors on stderr)");
  }

  private static void writeTickets(Evaluation e, PrintWriter out) {
    out.println();
    out.println("Every ticket (rank of the confirmed cause; - when not ranked):");
    for (Ticket t : e.tickets()) {
      out.println(String.format(Locale.ROOT, "  %3s  %s  %s%s", Figures.rank(t.rank()), t.file(), t.confirmed(),
          t.within(1) ? "" : " (first: " + t.top().orElse(Evaluation.NOTHING) + ")"));
    }
    if (!e.skipped().isEmpty()) {
      out.println();
      out.println("Skipped, no resolution: block:");
      e.skipped().forEach(p -> out.println("  " + p));
    }
    if (!e.invalid().isEmpty()) {
      out.println();
      out.println("Invalid, not measured (their errors are on stderr):");
      e.invalid().forEach(p -> out.println("  " + p));
    }
  }

  private static void writeComparison(Comparison c, PrintWriter out) {
    out.println();
    out.println("Compared with " + c.before().knowledge() + " (before) on the same tickets:");
    out.println("  ranked first:       " + c.before().top1().k() + " -> " + c.after().top1().k() + " of "
        + c.after().tickets().size());
    out.println("  in the first three: " + c.before().top3().k() + " -> " + c.after().top3().k());
    out.println("  mean rank:          " + Figures.rank(c.before().meanRank()) + " -> " + Figures.rank(c.after().meanRank()));
    out.println("  " + c.changed().size() + " ticket" + (c.changed().size() == 1 ? "" : "s") + " whose confirmed cause ranks"
        + " elsewhere (before -> after):");
    for (Comparison.Change ch : c.changed()) {
      out.println("    " + (ch.better() ? "better " : "worse  ") + Figures.rank(ch.rankBefore()) + " -> "
          + Figures.rank(ch.rankAfter()) + "  " + ch.file() + "  " + ch.confirmed() + " (first: "
          + ch.topBefore().orElse(Evaluation.NOTHING) + " -> " + ch.topAfter().orElse(Evaluation.NOTHING) + ")");
    }
    for (Path p : c.onlyBefore()) {
      out.println("    measured only before: " + p);
    }
    for (Path p : c.onlyAfter()) {
      out.println("    measured only after: " + p);
    }
  }

}
