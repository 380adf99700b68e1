package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads any enum from its spelling or an alias; an unknown value names the allowed ones. */
final class SpelledEnumDeserializer extends JsonDeserializer<Enum<?>> {

  private final Map<String, Enum<?>> bySpelling = new LinkedHashMap<>();
  private final List<String> allowed;

  SpelledEnumDeserializer(Class<?> type) {
    for (Object o : type.getEnumConstants()) {
      Enum<?> constant = (Enum<?>) o;
      bySpelling.put(Spelled.spelling(constant), constant);
      bySpelling.put(Spelled.normalise(constant.name()), constant);
      if (constant instanceof Spelled spelled) {
        spelled.aliases().forEach(a -> bySpelling.putIfAbsent(Spelled.normalise(a), constant));
      }
    }
    allowed =
        java.util.Arrays.stream(type.getEnumConstants())
            .map(c -> Spelled.spelling((Enum<?>) c))
            .collect(Collectors.toList());
  }

  @Override
  public Enum<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (!token.isScalarValue()) {
      throw JsonMappingException.from(
          p, "expected one of " + String.join(", ", allowed) + ", got " + Shapes.describe(token));
    }
    String text = p.getText();
    Enum<?> hit = bySpelling.get(Spelled.normalise(text));
    if (hit != null) {
      return hit;
    }
    String hint =
        Suggestions.closest(Spelled.normalise(text), allowed)
            .map(s -> "; did you mean '" + s + "'?")
            .orElse("");
    throw JsonMappingException.from(
        p, "'" + text + "' is not allowed" + hint + " allowed: " + String.join(", ", allowed));
  }
}
