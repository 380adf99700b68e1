package dev.rdpdoctor.casefile.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates as a ticket gives them, judged against the observed date: Friday 20 November 2026. */
class DateWordsTest {

  private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

  private static DateEstimate read(String written) {
    return DateWords.read(written, FRIDAY);
  }

  private static LocalDate nov(int day) {
    return LocalDate.of(2026, 11, day);
  }

  static Stream<Arguments> words() {
    return Stream.of(
        // written, earliest, latest, exact, estimate
        Arguments.of("today", nov(20), nov(20), true, nov(20)),
        Arguments.of("This morning", nov(20), nov(20), true, nov(20)),
        Arguments.of("yesterday", nov(19), nov(19), true, nov(19)),
        Arguments.of("since yesterday", nov(19), nov(19), true, nov(19)),
        Arguments.of("Yesterday evening", nov(19), nov(19), true, nov(19)),
        Arguments.of("since yesterday's update", nov(19), nov(19), true, nov(19)),
        Arguments.of("the day before yesterday", nov(18), nov(18), true, nov(18)),
        Arguments.of("3 days ago", nov(17), nov(17), true, nov(17)),
        Arguments.of("three days ago", nov(17), nov(17), true, nov(17)),
        Arguments.of("since about 3 days ago", nov(15), nov(19), false, nov(17)),
        Arguments.of("~3 days ago", nov(15), nov(19), false, nov(17)),
        Arguments.of("a couple of days ago", nov(17), nov(19), false, nov(18)),
        Arguments.of("a week ago", nov(10), nov(16), false, nov(13)),
        Arguments.of("2 weeks ago", nov(3), nov(9), false, nov(6)),
        Arguments.of("2 months ago", LocalDate.of(2026, 9, 5), LocalDate.of(2026, 10, 5), false, LocalDate.of(2026, 9, 20)),
        Arguments.of("last week", nov(9), nov(15), false, nov(12)),
        Arguments.of("  LAST   WEEK ", nov(9), nov(15), false, nov(12)),
        Arguments.of("around last week", nov(9), nov(15), false, nov(12)),
        Arguments.of("last month", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), false, LocalDate.of(2026, 10, 16)),
        Arguments.of("last weekend", nov(14), nov(15), false, nov(14)),
        Arguments.of("since Monday", nov(16), nov(16), true, nov(16)),
        Arguments.of("last Tuesday", nov(17), nov(17), true, nov(17)),
        Arguments.of("on Friday", nov(13), nov(13), true, nov(13)),
        Arguments.of("2026-11-28", nov(28), nov(28), true, nov(28)),
        Arguments.of("since 2026-11-18", nov(18), nov(18), true, nov(18)),
        Arguments.of("about 2026-11-18", nov(16), nov(20), false, nov(18)));
  }

  @ParameterizedTest
  @MethodSource("words")
  void wordsAreTheDaysTheyCanMeanBeforeTheObservedDateWithTheirMiddleAsTheEstimate(
      String written, LocalDate earliest, LocalDate latest, boolean exact, LocalDate estimate) {
    DateEstimate read = read(written);
    assertThat(read).isEqualTo(new DateEstimate(written, earliest, latest, exact));
    assertThat(read.estimate()).isEqualTo(estimate);
  }

  @Test
  void theTraceShowsTheWordsWithTheDayTakenForThemAndADateAsWritten() {
    assertThat(read("last week")).hasToString("last week (about 2026-11-12)");
    assertThat(read("Since\n yesterday")).hasToString("Since yesterday (2026-11-19)");
    assertThat(read("2026-11-28")).hasToString("2026-11-28");
    assertThat(read("since 2026-11-18")).hasToString("since 2026-11-18");
    assertThat(read("about 2026-11-18")).hasToString("about 2026-11-18");
  }

  @Test
  void anEventThatIsNotADayIsRefusedWithTheWordsUnderstood() {
    assertThatThrownBy(() -> read("since the update"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'since the update' is not a date: " + DateWords.UNDERSTOOD);
    assertThat(DateWords.UNDERSTOOD).contains("2026-11-20", "yesterday", "3 days ago", "last week", "since Monday");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "since", "last", "this", "the update", "next week", "in 3 days", "3 days ago morning",
      "12345 days ago", "once yesterday", "Mondays", "yesterday's"})
  void wordsThatNameNoDayBeforeTheObservedDateAreRefused(String written) {
    assertThatThrownBy(() -> read(written)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a date");
  }

  @Test
  void aLongValueIsRefusedWithoutBeingReadAsWordsWhateverItHolds() {
    String possessive = "yesterday's " + "a's ".repeat(5_000) + "update";
    assertThatThrownBy(() -> read(possessive)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'yesterday's a's").hasMessageContaining("(20,018 characters)' is not a date");
    String padded = "last week" + " ".repeat(DateWords.MAX_LENGTH);
    assertThatThrownBy(() -> read(padded)).isInstanceOf(IllegalArgumentException.class);
    assertThat(read(("last week" + " ".repeat(DateWords.MAX_LENGTH)).substring(0, DateWords.MAX_LENGTH)).estimate())
        .isEqualTo(nov(12));
  }

  @Test
  void aDateThatDoesNotExistIsRefusedAsAMalformedDate() {
    assertThatThrownBy(() -> read("since 2026-02-30")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed date '2026-02-30'");
  }

  @Test
  void theSameWordsReadAgainstTheSameDayAreTheSameValue() {
    words().forEach(a -> {
      String written = (String) a.get()[0];
      assertThat(read(read(written).written())).isEqualTo(read(written));
    });
  }
}
