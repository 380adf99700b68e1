package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar date, {@code 2026-11-20}: a four-digit year, a month and a day that exist. A date
 * followed by a valid time ({@code 2026-11-20T08:30:00}, {@code 2026-11-20 08:30Z}) is read as
 * its date; anything else after the date is refused, not ignored.
 */
final class DateDeserializer extends JsonDeserializer<LocalDate> {

  private static final Pattern DATE_AND_REST = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[Tt ](.*))?", Pattern.DOTALL);

  /** A time of day as ISO 8601 writes it, with an optional offset ({@code Z}, {@code +01:00}). */
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffsetId().optionalEnd()
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  @Override
  public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.currentToken().isScalarValue()) {
      throw JsonMappingException.from(
          p, "expected a date like 2026-11-20, got " + Shapes.describe(p.currentToken()));
    }
    String text = p.getText().strip();
    Matcher m = DATE_AND_REST.matcher(text);
    if (!m.matches()) {
      throw malformed(p, text, "");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(m.group(1));
    } catch (DateTimeParseException e) {
      throw malformed(p, text, "");
    }
    if (m.group(2) != null) {
      try {
        TIME.parse(m.group(2).strip());
      } catch (DateTimeParseException e) {
        throw malformed(p, text, " (a time after the date must be a valid one, like 2026-11-20T08:30:00)");
      }
    }
    return date;
  }

  private static JsonMappingException malformed(JsonParser p, String text, String hint) {
    return JsonMappingException.from(
        p, "malformed date '" + Excerpt.of(text) + "': write it as YYYY-MM-DD, e.g. 2026-11-20" + hint);
  }
}
