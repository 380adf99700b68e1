package dev.rdpdoctor.casefile.vocabulary;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The value of an {@code approximate-date} key: the words as written ({@code last week},
 * {@code 3 days ago}, {@code 2026-11-18}) and the days they can mean, judged against the
 * observed date. The rules read its {@link #estimate()}, the middle of those days.
 *
 * @param written the value as the user wrote it, kept to be written back and quoted
 * @param earliest the first day the words can mean
 * @param latest the last day the words can mean, not before {@code earliest}
 * @param exact whether the words name one day ({@code yesterday}, a date), not a span or a guess
 */
public record DateEstimate(String written, LocalDate earliest, LocalDate latest, boolean exact) {

  public DateEstimate {
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(earliest, "earliest");
    Objects.requireNonNull(latest, "latest");
    if (latest.isBefore(earliest)) {
      throw new IllegalArgumentException("the span " + earliest + " to " + latest + " is empty");
    }
    if (exact && !latest.equals(earliest)) {
      throw new IllegalArgumentException("an exact day is one day, not " + earliest + " to " + latest);
    }
  }

  /** The middle of the days the words can mean (the earlier of the two middle days of an even span). */
  public LocalDate estimate() {
    return earliest.plusDays(ChronoUnit.DAYS.between(earliest, latest) / 2);
  }

  /**
   * As the trace shows it: the words and the day taken for them ({@code last week (about
   * 2026-11-12)}, {@code yesterday (2026-11-19)}); a date written as such, as written.
   */
  @Override
  public String toString() {
    String words = written.strip().replaceAll("\\s+", " ");
    if (words.contains(estimate().toString())) {
      return words;
    }
    return words + " (" + (exact ? "" : "about ") + estimate() + ")";
  }
}
