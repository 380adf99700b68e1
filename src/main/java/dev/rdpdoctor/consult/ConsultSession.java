package dev.rdpdoctor.consult;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Evidence;
import dev.rdpdoctor.knowledge.Cost;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The conversation: asks the question that best separates the causes, takes an answer,
 * "unknown", {@code why}, {@code how}, {@code back} or {@code quit}, and stops when the top
 * cause is clear or no question left would change the ranking.
 */
public final class ConsultSession {

  /** Why the consultation ended. */
  public enum End { CLEAR, NOTHING_LEFT_TO_ASK, QUIT, LIMIT }

  /** What the conversation produced. */
  public record Result(Diagnosis diagnosis, Consultation consultation, End end) {}

  public static final int DEFAULT_QUESTION_LIMIT = 20;

  /** Where the replies come from: a person at a terminal, or a script. */
  public interface Replies {
    /** The next reply to the question shown; null when there are no more (end of input). */
    String next(Outcome question);
  }

  private final QuestionPicker picker;
  private final Replies replies;
  private final PrintWriter out;
  private final int limit;

  public ConsultSession(QuestionPicker picker, Replies replies, PrintWriter out, int limit) {
    this.picker = picker;
    this.replies = replies;
    this.out = out;
    this.limit = limit;
  }

  /** Replies typed by a person (or piped in), one per line. */
  public static Replies lines(Prompt prompt) {
    return question -> prompt.ask();
  }

  public Result run(ObjectNode start) {
    Consultation c = new Consultation(start);
    out.println("I will ask the questions that best separate the likely causes. At any question you can");
    out.println("answer, or type: unknown, why, how, back, quit.");
    while (true) {
      ConsultStep.Position at = ConsultStep.position(picker, c, limit);
      Diagnosis now = at.now();
      out.println();
      out.println("Now: " + ranking(now));
      if (at.end().isPresent()) {
        out.println(switch (at.end().get()) {
          case CLEAR -> "The top cause is clear: no answer to a remaining question would change it.";
          case LIMIT -> "That is " + limit + " questions; here is where the evidence stands.";
          default -> "No remaining question would change the ranking.";
        });
        return new Result(now, c, at.end().get());
      }
      if (!ask(c, now, at.next().orElseThrow())) {
        return new Result(picker.diagnose(c.tree()), c, End.QUIT);
      }
    }
  }

  /** Asks one question until it gets an answer; false when the user quits. */
  private boolean ask(Consultation c, Diagnosis now, Outcome o) {
    Askable q = o.question();
    out.println();
    out.println("Question " + (c.questionsAsked() + 1) + " (" + costLabel(q.question().cost()) + "): " + q.question().ask());
    if (q.question().how() != null) {
      out.println("  How to find out: " + q.question().how());
    }
    out.println("  Answers: " + String.join(", ", q.answers().keySet()) + "  (or unknown, why, how, back, quit)");
    while (true) {
      String line = replies.next(o);
      if (line == null) {
        out.println();
        return false;
      }
      String typed = line.strip();
      switch (typed.toLowerCase(Locale.ROOT)) {
        case "" -> {
          continue;
        }
        case "quit", "q", "exit" -> {
          return false;
        }
        case "why" -> {
          why(now, o);
          continue;
        }
        case "how" -> {
          how(now);
          continue;
        }
        case "back" -> {
          if (c.back()) {
            out.println("  Took back the last answer.");
            return true;
          }
          out.println("  There is no answer to take back yet.");
          continue;
        }
        default -> {
          if (ConsultStep.UNKNOWN.contains(typed.toLowerCase(Locale.ROOT))) {
            c.unknown(q);
            return true;
          }
          Optional<List<String>> labels = q.labels(typed);
          if (labels.isEmpty()) {
            out.println("  Please answer " + String.join(", ", q.answers().keySet()) + ", or unknown, why, how, back, quit.");
            continue;
          }
          try {
            picker.diagnose(CaseTree.withAnswers(c.tree(), q, labels.get()));
            c.answer(q, labels.get());
          } catch (InvalidInputException e) {
            out.println("  That contradicts an earlier answer: " + e.errors().get(0).message());
            continue;
          }
          return true;
        }
      }
    }
  }

