package dev.rdpdoctor.ruletools.evaluation;

import dev.rdpdoctor.casefile.Resolution;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Evidence;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.FixConditions;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.Risk;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.ruletools.TicketRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What resolved tickets say about a knowledge base: where each ticket's confirmed cause ranked,
 * overall and per cause; which cause came first instead; how often a high-risk fix would have
 * been offered first; how often each rule was right where it fired; the tickets it got most
 * wrong; and the weight each rule's record supports ({@link WeightEstimate}).
 *
 * @param knowledge where the knowledge base was loaded from
 * @param causes how many causes it knows: a confirmed cause it does not rank counts as this place
 * @param tickets the tickets measured, in the order given
 * @param skipped the tickets without a resolution, in the order given
 * @param invalid the tickets that could not be measured (their errors are said elsewhere)
 * @param rules every rule that fired on a measured ticket, least often right first
 * @param unfired how many rules with a cause fired on no measured ticket
 */
public record Evaluation(
    String knowledge,
    int causes,
    List<Ticket> tickets,
    List<Path> skipped,
    List<Path> invalid,
    List<CauseScore> perCause,
    Map<String, Map<String, Integer>> confusion,
    List<RuleScore> rules,
    int unfired) {

  /** How many tickets the worst list holds at most. */
  public static final int WORST = 10;

  public Evaluation {
    tickets = List.copyOf(tickets);
    skipped = List.copyOf(skipped);
    invalid = List.copyOf(invalid);
    perCause = List.copyOf(perCause);
    confusion = Collections.unmodifiableMap(new TreeMap<>(confusion));
    rules = List.copyOf(rules);
  }

  /**
   * One measured ticket.
   *
   * @param confirmed the cause its resolution names
   * @param causeConfirmed whether the cause itself was seen, not only its fix seen to work
   * @param rank where the confirmed cause ranked, from 1; empty when it was not ranked
   * @param place the rank, or {@link Evaluation#causes} when not ranked: the last place
   * @param top the cause ranked first
   * @param byBaseRate no rule supported any cause: the ranking is by how common causes are
   * @param firstFix the fix offered first for the top cause (the safest that applies)
   * @param why one line on how the confirmed cause came to rank where it did
   * @param fired the keys of the rules with a cause that fired on it
   */
  public record Ticket(
      Path file,
      String confirmed,
      boolean causeConfirmed,
      Optional<Integer> rank,
      int place,
      Optional<String> top,
      boolean byBaseRate,
      Optional<Fix> firstFix,
      String why,
      Set<String> fired) {

    public Ticket {
      fired = Set.copyOf(fired);
    }

    public boolean within(int n) {
      return rank.filter(r -> r <= n).isPresent();
    }

    /** A fix of high risk would have been offered first. */
    public boolean riskyFirst() {
      return firstFix.filter(f -> f.risk() == Risk.HIGH).isPresent();
    }
  }

  /** The tickets of one confirmed cause. */
  public record CauseScore(String cause, Share top1, Share top3, double meanRank) {}

  /**
   * One rule, on the tickets it fired on.
   *
   * @param fired the tickets it fired on
   * @param ofCause those whose confirmed cause is the rule's cause
   * @param baseShare the share of all measured tickets whose confirmed cause is the rule's cause
   * @param suggested the certainty factor the outcomes support ({@link WeightEstimate})
   */
  public record RuleScore(RuleInfo rule, String cause, double cf, int fired, int ofCause, double baseShare, double suggested) {

    /**
     * The tickets it was right on: for a rule for its cause, those whose confirmed cause it is
     * (its precision); for a rule against its cause, those whose confirmed cause is another.
     */
    public Share right() {
      return new Share(cf >= 0 ? ofCause : fired - ofCause, fired);
    }

    /**
     * How much more often the rule's cause is the confirmed one where the rule fires than among
     * all tickets: above 1, the rule points at its cause; 1, it tells nothing; below 1, away from
     * it. Empty when no ticket has its cause.
     */
    public Optional<Double> lift() {
      return baseShare > 0 ? Optional.of(((double) ofCause / fired) / baseShare) : Optional.empty();
    }

    /**
     * It fired on two or more tickets and points the wrong way, or nowhere: a rule for its cause
     * with a lift of 1 or less (its cause is no more common where it fires than anywhere), a rule
     * against its cause with a lift of 1 or more on a ticket of its cause.
     */
    public boolean misleads() {
      if (fired < 2) {
        return false;
      }
      if (cf >= 0) {
        return lift().orElse(0.0) <= 1;
      }
      return ofCause > 0 && lift().orElse(0.0) >= 1;
    }
  }

  public Share top1() {
    return new Share((int) tickets.stream().filter(t -> t.within(1)).count(), tickets.size());
  }

  public Share top3() {
    return new Share((int) tickets.stream().filter(t -> t.within(3)).count(), tickets.size());
  }

  /** The mean place of the confirmed cause; 0 without tickets. */
  public double meanRank() {
    return tickets.stream().mapToInt(Ticket::place).average().orElse(0);
  }

  /** The tickets whose cause itself was confirmed, not only its fix seen to work. */
  public List<Ticket> causeConfirmed() {
    return tickets.stream().filter(Ticket::causeConfirmed).toList();
  }

  /** The tickets on which a high-risk fix would have been offered first. */
  public List<Ticket> riskyFirst() {
    return tickets.stream().filter(Ticket::riskyFirst).toList();
  }

  /** The tickets the knowledge base got most wrong: the confirmed cause furthest down, at most {@link #WORST}. */
  public List<Ticket> worst() {
    return tickets.stream().filter(t -> !t.within(1))
        .sorted(Comparator.comparingInt(Ticket::place).reversed().thenComparing(t -> t.file().toString()))
        .limit(WORST).toList();
  }

  /** The rules that mislead ({@link RuleScore#misleads()}), the least often right first. */
  public List<RuleScore> misleading() {
    return rules.stream().filter(RuleScore::misleads).toList();
  }

  /**
   * @param runs the tickets as run, in order: measured, skipped and invalid ones
   */
  public static Evaluation of(KnowledgeBase knowledge, List<TicketRun> runs) {
    Builder b = new Builder(knowledge);
    runs.forEach(b::add);
    return b.build();
  }

  /**
   * Takes the tickets one at a time and keeps only what the evaluation needs of each (a few
   * hundred bytes and the keys of the rules that fired), not its diagnosis: memory grows slowly
   * with the number of tickets.
   */
  public static final class Builder {

    private final KnowledgeBase knowledge;
    private final List<Ticket> tickets = new ArrayList<>();
    private final List<Path> skipped = new ArrayList<>();
    private final List<Path> invalid = new ArrayList<>();

    public Builder(KnowledgeBase knowledge) {
      this.knowledge = knowledge;
    }

    /** One ticket as run: measured, skipped or invalid. */
    public Builder add(TicketRun run) {
      if (run.measured()) {
        tickets.add(ticket(run.file(), run.resolution().orElseThrow(), run.diagnosis().orElseThrow(), knowledge.causes().size()));
      } else if (run.skipped()) {
        skipped.add(run.file());
      } else {
        invalid.add(run.file());
      }
      return this;
    }

    public Evaluation build() {
      return new Evaluation(knowledge.origin(), knowledge.causes().size(), tickets, skipped, invalid, perCause(tickets),
          confusion(tickets), rules(knowledge, tickets), unfired(knowledge, tickets));
    }
  }

  private static Ticket ticket(Path file, Resolution resolution, Diagnosis d, int causes) {
    String confirmed = resolution.cause();
    List<CauseAssessment> ranked = d.ranked();
    Optional<Integer> rank = Optional.empty();
    for (int i = 0; i < ranked.size(); i++) {
      if (ranked.get(i).cause().id().equals(confirmed)) {
        rank = Optional.of(i + 1);
      }
    }
    Optional<CauseAssessment> top = d.top();
    Set<String> fired = new LinkedHashSet<>();
    for (Firing f : d.firings()) {
      if (f.rule().cause().isPresent()) {
        fired.add(f.rule().key());
      }
    }
    return new Ticket(file, confirmed, resolution.causeConfirmed(), rank, rank.orElse(causes),
        top.map(a -> a.cause().id()), top.flatMap(CauseAssessment::rankedByBaseRate).isPresent(),
        top.flatMap(a -> FixConditions.firstOffered(a.cause(), d.caseFile())), why(confirmed, rank, d), fired);
  }

  /** One line: how the confirmed cause came to rank where it did. */
  static String why(String confirmed, Optional<Integer> rank, Diagnosis d) {
    CauseAssessment top = d.top().orElse(null);
    if (top == null) {
      return "nothing was ranked";
    }
    if (rank.filter(r -> r == 1).isPresent()) {
      return "ranked first, CF " + cf(top.cf()) + strongest(top);
    }
    String first = "first was " + top.cause().id() + " (CF " + cf(top.cf()) + strongest(top) + ")";
    if (top.rankedByBaseRate().isPresent()) {
      return "no rule supported any cause, so causes were ranked by how common they are; " + first;
    }
    Optional<CauseAssessment> own = d.ranked().stream().filter(a -> a.cause().id().equals(confirmed)).findFirst();
    if (own.isPresent()) {
      return "ranked " + rank.orElseThrow() + " with CF " + cf(own.get().cf()) + strongest(own.get()) + "; " + first;
    }
    Optional<CauseAssessment> out = d.ruledOut().stream().filter(a -> a.cause().id().equals(confirmed)).findFirst();
    if (out.isPresent()) {
      Evidence against = out.get().evidenceAgainst().stream().min(Comparator.comparingDouble(Evidence::cf)).orElseThrow();
      return "ruled out by " + against.rule().id() + " (CF " + cf(against.cf()) + "); " + first;
    }
    return "no rule gave evidence for " + confirmed + "; " + first;
  }

  private static String strongest(CauseAssessment a) {
    return a.evidenceFor().stream().max(Comparator.comparingDouble(Evidence::cf))
        .map(e -> ", mostly " + e.rule().id() + " " + cf(e.cf())).orElse("");
  }

  static String cf(double cf) {
    return String.format(Locale.ROOT, "%.2f", cf);
  }

  private static List<CauseScore> perCause(List<Ticket> tickets) {
    Map<String, List<Ticket>> byCause = new TreeMap<>();
    tickets.forEach(t -> byCause.computeIfAbsent(t.confirmed(), c -> new ArrayList<>()).add(t));
    List<CauseScore> out = new ArrayList<>();
    byCause.forEach((cause, ts) -> out.add(new CauseScore(cause,
        new Share((int) ts.stream().filter(t -> t.within(1)).count(), ts.size()),
        new Share((int) ts.stream().filter(t -> t.within(3)).count(), ts.size()),
        ts.stream().mapToInt(Ticket::place).average().orElse(0))));
    out.sort(Comparator.comparingDouble((CauseScore c) -> c.top1().value()).thenComparingDouble(c -> c.top3().value())
        .thenComparing(Comparator.comparingInt((CauseScore c) -> c.top1().n()).reversed()).thenComparing(CauseScore::cause));
    return out;
  }

  private static Map<String, Map<String, Integer>> confusion(List<Ticket> tickets) {
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    for (Ticket t : tickets) {
      out.computeIfAbsent(t.confirmed(), c -> new TreeMap<>()).merge(t.top().orElse(NOTHING), 1, Integer::sum);
    }
    return out;
  }

  /** The column of a ticket on which nothing was ranked. */
  public static final String NOTHING = "(nothing ranked)";

  /** The causes of the confusion table's columns: every cause confirmed or ranked first, sorted. */
  public List<String> confusionColumns() {
    Set<String> all = new TreeSet<>(confusion.keySet());
    confusion.values().forEach(row -> all.addAll(row.keySet()));
    return List.copyOf(all);
  }

  private static List<RuleScore> rules(KnowledgeBase knowledge, List<Ticket> tickets) {
    Map<String, Integer> ofCause = new LinkedHashMap<>();
    tickets.forEach(t -> ofCause.merge(t.confirmed(), 1, Integer::sum));
    List<RuleScore> out = new ArrayList<>();
    for (RuleInfo rule : knowledge.allRules()) {
      if (rule.cause().isEmpty() || rule.cf().isEmpty()) {
        continue;
      }
      String cause = rule.cause().get();
      double cf = rule.cf().get();
      int n = 0;
      int confirmed = 0;
      for (Ticket t : tickets) {
        if (t.fired().contains(rule.key())) {
          n++;
          if (t.confirmed().equals(cause)) {
            confirmed++;
          }
        }
      }
      if (n == 0) {
        continue;
      }
      int causeTickets = ofCause.getOrDefault(cause, 0);
      double base = WeightEstimate.baseRate(causeTickets, tickets.size(), knowledge.causes().size());
      out.add(new RuleScore(rule, cause, cf, n, confirmed, (double) causeTickets / tickets.size(),
          WeightEstimate.suggest(cf, n, confirmed, base)));
    }
    out.sort(Comparator.comparing(RuleScore::misleads).reversed()
        .thenComparingDouble((RuleScore r) -> r.right().value())
        .thenComparing(Comparator.comparingInt(RuleScore::fired).reversed())
        .thenComparing(r -> r.rule().id()));
    return out;
  }

  private static int unfired(KnowledgeBase knowledge, List<Ticket> tickets) {
    Set<String> fired = new TreeSet<>();
    tickets.forEach(t -> fired.addAll(t.fired()));
    return (int) knowledge.allRules().stream().filter(r -> r.cause().isPresent() && !fired.contains(r.key())).count();
  }
}
