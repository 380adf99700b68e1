package dev.rdpdoctor.consult;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The consultation without a conversation: the case it started from and the answers given so
 * far in, where it stands and the question to ask next out. Going back is leaving out the last
 * answer. {@link ConsultSession} takes the same decisions at a terminal.
 */
public final class ConsultStep {

  /** The replies that mean "I do not know", as at the terminal. */
  public static final Set<String> UNKNOWN = Set.of("unknown", "?", "skip", "don't know", "dont know");

  /**
   * One answer given.
   *
   * @param question the fact the question asks about ({@code certificate.expired})
   * @param reply an answer's label, several separated by commas for a checklist, or {@code unknown}
   */
  public record Answer(String question, String reply) {}

  /**
   * Where a consultation stands.
   *
   * @param end why it is over; empty while there is a question to ask
   * @param next the question to ask now, and what each answer would do; empty when it is over
   */
  public record Position(Consultation consultation, Diagnosis now, Optional<ConsultSession.End> end, Optional<Outcome> next) {}

  private final QuestionPicker picker;
  private final List<Askable> questions;
  private final int limit;

  /** @param limit the most questions asked, as {@code consult --max-questions} */
  public ConsultStep(QuestionPicker picker, List<Askable> questions, int limit) {
    this.picker = picker;
    this.questions = List.copyOf(questions);
    this.limit = limit;
  }

  /** The decision a consultation takes at each step: stop (and why), or the question to ask. */
  static Position position(QuestionPicker picker, Consultation c, int limit) {
    Diagnosis now = picker.diagnose(c.tree());
    QuestionPicker.Options options = picker.options(c.tree(), c.asked());
    if (QuestionPicker.clear(now) && !options.leaderCanChange()) {
      return new Position(c, now, Optional.of(ConsultSession.End.CLEAR), Optional.empty());
    }
    if (c.questionsAsked() >= limit) {
      return new Position(c, now, Optional.of(ConsultSession.End.LIMIT), Optional.empty());
    }
    if (options.best().isEmpty()) {
      return new Position(c, now, Optional.of(ConsultSession.End.NOTHING_LEFT_TO_ASK), Optional.empty());
    }
    return new Position(c, now, Optional.empty(), options.best());
  }

  /**
   * Replays {@code answers} on {@code start} and says where that leaves the consultation.
   *
   * @throws InvalidInputException when an answer names no question, is not one of its answers,
   *     contradicts an earlier one, or there are more than the limit; located in {@code source}
   *     at the answer's place (line 1 is the first answer)
   */
  public Position replay(ObjectNode start, List<Answer> answers, String source) {
    if (answers.size() > limit) {
      throw new InvalidInputException(InputError.error(source, limit + 1, 1,
          "at most " + limit + " questions are asked; " + answers.size() + " answers were given"));
    }
    Consultation c = new Consultation(start);
    List<InputError> errors = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      Answer a = answers.get(i);
      int line = i + 1;
      Optional<Askable> q = questions.stream().filter(x -> x.fact().equals(a.question())).findFirst();
      if (q.isEmpty()) {
        errors.add(InputError.error(source, line, 1, "no question asks about '" + a.question() + "'"));
        continue;
      }
      String reply = a.reply() == null ? "" : a.reply().strip();
      if (UNKNOWN.contains(reply.toLowerCase(Locale.ROOT))) {
        c.unknown(q.get());
        continue;
      }
      Optional<List<String>> labels = q.get().labels(reply);
      if (labels.isEmpty()) {
        errors.add(InputError.error(source, line, 1, "'" + reply + "' is not an answer to '" + q.get().question().ask()
            + "'; answers: " + String.join(", ", q.get().answers().keySet()) + ", or unknown"));
        continue;
      }
      try {
        picker.diagnose(CaseTree.withAnswers(c.tree(), q.get(), labels.get()));
        c.answer(q.get(), labels.get());
      } catch (InvalidInputException e) {
        errors.add(InputError.error(source, line, 1, "the answer contradicts an earlier one: " + e.errors().get(0).message()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return position(picker, c, limit);
  }
}
