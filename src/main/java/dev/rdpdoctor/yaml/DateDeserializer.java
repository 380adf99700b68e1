package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A calendar date, {@code 2026-11-20}; a date-time is accepted and cut to its date. */
final class DateDeserializer extends JsonDeserializer<LocalDate> {

  @Override
  public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.currentToken().isScalarValue()) {
      throw JsonMappingException.from(
          p, "expected a date like 2026-11-20, got " + Shapes.describe(p.currentToken()));
    }
    String text = p.getText().strip();
    String day = text.length() > 10 && text.charAt(10) == 'T' || text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) : text;
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw JsonMappingException.from(p, "malformed date '" + Excerpt.of(text) + "': write it as YYYY-MM-DD, e.g. 2026-11-20");
    }
  }
}
