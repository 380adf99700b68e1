package dev.rdpdoctor.serve;

import dev.rdpdoctor.consult.ConsultStep;
import dev.rdpdoctor.evidence.Evidence;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.report.Outline;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What each page's template is given: one record per page, plus the frame every page shares. */
public final class Views {

  private Views() {}

  /**
   * What every page shares.
   *
   * @param active the navigation entry of this page
   * @param csrf the value each form sends back, to prove it came from this server's page
   */
  public record Frame(String title, String active, String csrf, String knowledge) {}

  /** A line of a pasted case, with the errors located on it. */
  public record Line(int number, String text, List<String> errors) {}

  public record NewCase(Frame frame, String text, List<InputError> errors, List<Line> listing, String from) {}

  /**
   * A field of the vocabulary's form.
   *
   * @param name the field's name: its path in the symptom file ({@code rdp.nla_required}, {@code events[0].id})
   * @param kind how it is asked: {@code yesno}, {@code choice}, {@code choices}, {@code number}, {@code date}, {@code text}, {@code lines}
   * @param options the values offered, for a choice
   * @param chosen the values given so far
   */
  public record Field(String name, String label, String doc, String kind, List<String> options, String min, String max,
      String step, List<String> chosen, List<String> errors) {

    public String value() {
      return chosen.isEmpty() ? "" : String.join("\n", chosen);
    }

    public boolean has(String option) {
      return chosen.contains(option);
    }
  }

  /** A section of the form, or one item of a list of sections ({@code events}, second row). */
  public record Group(String path, String title, String doc, List<Field> fields, List<String> errors, boolean open) {}

  public record CaseForm(Frame frame, List<Group> groups, List<String> errors) {}

  /**
   * A diagnosis as a page.
   *
   * @param shown what a value of the case looks like on the page: itself, or redacted
   * @param caseText the case's text, Base64, for the forms that carry an unsaved case on
   * @param stored the case in the store, when it is one
   * @param evidence the evidence the case was made from, when it was just read
   */
  public record Report(Frame frame, Outline outline, UnaryOperator<String> shown, String markdown, boolean redact,
      String caseText, Optional<StoredCase> stored, Optional<String> resolution, List<Cause> causes,
      List<InputError> resolutionErrors, String today, Optional<Evidence> evidence) {

    public String show(String text) {
      return text == null ? "" : shown.apply(text);
    }
  }

  public record Explanation(Frame frame, String title, String text, Optional<String> caseId, String caseText) {}

  /** An answer given so far in a consultation: the question's fact and text, and the reply. */
  public record Given(String fact, String ask, String reply) {}

  /** A cause in a consultation's ranking. */
  public record Rank(String cause, String title, String cf) {}

  /** A possible answer, and the ranking it would lead to. */
  public record IfAnswer(String answer, List<Rank> ranking) {

    /** The ranking in one line: {@code cert-expired 0.95; machinekeys-inaccessible 0.58}. */
    public String summary() {
      return ranking.isEmpty() ? "no cause is supported"
          : String.join("; ", ranking.stream().map(r -> r.cause() + " " + r.cf()).toList());
    }
  }

  public record Consult(Frame frame, String start, List<Given> given, List<Rank> now, boolean byBaseRate,
      Optional<ConsultStep.Position> at, String ask, String how, String cost, String fact, boolean checklist,
      List<String> answers, List<String> separates, List<IfAnswer> ifAnswers, String end, String yaml,
      List<InputError> errors, int limit) {}

  public record Cases(Frame frame, List<StoredCase> cases, Map<String, String> titles, String folder) {}

  public record Knowledge(Frame frame, String query, List<Cause> causes, List<RuleInfo> rules, List<Source> sources, int total) {}

  public record Error(Frame frame, int status, String message, List<InputError> errors) {}

  public record Login(Frame frame, String message) {}
}