  private void why(Diagnosis now, Outcome o) {
    out.println("  I ask because the answer separates these causes:");
    List<String> causes = separated(now, o);
    for (String cause : causes) {
      double was = QuestionPicker.cfs(now).getOrDefault(cause, 0.0);
      String effects = o.byAnswer().entrySet().stream()
          .filter(e -> Math.abs(QuestionPicker.cfs(e.getValue()).getOrDefault(cause, 0.0) - was) > 0.005)
          .map(e -> "if " + e.getKey() + ": " + cf(QuestionPicker.cfs(e.getValue()).getOrDefault(cause, 0.0)))
          .collect(Collectors.joining(", "));
      boolean allMove = o.byAnswer().values().stream()
          .allMatch(d -> Math.abs(QuestionPicker.cfs(d).getOrDefault(cause, 0.0) - was) > 0.005);
      out.println("    " + cause + " (now " + cf(was) + "; " + effects + (allMove ? "" : "; otherwise " + cf(was)) + ")");
    }
    o.byAnswer().forEach((label, d) -> out.println("  If " + label + ": " + ranking(d)));
  }

  /** The causes whose CF this question moves most, most first. */
  public static List<String> separated(Diagnosis now, Outcome o) {
    Map<String, Double> was = QuestionPicker.cfs(now);
    Map<String, Double> spread = new HashMap<>();
    for (Diagnosis d : o.byAnswer().values()) {
      QuestionPicker.cfs(d).forEach((cause, cf) -> spread.merge(cause, Math.abs(cf - was.getOrDefault(cause, 0.0)), Math::max));
      was.keySet().forEach(cause -> spread.merge(cause, Math.abs(QuestionPicker.cfs(d).getOrDefault(cause, 0.0) - was.get(cause)), Math::max));
    }
    return spread.entrySet().stream()
        .filter(e -> e.getValue() > 0.01)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(4)
        .map(Map.Entry::getKey)
        .toList();
  }

  private void how(Diagnosis now) {
    if (now.ranked().isEmpty()) {
      out.println("  No cause is supported yet.");
      return;
    }
    for (CauseAssessment a : now.ranked().stream().limit(QuestionPicker.TOP).toList()) {
      out.println("  " + a.cause().id() + "  CF " + cf(a.cf()));
      for (Evidence e : a.evidence()) {
        String facts = e.firings().stream().flatMap(f -> f.facts().stream())
            .map(m -> m.path() + " = " + m.value()).distinct().collect(Collectors.joining(", "));
        out.println("    " + (e.cf() > 0 ? "+" : "") + cf(e.cf()) + " " + e.rule().id() + " " + e.rule().name()
            + (facts.isEmpty() ? "" : " [" + facts + "]"));
      }
    }
  }

  /** The leading causes and their CFs in one line, as the consultation shows them. */
  public static String ranking(Diagnosis d) {
    if (d.ranked().isEmpty()) {
      return "no cause is supported yet";
    }
    if (d.ranked().get(0).rankedByBaseRate().isPresent()) {
      return "no cause is supported yet; the most common are " + d.ranked().stream().limit(QuestionPicker.TOP)
          .map(a -> a.cause().id()).collect(Collectors.joining(", "));
    }
    return d.ranked().stream().limit(QuestionPicker.TOP)
        .map(a -> a.cause().id() + " " + cf(a.cf()))
        .collect(Collectors.joining(", "));
  }

  private static String costLabel(Cost cost) {
    return switch (cost) {
      case LOW -> "a quick check";
      case MEDIUM -> "a look on the host";
      case HIGH -> "a change on the host";
    };
  }

  public static String cf(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

}
