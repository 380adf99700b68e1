package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import java.io.IOException;
import java.util.Locale;

/**
 * A whole number ({@code Long}) or a number ({@code Double}), read as Jackson reads it, and then
 * held to what its key allows: a whole number is not silently cut from {@code 2.5} to 2, and a
 * key with a {@link Range} refuses a value outside it.
 */
final class NumberDeserializer<T extends Number> extends JsonDeserializer<T> implements ContextualDeserializer {

  private final Class<T> type;
  private final JsonDeserializer<?> standard;
  private final Range range;

  private NumberDeserializer(Class<T> type, Range range) {
    this.type = type;
    this.standard = NumberDeserializers.find(type, type.getName());
    this.range = range;
  }

  static NumberDeserializer<Long> whole() {
    return new NumberDeserializer<>(Long.class, null);
  }

  static NumberDeserializer<Double> decimal() {
    return new NumberDeserializer<>(Double.class, null);
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    Range declared = property == null ? null : property.getAnnotation(Range.class);
    return declared == null || declared.equals(range) ? this : new NumberDeserializer<>(type, declared);
  }

  @Override
  public Class<?> handledType() {
    return type;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (type == Long.class && token == JsonToken.VALUE_NUMBER_FLOAT) {
      double value = p.getDoubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value) || value != Math.rint(value)) {
        throw JsonMappingException.from(p, "expected a whole number, got " + Excerpt.of(p.getText()));
      }
    }
    if (range != null && token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw outOfRange(p);
    }
    T value = type.cast(standard.deserialize(p, ctxt));
    if (value != null && range != null && !(value.doubleValue() >= range.min() && value.doubleValue() <= range.max())) {
      throw outOfRange(p);
    }
    return value;
  }

  private JsonMappingException outOfRange(JsonParser p) throws IOException {
    return JsonMappingException.from(p, Excerpt.of(p.getText()) + " is out of range; allowed: " + describe(range.min())
        + " to " + describe(range.max()));
  }

  /** {@code 65535}, not {@code 65535.0}. */
  static String describe(double bound) {
    return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? String.format(Locale.ROOT, "%d", (long) bound)
        : String.valueOf(bound);
  }
}
