package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.yaml.Excerpt;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as people write it in a ticket into a {@link DateEstimate}, judged against the
 * observed date: a calendar date ({@code 2026-11-18}), or words ({@code yesterday},
 * {@code 3 days ago}, {@code last week}, {@code since Monday}). Case is ignored, and so are
 * {@code since}, {@code on} and {@code from} before the words; {@code about}, {@code around},
 * {@code roughly} or {@code ~} widen an exact day into a span of five. Anything else ("since
 * the update") is refused with the forms understood.
 */
final class DateWords {

  /** What is understood, for the message of a value that is not. */
  static final String UNDERSTOOD = "write a date like 2026-11-20, or words such as today, this morning, yesterday,"
      + " the day before yesterday, 3 days ago, a couple of days ago, a week ago, 2 months ago, last week,"
      + " last weekend, last month, since Monday, last Tuesday";

  /** The longest value read as words: every form understood is far shorter, and the patterns stay cheap. */
  static final int MAX_LENGTH = 200;

  /** Days either side of an exact day that a hedge ({@code about}, {@code ~}) allows. */
  private static final int HEDGE_DAYS = 2;

  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** Words before the date that do not change it, and those that hedge it. */
  private static final Pattern PREFIX = Pattern.compile(
      "^(?:(since|on|from|starting|sometime|about|around|approximately|roughly)\\s+|(approx\\.|~)\\s*)");
  private static final Pattern HEDGE = Pattern.compile("about|around|approximately|roughly|approx\\.|~");
  /** {@code yesterday's update}: the day of something named, read as the day. */
  private static final Pattern POSSESSIVE = Pattern.compile("^(.+?)['\u2019]s\\s+[\\p{L}\\s-]+$");
  private static final Pattern PART_OF_DAY = Pattern.compile("\\s+(morning|afternoon|evening|night)$");
  private static final Pattern AGO = Pattern.compile(
      "^(\\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|several)"
          + "\\s+(day|week|month|year)s?\\s+(ago|back|before)$");
  private static final Pattern WEEKDAY = Pattern.compile("^(?:last\\s+|this\\s+|this\\s+past\\s+)?"
      + "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$");

  private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12));

  private DateWords() {}

  /**
   * @param written the value as written
   * @param observed the day the words are judged against
   * @throws IllegalArgumentException when it is neither a date nor words understood, saying what is
   */
  static DateEstimate read(String written, LocalDate observed) {
    if (written.length() > MAX_LENGTH) {
      throw notADate(written);
    }
    String words = SPACES.matcher(written.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    boolean hedged = false;
    for (Matcher m = PREFIX.matcher(words); m.find(); m = PREFIX.matcher(words)) {
      hedged |= HEDGE.matcher(m.group(1) != null ? m.group(1) : m.group(2)).matches();
      words = words.substring(m.end());
    }
    words = words.replaceAll("[.!]+$", "").strip();
    if (words.matches("\\d{4}-.*")) {
      LocalDate day = ValueReader.date(words);
      return within(written, day, day, true, hedged);
    }
    Optional<DateEstimate> read = span(written, words, observed, hedged);
    if (read.isEmpty()) {
      Matcher possessive = POSSESSIVE.matcher(words);
      if (possessive.matches()) {
        read = span(written, possessive.group(1).strip(), observed, hedged);
      }
    }
    return read.orElseThrow(() -> notADate(written));
  }

  private static IllegalArgumentException notADate(String written) {
    return new IllegalArgumentException("'" + Excerpt.of(written.strip()) + "' is not a date: " + UNDERSTOOD);
  }

  private static Optional<DateEstimate> span(String written, String words, LocalDate observed, boolean hedged) {
    switch (words) {
      case "today", "earlier today", "this morning", "this afternoon", "this evening", "tonight" -> {
        return Optional.of(within(written, observed, observed, true, hedged));
      }
      case "last night" -> {
        return Optional.of(within(written, observed.minusDays(1), observed.minusDays(1), true, hedged));
      }
      case "last week" -> {
        LocalDate monday = observed.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        return Optional.of(within(written, monday, monday.plusDays(6), false, hedged));
      }
      case "this week", "earlier this week" -> {
        LocalDate monday = observed.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return Optional.of(within(written, monday, observed, monday.equals(observed), hedged));
      }
      case "last weekend", "the weekend", "over the weekend", "this weekend", "this past weekend" -> {
        LocalDate sunday = observed.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
        return Optional.of(within(written, sunday.minusDays(1), sunday, false, hedged));
      }
      case "last month" -> {
        YearMonth month = YearMonth.from(observed).minusMonths(1);
        return Optional.of(within(written, month.atDay(1), month.atEndOfMonth(), false, hedged));
      }
      case "this month", "earlier this month" -> {
        LocalDate first = observed.withDayOfMonth(1);
        return Optional.of(within(written, first, observed, first.equals(observed), hedged));
      }
      case "last year" -> {
        int year = observed.getYear() - 1;
        return Optional.of(within(written, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), false, hedged));
      }
      default -> { }
    }
    // a day, with or without the part of it: "yesterday evening", "last Friday morning"
    String day = PART_OF_DAY.matcher(words).replaceFirst("");
    if (day.equals("yesterday")) {
      return Optional.of(within(written, observed.minusDays(1), observed.minusDays(1), true, hedged));
    }
    if (day.equals("the day before yesterday") || day.equals("day before yesterday")) {
      return Optional.of(within(written, observed.minusDays(2), observed.minusDays(2), true, hedged));
    }
    Matcher weekday = WEEKDAY.matcher(day);
    if (weekday.matches()) {
      LocalDate last = observed.with(TemporalAdjusters.previous(weekday(weekday.group(1))));
      return Optional.of(within(written, last, last, true, hedged));
    }
    Matcher ago = AGO.matcher(words);
    if (ago.matches()) {
      return Optional.of(ago(written, ago.group(1), ago.group(2), observed, hedged));
    }
    return Optional.empty();
  }

  /** {@code N days ago}: one day; weeks, months and years ago: a span around the day that far back. */
  private static DateEstimate ago(String written, String count, String unit, LocalDate observed, boolean hedged) {
    boolean loose = count.equals("a couple of") || count.equals("a few") || count.equals("several");
    long n = switch (count) {
      case "a couple of" -> 2;
      case "a few" -> 3;
      case "several" -> 5;
      default -> NUMBERS.containsKey(count) ? NUMBERS.get(count) : Long.parseLong(count);
    };
    LocalDate centre;
    long either;
    switch (unit) {
      case "day" -> {
        centre = observed.minusDays(n);
        either = loose ? Math.max(1, n / 2) : 0;
      }
      case "week" -> {
        centre = observed.minusWeeks(n);
        either = loose ? 7L * n / 2 : 3;
      }
      case "month" -> {
        centre = observed.minusMonths(n);
        either = loose ? 30L * n / 2 : 15;
      }
      default -> {
        centre = observed.minusYears(n);
        either = loose ? 365L * n / 2 : 182;
      }
    }
    return within(written, centre.minusDays(either), centre.plusDays(either), either == 0, hedged);
  }

  /** The span, widened around an exact day when the words hedge it. */
  private static DateEstimate within(String written, LocalDate earliest, LocalDate latest, boolean exact, boolean hedged) {
    if (hedged && exact) {
      return new DateEstimate(written, earliest.minusDays(HEDGE_DAYS), latest.plusDays(HEDGE_DAYS), false);
    }
    return new DateEstimate(written, earliest, latest, exact);
  }

  private static DayOfWeek weekday(String name) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).startsWith(name.substring(0, 3))) {
        return d;
      }
    }
    throw new IllegalStateException("no weekday " + name);
  }
}
