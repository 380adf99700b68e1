package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/** Reads any enum from its spelling or an alias; an unknown value names the allowed ones. */
final class SpelledEnumDeserializer extends JsonDeserializer<Enum<?>> {

  private final SpelledValues<?> values;

  @SuppressWarnings({"unchecked", "rawtypes"})
  SpelledEnumDeserializer(Class<?> type) {
    this.values = SpelledValues.of((Class) type.asSubclass(Enum.class));
  }

  @Override
  public Enum<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (!token.isScalarValue()) {
      throw JsonMappingException.from(
          p, "expected one of " + values.allowed() + ", got " + Shapes.describe(token));
    }
    try {
      return values.parse(p.getText());
    } catch (IllegalArgumentException e) {
      throw JsonMappingException.from(p, e.getMessage());
    }
  }
}
