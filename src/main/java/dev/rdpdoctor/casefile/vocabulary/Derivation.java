package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.yaml.Excerpt;
import dev.rdpdoctor.yaml.Spelled;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The fixed library of worked-out values. A key declares one with {@code derived: {by, from}};
 * the vocabulary names the inputs, the library says how they combine, how the result is
 * explained in the trace, and what a contradicting statement is told. Adding a derivation is a
 * change to the tool; using one on a new key is not.
 */
public enum Derivation implements Spelled {

  /** True when a date is before the observed date: a certificate past {@code not_after} is expired. */
  BEFORE_OBSERVED(List.of(Input.DATE), Input.YES_NO),

  /** Days from the observed date to a date; negative once it has passed. */
  DAYS_FROM_OBSERVED(List.of(Input.DATE), Input.WHOLE_NUMBER),

  /** Whole days from a date back to the observed date: 7 for a week before it; negative for a date after it. */
  DAYS_BEFORE_OBSERVED(List.of(Input.DATE), Input.WHOLE_NUMBER),

  /** Whether a name is covered by a list of certificate names (RFC 6125: a wildcard covers one label). */
  NAME_COVERED(List.of(Input.TEXT, Input.TEXT_LIST), Input.YES_NO);

  /** The kinds of value a derivation takes and gives. */
  enum Input {
    DATE("a date", t -> t instanceof KeyType.Date || t instanceof KeyType.ApproximateDate),
    TEXT("text", t -> t instanceof KeyType.Text),
    TEXT_LIST("a list of text", t -> t instanceof KeyType.ListOf l && l.item() instanceof KeyType.Text),
    YES_NO("yes-no", t -> t instanceof KeyType.YesNo),
    WHOLE_NUMBER("a whole number", t -> t instanceof KeyType.WholeNumber);

    final String description;
    final Predicate<KeyType> accepts;

    Input(String description, Predicate<KeyType> accepts) {
      this.description = description;
      this.accepts = accepts;
    }
  }

  final List<Input> inputs;
  final Input result;

  /** Whether it judges a date against the observed date: not done when that date was written but does not read. */
  public boolean judgesAgainstObserved() {
    return this == BEFORE_OBSERVED || this == DAYS_FROM_OBSERVED || this == DAYS_BEFORE_OBSERVED;
  }

  Derivation(List<Input> inputs, Input result) {
    this.inputs = inputs;
    this.result = result;
  }

  static String spellings() {
    return Arrays.stream(values()).map(Spelled::spelling).collect(Collectors.joining(", "));
  }

  /** What it takes, for messages: {@code a date}, {@code text and a list of text}. */
  String takes() {
    return inputs.stream().map(i -> i.description).collect(Collectors.joining(" and "));
  }

  /**
   * The worked-out value.
   *
   * @param values the inputs' values, in the order of {@code from:}, none of them null
   */
  public Object compute(List<Object> values, LocalDate observed) {
    return switch (this) {
      case BEFORE_OBSERVED -> day(values.get(0)).isBefore(observed);
      case DAYS_FROM_OBSERVED -> ChronoUnit.DAYS.between(observed, day(values.get(0)));
      case DAYS_BEFORE_OBSERVED -> ChronoUnit.DAYS.between(day(values.get(0)), observed);
      case NAME_COVERED -> covered((String) values.get(0), textList(values.get(1)));
    };
  }

  /** How the trace explains a worked-out value ({@code not_after 2026-05-19 is before the observed date 2026-11-20}). */
  public String explain(List<String> from, List<Object> values, Object result, LocalDate observed) {
    return switch (this) {
      case BEFORE_OBSERVED -> from.get(0) + " " + values.get(0) + " is " + (Boolean.TRUE.equals(result) ? "before" : "not before")
          + " the observed date " + observed;
      case DAYS_FROM_OBSERVED -> result + " days from " + observed + " to " + from.get(0) + " " + values.get(0);
      case DAYS_BEFORE_OBSERVED -> from.get(0) + " " + values.get(0) + " is " + daysBefore((Long) result)
          + " the observed date " + observed;
      case NAME_COVERED -> values.get(0) + (Boolean.TRUE.equals(result) ? " is" : " is not") + " covered by the certificate names "
          + String.join(", ", textList(values.get(1)));
    };
  }

  /**
   * What a statement that contradicts the worked-out value is told, after its path and the
   * statement ({@code certificate.expired: 'expired: false' contradicts ...}).
   */
  public String contradiction(List<String> from, List<Object> values, Object result, LocalDate observed) {
    return switch (this) {
      case BEFORE_OBSERVED -> "contradicts " + from.get(0) + " " + values.get(0)
          + (Boolean.TRUE.equals(result) ? ", which is before" : ", which is not before") + " the observed date " + observed;
      case DAYS_FROM_OBSERVED -> "contradicts " + from.get(0) + " " + values.get(0) + ", which is " + result
          + " days from the observed date " + observed;
      case DAYS_BEFORE_OBSERVED -> "contradicts " + from.get(0) + " " + values.get(0) + ", which is "
          + daysBefore((Long) result) + " the observed date " + observed;
      case NAME_COVERED -> "contradicts the names: " + Excerpt.of((String) values.get(0))
          + (Boolean.TRUE.equals(result) ? " is" : " is not") + " covered by " + Excerpt.of(String.join(", ", textList(values.get(1))));
    };
  }

  /**
   * The inputs as a disagreement shows them, after the worked-out value
   * ({@code true (not_after 2026-05-19)}, {@code false (certificate names gw02.corp.example)}).
   */
  public String evidence(List<String> from, List<Object> values) {
    return switch (this) {
      case BEFORE_OBSERVED, DAYS_FROM_OBSERVED, DAYS_BEFORE_OBSERVED -> from.get(0) + " " + values.get(0);
      case NAME_COVERED -> "certificate names " + String.join(", ", textList(values.get(1)));
    };
  }

  /** The day a date input stands for: the date, or an approximate date's estimate. */
  private static LocalDate day(Object value) {
    return value instanceof DateEstimate d ? d.estimate() : (LocalDate) value;
  }

  /** {@code 8 days before}, {@code 1 day before}, {@code 0 days before}, {@code 3 days after}. */
  private static String daysBefore(long days) {
    long n = Math.abs(days);
    return n + (n == 1 ? " day " : " days ") + (days < 0 ? "after" : "before");
  }

  @SuppressWarnings("unchecked")
  private static List<String> textList(Object value) {
    return (List<String>) value;
  }

  /** RFC 6125: a name covers a host name when equal, ignoring case and a final dot; {@code *.} covers one label. */
  static boolean covered(String hostName, List<String> certificateNames) {
    return HostNames.covered(hostName, certificateNames);
  }
}
