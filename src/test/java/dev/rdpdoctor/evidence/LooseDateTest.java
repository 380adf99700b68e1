package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LooseDateTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-20T07:12:33.5213890Z", "2026-11-20", "\\/Date(1795159211000)\\/", "/Date(1795159211000)/",
      "11/20/2026 7:12:34 AM", "20.11.2026 07:12:34", "20/11/2026 07:12", "2026/11/20 07:12", "11/20/2026"})
  void theDayOfEveryFormWindowsWritesADateIn(String written) {
    assertThat(LooseDate.parse(written)).contains(LocalDate.of(2026, 11, 20));
  }

  @ParameterizedTest
  @ValueSource(strings = {"05/06/2026 08:00", "", "yesterday", "2026-02-30", "99/99/2026 1:00 PM"})
  void aDateWhoseDayAndMonthCannotBeToldApartOrThatIsNoneIsNotRead(String written) {
    assertThat(LooseDate.parse(written)).isEmpty();
  }
}
