package dev.rdpdoctor.consult;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.Cost;
import dev.rdpdoctor.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the next question: for every question whose fact is still unknown, it runs the
 * rules once per possible answer and keeps the one whose answers would move the top causes
 * most, cheap checks preferred to costly ones.
 */
public final class QuestionPicker {

  /** How many of the leading causes are shown in a ranking. */
  public static final int TOP = 4;
  /** A question that moves the top causes less than this changes nothing worth asking. */
  static final double NOTHING_TO_GAIN = 0.01;

  private final Function<CaseFile, Diagnosis> diagnoser;
  private final CaseFileReader reader;
  private final List<Askable> questions;
  private final boolean onAllCores;

  /**
   * @param onAllCores whether the questions are weighed on all cores at once, for one case at a time;
   *     a batch, whose cases already keep every core busy, weighs them one after another
   */
  public QuestionPicker(Diagnoser diagnoser, CaseFileReader reader, List<Askable> questions, boolean onAllCores) {
    this(diagnoser::diagnose, reader, questions, onAllCores);
  }

  /** @param diagnoser diagnoses a case some other way than {@link Diagnoser} (the benchmark's floor) */
  public QuestionPicker(Function<CaseFile, Diagnosis> diagnoser, CaseFileReader reader, List<Askable> questions,
      boolean onAllCores) {
    this.diagnoser = diagnoser;
    this.reader = reader;
    this.questions = List.copyOf(questions);
    this.onAllCores = onAllCores;
  }

  public QuestionPicker(Diagnoser diagnoser, CaseFileReader reader, List<Askable> questions) {
    this(diagnoser, reader, questions, false);
  }

  public Diagnosis diagnose(ObjectNode tree) {
    return diagnoser.apply(caseOf(tree));
  }

  CaseFile caseOf(ObjectNode tree) {
    return reader.read("(consultation)", tree);
  }

  /**
   * What is left to ask.
   *
   * @param best the question to ask now; empty when no question left would change the ranking
   * @param leaderCanChange whether some answer to some remaining question would put another
   *     cause first
   */
  public record Options(Optional<Outcome> best, boolean leaderCanChange) {}

  public Options options(ObjectNode tree, Set<String> asked) {
    Diagnosis now = diagnose(tree);
    String leader = now.top().map(a -> a.cause().id()).orElse("");
    Outcome best = null;
    boolean leaderCanChange = false;
    List<Askable> open = questions.stream()
        .filter(q -> !asked.contains(q.question().key()) && CaseTree.unknown(tree, q) && CaseTree.applies(tree, q))
        .toList();
    for (Outcome o : weighAll(tree, now, open)) {
      leaderCanChange |= o.byAnswer().values().stream()
          .anyMatch(d -> !d.top().map(a -> a.cause().id()).orElse("").equals(leader));
      if (best == null || o.score() > best.score() + 1e-12) {
        best = o;
      }
    }
    return new Options(best == null || best.separation() < NOTHING_TO_GAIN ? Optional.empty() : Optional.of(best), leaderCanChange);
  }

  /**
   * The {@code count} questions that would best separate the causes now, cheapest first: what to
   * check next when the evidence is thin.
   */
  public List<Outcome> nextChecks(ObjectNode tree, int count) {
    Diagnosis now = diagnose(tree);
    List<Askable> open = questions.stream().filter(q -> CaseTree.unknown(tree, q) && CaseTree.applies(tree, q)).toList();
    List<Outcome> all = new ArrayList<>();
    for (Outcome o : weighAll(tree, now, open)) {
      if (o.separation() >= NOTHING_TO_GAIN) {
        all.add(o);
      }
    }
    all.sort(Comparator.comparingDouble(Outcome::score).reversed());
    return all.stream().limit(count)
        .sorted(Comparator.comparing((Outcome o) -> o.question().question().cost()).thenComparing(o -> -o.score()))
        .toList();
  }

  /** The best question to ask now, or empty when no question left would change the ranking. */
  public Optional<Outcome> next(ObjectNode tree, Set<String> asked) {
    return options(tree, asked).best();
  }

  /**
   * What each question would do, in the order of {@code open}, leaving out those no answer of which
   * gives a valid case. On all cores, the outcomes and the first failure (a rule that loops on some
   * answer) are the same as one after another: the failure of the earliest question is thrown, here.
   */
  private List<Outcome> weighAll(ObjectNode tree, Diagnosis now, List<Askable> open) {
    if (!onAllCores || open.size() < 2) {
      return open.stream().map(q -> weigh(tree, now, q)).filter(Objects::nonNull).toList();
    }
    List<Weighed> weighed = open.parallelStream().map(q -> {
      try {
        return new Weighed(weigh(tree, now, q), null);
      } catch (RuntimeException e) {
        return new Weighed(null, e);
      }
    }).toList();
    List<Outcome> out = new ArrayList<>(weighed.size());
    for (Weighed w : weighed) {
      if (w.failure() != null) {
        throw w.failure();
      }
      if (w.outcome() != null) {
        out.add(w.outcome());
      }
    }
    return out;
  }

