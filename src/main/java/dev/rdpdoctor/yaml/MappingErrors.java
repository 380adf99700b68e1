package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.rdpdoctor.problem.InputError;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Jackson's and SnakeYAML's exceptions in the user's words, each one located {@link InputError}. */
public final class MappingErrors {

  private MappingErrors() {}

  /** An unknown key, with a did-you-mean and the keys its section allows. */
  public static String unknownKey(String key, String section, List<String> known) {
    String hint = Suggestions.closest(key, known).map(s -> " did you mean '" + s + "'?").orElse("");
    return "unknown key '" + key + "' in " + (section.isEmpty() ? "the top level" : "'" + section + "'") + ";" + hint
        + " allowed keys: " + String.join(", ", known);
  }

  /** A second YAML document, or a second JSON value, after the first. */
  static String trailing(String format) {
    return format.equals("JSON") ? "more than one JSON value; put one case per line"
        : "a second YAML document follows the first; put everything in one document";
  }

  static InputError locate(String file, JsonProcessingException e, String format) {
    JsonLocation at = e.getLocation();
    int line = at == null ? 1 : at.getLineNr();
    int column = at == null ? 1 : at.getColumnNr();
    MarkedYAMLException yaml = findCause(e, MarkedYAMLException.class);
    if (yaml != null) {
      String problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem();
      var mark = yaml.getProblemMark();
      if (problem.contains("\\t(TAB)") && mark != null) {
        return InputError.error(file, mark.getLine() + 1, mark.getColumn() + 1,
            "a tab indents this line; YAML indents with spaces only: replace the tab with spaces");
      }
      if (mark != null) {
        line = mark.getLine() + 1;
        column = mark.getColumn() + 1;
      }
      String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
      return InputError.error(file, line, column, "invalid YAML: " + problem + context);
    }
    if (e instanceof JsonMappingException m) {
      return InputError.error(file, line, column, describe(m, pathOf(m.getPath()), format));
    }
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith("Duplicate field")) {
      String key = message.replaceAll(".*'(.*)'.*", "$1");
      return InputError.error(file, line, column, "duplicate key '" + key + "': each key may appear once in a section");
    }
    return InputError.error(file, line, column, "invalid " + format + ": " + message);
  }

  /**
   * The message for a binding error at {@code path} (the key's path in the whole document, which
   * may differ from the exception's own when a part of the document was bound alone).
   */
  static String describe(JsonMappingException e, String path, String format) {
    String where = path.isEmpty() ? "" : path + ": ";
    if (e instanceof UnrecognizedPropertyException u) {
      int dot = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      String section = dot < 0 ? "" : path.substring(0, dot);
      List<String> known =
          u.getKnownPropertyIds() == null
              ? List.of()
              : u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList());
      return unknownKey(u.getPropertyName(), section, known);
    }
    if (e instanceof InvalidFormatException f) {
      return where + "expected " + Shapes.expected(typeOf(f.getTargetType()))
          + ", got '" + Excerpt.of(String.valueOf(f.getValue())) + "'";
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return where + v.getCause().getMessage();
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null && !ownMessage(e)) {
      JsonToken token = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
      return where + "expected " + Shapes.expected(typeOf(m.getTargetType())) + ", got "
          + Shapes.describe(token);
    }
    if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
      return trailing(format);
    }
    return where + e.getOriginalMessage();
  }

  /** True when one of our own deserializers wrote the message. */
  private static boolean ownMessage(JsonMappingException e) {
    String m = e.getOriginalMessage();
    return m != null && !m.startsWith("Cannot ") && !m.startsWith("Unexpected ");
  }

  private static JavaType typeOf(Class<?> type) {
    return TypeFactory.defaultInstance().constructType(type);
  }

  static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static <X extends Throwable> X findCause(Throwable t, Class<X> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
