package dev.rdpdoctor.evidence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day of a date as Windows writes it in an export: ISO 8601 ({@code 2026-11-20T07:12:33Z}),
 * PowerShell 5.1's JSON ({@code /Date(1795158753123)/}), or the short date of the culture it ran
 * in ({@code 11/20/2026 7:12 AM}, {@code 20.11.2026 07:12}, {@code 20/11/2026}). A date whose day
 * and month cannot be told apart ({@code 05/06/2026} without AM or PM) is not read.
 */
final class LooseDate {

  private static final Pattern JSON = Pattern.compile("\\\\?/Date\\((-?\\d{1,15})(?:[+-]\\d{4})?\\)\\\\?/");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ].*)?");
  private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\.?(?:\\s.*)?");
  private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:\\s.*)?");
  private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})(\\s.*)?");
  private static final Pattern AM_PM = Pattern.compile("(?i)\\b[AP]\\.?M\\.?\\b");

  private LooseDate() {}

  static Optional<LocalDate> parse(String written) {
    String s = written == null ? "" : written.strip();
    if (s.length() > 100) {
      return Optional.empty();
    }
    try {
      Matcher m = JSON.matcher(s);
      if (m.matches()) {
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(m.group(1))).atZone(ZoneOffset.UTC).toLocalDate());
      }
      if ((m = ISO.matcher(s)).matches()) {
        return day(m.group(1), m.group(2), m.group(3));
      }
      if ((m = DOTTED.matcher(s)).matches()) {
        return day(m.group(3), m.group(2), m.group(1));
      }
      if ((m = YEAR_FIRST.matcher(s)).matches()) {
        return day(m.group(1), m.group(2), m.group(3));
      }
      if ((m = YEAR_LAST.matcher(s)).matches()) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        if (a > 12 || !s.contains("/") && b <= 12) {
          return day(m.group(3), m.group(2), m.group(1));
        }
        if (b > 12 || m.group(4) != null && AM_PM.matcher(m.group(4)).find()) {
          return day(m.group(3), m.group(1), m.group(2));
        }
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> day(String year, String month, String day) {
    return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
  }
}
