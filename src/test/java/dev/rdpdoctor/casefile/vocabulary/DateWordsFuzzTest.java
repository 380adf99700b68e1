package dev.rdpdoctor.casefile.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whatever a user writes for an approximate date, judged against any observed date a symptom
 * file can hold (years 0000 to 9999), it is a span of days with its estimate in it, which the
 * same words read to again, or it is refused with a one-line message; any other exception is a
 * finding.
 */
class DateWordsFuzzTest {

  private static final long FIRST = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long LAST = LocalDate.of(9999, 12, 31).toEpochDay();

  @FuzzTest
  void anyWordsAreASpanOfDaysOrRefusedOnOneLine(FuzzedDataProvider data) {
    LocalDate observed = LocalDate.ofEpochDay(data.consumeLong(FIRST, LAST));
    String written = data.consumeRemainingAsString();
    DateEstimate read;
    try {
      read = (DateEstimate) ValueReader.read(new KeyType.ApproximateDate(), TextNode.valueOf(written), written,
          Key.Messages.NONE, observed);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(1_000);
      return;
    }
    assertThat(read.written()).isEqualTo(written);
    assertThat(read.estimate()).isBetween(read.earliest(), read.latest());
    assertThat(read.toString()).doesNotContain("\n").doesNotContain("\r");
    if (!written.strip().matches("(?s).*\\d{4}-.*")) {
      assertThat(ChronoUnit.DAYS.between(read.estimate(), observed)).as("words name a day before the observed one")
          .isBetween(0L, 366L * 10_000);
    }
    assertThat(ValueReader.read(new KeyType.ApproximateDate(), TextNode.valueOf(read.written()), read.written(),
        Key.Messages.NONE, observed)).isEqualTo(read);
  }
}
