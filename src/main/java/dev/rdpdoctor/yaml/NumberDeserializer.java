package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import java.io.IOException;

/**
 * A whole number ({@code Long}) or a number ({@code Double}), read as Jackson reads it, and then
 * held to what its key allows: a whole number is not silently cut from {@code 2.5} to 2.
 */
final class NumberDeserializer<T extends Number> extends JsonDeserializer<T> {

  private final Class<T> type;
  private final JsonDeserializer<?> standard;

  private NumberDeserializer(Class<T> type) {
    this.type = type;
    this.standard = NumberDeserializers.find(type, type.getName());
  }

  static NumberDeserializer<Long> whole() {
    return new NumberDeserializer<>(Long.class);
  }

  static NumberDeserializer<Double> decimal() {
    return new NumberDeserializer<>(Double.class);
  }

  @Override
  public Class<?> handledType() {
    return type;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (type == Long.class && p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
      double value = p.getDoubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value) || value != Math.rint(value)) {
        throw JsonMappingException.from(p, "expected a whole number, got " + Excerpt.of(p.getText()));
      }
    }
    return type.cast(standard.deserialize(p, ctxt));
  }
}
