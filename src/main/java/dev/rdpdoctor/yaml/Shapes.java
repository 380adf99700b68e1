package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Plain words for the shape of a YAML value and of what a key expects. */
public final class Shapes {

  private Shapes() {}

  /** The shape of a value read into a tree, in the words of {@link #describe(JsonToken)}. */
  public static String describe(com.fasterxml.jackson.databind.JsonNode node) {
    return describe(node.asToken());
  }

  public static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT, END_OBJECT, FIELD_NAME -> "a section (key: value lines)";
      case START_ARRAY, END_ARRAY -> "a list";
      case VALUE_STRING -> "text";
      case VALUE_NUMBER_INT -> "a whole number";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "true/false";
      case VALUE_NULL -> "an empty value";
      default -> "a value";
    };
  }

  static String expected(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == Boolean.class || raw == boolean.class) {
      return "true or false";
    }
    if (raw == Integer.class || raw == Long.class || raw == int.class || raw == long.class) {
      return "a whole number";
    }
    if (raw == Double.class || raw == double.class) {
      return "a number";
    }
    if (raw == String.class) {
      return "text";
    }
    if (raw == LocalDate.class) {
      return "a date like 2026-11-20";
    }
    if (raw.isEnum()) {
      return "one of "
          + Arrays.stream(raw.getEnumConstants())
              .map(c -> Spelled.spelling((Enum<?>) c))
              .collect(Collectors.joining(", "));
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return "a list";
    }
    return "a section (key: value lines)";
  }
}