  /** One question weighed: its outcome (null when no answer gives a valid case), or what failed. */
  private record Weighed(Outcome outcome, RuntimeException failure) {}

  /** What each answer of {@code q} would do; null when no answer gives a valid case. */
  Outcome weigh(ObjectNode tree, Diagnosis now, Askable q) {
    Map<String, Diagnosis> byAnswer = new LinkedHashMap<>();
    for (String label : q.answers().keySet()) {
      if (CaseTree.writesNothing(q, label)) {
        // an answer that writes nothing (the event is not in the log) leaves the case as it is now
        byAnswer.put(label, now);
        continue;
      }
      try {
        byAnswer.put(label, diagnose(CaseTree.withAnswer(tree, q, label)));
      } catch (InvalidInputException e) {
        // this answer contradicts what is already known: it cannot be the answer
      }
    }
    if (byAnswer.isEmpty()) {
      return null;
    }
    double separation = q.list() ? checklistSeparation(now, byAnswer) : separation(now, byAnswer);
    return new Outcome(q, separation, separation / weight(q.question().cost()), byAnswer);
  }

  /**
   * How far apart the answers would leave the causes: the mean, over every pair of answers, of
   * how differently the two rank the causes still in play. A question whose answers all lead
   * to the same ranking separates nothing; one whose answers each point at another cause
   * separates most.
   */
  static double separation(Diagnosis now, Map<String, Diagnosis> byAnswer) {
    List<Diagnosis> outcomes = List.copyOf(byAnswer.values());
    if (outcomes.size() == 1) {
      return distance(now, now, outcomes.get(0));
    }
    double total = 0;
    int pairs = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      for (int j = i + 1; j < outcomes.size(); j++) {
        total += distance(now, outcomes.get(i), outcomes.get(j));
        pairs++;
      }
    }
    return total / pairs;
  }

  /**
   * A checklist question (which of these events, which of these changes) is several yes/no
   * questions answered in one look: it separates as much as they would together.
   */
  static double checklistSeparation(Diagnosis now, Map<String, Diagnosis> byAnswer) {
    return byAnswer.values().stream().mapToDouble(after -> distance(now, now, after)).sum();
  }

  /** How differently two outcomes rank the causes {@code now} still has in play. */
  static double distance(Diagnosis now, Diagnosis a, Diagnosis b) {
    Map<String, Double> weightOf = cfs(now);
    Map<String, Double> cfA = cfs(a);
    Map<String, Double> cfB = cfs(b);
    Set<String> ruledOut = new HashSet<>();
    now.ruledOut().forEach(x -> ruledOut.add(x.cause().id()));
    Set<String> judged = new HashSet<>(cfA.keySet());
    judged.addAll(cfB.keySet());
    judged.removeAll(ruledOut);
    double d = 0;
    for (String cause : judged) {
      double weight = Math.max(weightOf.getOrDefault(cause, 0.0), 0) + UNASSESSED_WEIGHT;
      d += weight * Math.abs(cfA.getOrDefault(cause, 0.0) - cfB.getOrDefault(cause, 0.0));
    }
    String topA = a.top().map(x -> x.cause().id()).orElse("");
    String topB = b.top().map(x -> x.cause().id()).orElse("");
    return d + (topA.equals(topB) ? 0 : 0.2);
  }

  /** The weight of a cause not yet assessed, next to a ranked cause's own CF. */
  static final double UNASSESSED_WEIGHT = 0.3;

  /** Every judged cause's combined CF, ruled out ones included. */
  public static Map<String, Double> cfs(Diagnosis d) {
    Map<String, Double> out = new HashMap<>();
    for (CauseAssessment a : d.ranked()) {
      out.put(a.cause().id(), a.cf());
    }
    for (CauseAssessment a : d.ruledOut()) {
      out.put(a.cause().id(), a.cf());
    }
    return out;
  }

  private static double weight(Cost cost) {
    return switch (cost) {
      case LOW -> 1.0;
      case MEDIUM -> 1.5;
      case HIGH -> 3.0;
    };
  }

  /** The top cause is clear: strong, and well ahead of the next. */
  public static boolean clear(Diagnosis d) {
    if (d.ranked().isEmpty()) {
      return false;
    }
    double top = d.ranked().get(0).cf();
    double second = d.ranked().size() > 1 ? d.ranked().get(1).cf() : 0;
    return top >= 0.9 && top - second >= 0.4;
  }
}
