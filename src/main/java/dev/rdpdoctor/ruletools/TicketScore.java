package dev.rdpdoctor.ruletools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How well the knowledge base does on realistic tickets: for each, where the confirmed cause (its
 * {@code expect: top:}) ranks. A ticket is measured, not passed or failed: tickets are written as
 * help desks receive them, and the knowledge base is not expected to get every one right.
 *
 * @param tickets one line per ticket read; tickets that could not be read are left out
 */
public record TicketScore(List<Ticket> tickets) {

  /**
   * One ticket.
   *
   * @param confirmed the cause that fixed it
   * @param rank where it ranks, from 1; empty when it is not ranked
   * @param top the cause ranked first; empty when nothing is ranked
   */
  public record Ticket(Path file, String confirmed, Optional<Integer> rank, Optional<String> top) {}

  public TicketScore {
    tickets = List.copyOf(tickets);
  }

  /** The tickets whose confirmed cause ranks within the first {@code n}. */
  public long within(int n) {
    return tickets.stream().filter(t -> t.rank().filter(r -> r <= n).isPresent()).count();
  }

  /** One line per ticket, then the counts. */
  public void write(PrintWriter out) {
    out.println();
    out.println("Realistic tickets (measured, not passed or failed):");
    for (Ticket t : tickets) {
      String rank = t.rank().map(r -> String.format(Locale.ROOT, "%3d", r)).orElse("  -");
      String shown = t.rank().filter(r -> r == 1).isPresent() ? t.confirmed()
          : t.confirmed() + " (first: " + t.top().orElse("nothing ranked") + ")";
      out.println("  " + rank + "  " + t.file() + "  " + shown);
    }
    out.println(summary());
  }

  /** {@code 42 tickets: the confirmed cause first in 17 (40 %), in the first three in 27 (64 %)}. */
  public String summary() {
    int n = tickets.size();
    return n + " ticket" + (n == 1 ? "" : "s") + ": the confirmed cause first in " + within(1) + " (" + percent(within(1), n)
        + "), in the first three in " + within(3) + " (" + percent(within(3), n) + ")";
  }

  private static String percent(long part, int whole) {
    return whole == 0 ? "-" : Math.round(100.0 * part / whole) + " %";
  }
}
