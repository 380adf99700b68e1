package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.ContainerDeserializerBase;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.rdpdoctor.problem.InputError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every independent problem of a document in one pass: Jackson stops at the first, so
 * each key is bound on its own, with the deserializer its section uses for it, from the tokens
 * as they were read: the same values, messages and positions as the whole document gives. A
 * section is walked key by key (unknown keys are reported there), and bound as a whole once its
 * keys are fine, for the checks that span its keys (an event needs its id); a problem inside a
 * section is not reported again as the section's.
 *
 * <p>What is left once every key with a problem is taken out is the partial document, for the
 * checks that need a value ({@link StrictYamlReader#read(String, int, byte[], Class,
 * java.util.function.Function)}).
 */
final class PropertyCheck {

  /**
   * @param partial the document without the keys that have problems, or null when it does not bind
   * @param leftOut the paths of the keys taken out
   */
  record Result<T>(List<InputError> problems, T partial, Set<String> leftOut) {}

  private final ObjectMapper mapper;
  private final RecordedTokens tokens;
  private final SourceMap map;
  private final String file;
  private final int lineOffset;
  private final String format;
  private final List<InputError> problems = new ArrayList<>();
  private final BitSet excluded = new BitSet();
  private final Set<String> leftOut = new HashSet<>();
  private final Map<Class<?>, Map<String, JavaType>> properties = new HashMap<>();
  private final Map<Class<?>, JsonDeserializer<Object>> sections = new HashMap<>();

  PropertyCheck(ObjectMapper mapper, RecordedTokens tokens, SourceMap map, String file, int lineOffset, String format) {
    this.mapper = mapper;
    this.tokens = tokens;
    this.map = map;
    this.file = file;
    this.lineOffset = lineOffset;
    this.format = format;
  }

  <T> Result<T> check(Class<T> type) {
    JavaType root = mapper.constructType(type);
    if (tokens.size() > 0 && tokens.get(0).kind() == JsonToken.START_OBJECT && isSection(root)) {
      checkSection(0, root, "");
    }
    tokens.trailing().ifPresent(at -> problems.add(InputError.error(file, at.line(), at.column(),
        MappingErrors.trailing(format))));
    return new Result<>(List.copyOf(problems), partial(type), leftOut);
  }

  private void leaveOut(String path, int from, int to) {
    excluded.set(from, to + 1);
    leftOut.add(path);
  }

  /** How a key's value came out. */
  private enum Outcome {
    /** read as written */
    FINE,
    /** its problems are reported and taken out; what is left reads */
    FAULTY,
    /** reported; the key is taken out whole */
    UNUSABLE
  }

  /**
   * Checks each key of the section that starts at {@code start}; true when a key had a problem,
   * so that the checks spanning its keys would judge a value it does not hold (an unknown key
   * may be the misspelling of one the section requires).
   */
  private boolean checkSection(int start, JavaType type, String path) {
    Map<String, JavaType> known = propertiesOf(type);
    boolean faulty = false;
    int i = start + 1;
    while (tokens.get(i).kind() == JsonToken.FIELD_NAME) {
      String name = tokens.get(i).text();
      int value = i + 1;
      int end = tokens.end(value);
      String child = path.isEmpty() ? name : path + "." + name;
      JavaType valueType = known.get(name);
      if (valueType == null) {
        problems.add(atKey(child, i, MappingErrors.unknownKey(name, path, known.keySet().stream().sorted().toList())));
        leaveOut(child, i, end);
        faulty = true;
      } else {
        Outcome outcome = checkProperty(type, name, valueType, value, child);
        if (outcome == Outcome.UNUSABLE) {
          leaveOut(child, i, end);
        }
        faulty |= outcome != Outcome.FINE;
      }
      i = end + 1;
    }
    return faulty;
  }

  private Outcome checkProperty(JavaType owner, String name, JavaType type, int value, String path) {
    SettableBeanProperty property = property(owner, name);
    if (property == null) {
      return Outcome.FINE; // not a key Jackson binds on its own: the whole document's error stands for it
    }
    JsonToken kind = tokens.get(value).kind();
    if (isSection(type) && kind == JsonToken.START_OBJECT) {
      return whole(checkSection(value, type, path), p -> property.deserialize(p, context(p)), value, path);
    }
    if (type.isCollectionLikeType() && isSection(type.getContentType()) && kind == JsonToken.START_ARRAY
        && property.getValueDeserializer() instanceof ContainerDeserializerBase<?> list
        && list.getContentDeserializer() != null) {
      JsonDeserializer<Object> items = list.getContentDeserializer();
      Outcome outcome = Outcome.FINE;
      int item = value + 1;
      for (int index = 0; tokens.get(item).kind() != JsonToken.END_ARRAY; index++) {
        String at = path + "[" + index + "]";
        boolean faulty = tokens.get(item).kind() == JsonToken.START_OBJECT && checkSection(item, type.getContentType(), at);
        Outcome one = tokens.get(item).kind() == JsonToken.VALUE_NULL ? Outcome.FINE
            : whole(faulty, p -> items.deserialize(p, context(p)), item, at);
        outcome = one.compareTo(outcome) > 0 ? one : outcome;
        item = tokens.end(item) + 1;
      }
      return outcome;
    }
    return bind(p -> property.deserialize(p, context(p)), value, path, true) ? Outcome.FINE : Outcome.UNUSABLE;
  }

  /**
   * A section (or list item) bound as a whole: its problems are reported only when its keys were
   * fine, as a section with a key taken out may fail for that alone.
   */
  private Outcome whole(boolean faulty, Binding binding, int value, String path) {
    if (!bind(binding, value, path, !faulty)) {
      return Outcome.UNUSABLE;
    }
    return faulty ? Outcome.FAULTY : Outcome.FINE;
  }

  /** Reads one value from a parser that stands on its first token. */
  private interface Binding {
    Object read(JsonParser parser) throws IOException;
  }

  /** Binds the value at {@code value} (without what was taken out of it) on its own. */
  private boolean bind(Binding binding, int value, String path, boolean report) {
    List<RecordedTokens.Token> unit = new ArrayList<>();
    int end = tokens.end(value);
    for (int t = value; t <= end; t++) {
      if (!excluded.get(t)) {
        unit.add(tokens.get(t));
      }
    }
    try (ReplayParser parser = new ReplayParser(unit, mapper)) {
      parser.nextToken();
      binding.read(parser);
      return true;
    } catch (JsonMappingException e) {
      if (report) {
        String relative = MappingErrors.pathOf(e.getPath());
        String full = relative.isEmpty() ? path : relative.startsWith("[") || path.isEmpty() ? path + relative
            : path + "." + relative;
        problems.add(at(full, e, MappingErrors.describe(e, full, format)));
      }
      return false;
    } catch (JsonProcessingException e) {
      if (report) {
        problems.add(atValue(path, value, MappingErrors.locate(file, e, format).message()));
      }
      return false;
    } catch (IOException e) {
      if (report) {
        problems.add(atValue(path, value, "cannot read: " + e.getMessage()));
      }
      return false;
    } catch (RuntimeException e) {
      // a deserializer that throws outside Jackson's exceptions: the whole document would report
      // it wrapped, with its message
      if (report) {
        problems.add(atValue(path, value, (path.isEmpty() ? "" : path + ": ") + e.getMessage()));
      }
      return false;
    }
  }

  /** A context for one value, as Jackson makes for each document it reads. */
  private DeserializationContext context(JsonParser parser) {
    return ((DefaultDeserializationContext) mapper.getDeserializationContext())
        .createInstance(mapper.getDeserializationConfig(), parser, mapper.getInjectableValues());
  }

  /** The key {@code name} of the section type {@code owner}, with the deserializer Jackson uses for it. */
  private SettableBeanProperty property(JavaType owner, String name) {
    JsonDeserializer<Object> section = sections.computeIfAbsent(owner.getRawClass(), c -> {
      try {
        return context(null).findRootValueDeserializer(owner);
      } catch (JsonMappingException e) {
        return null;
      }
    });
    return section instanceof BeanDeserializerBase bean ? bean.findProperty(name) : null;
  }

  private <T> T partial(Class<T> type) {
    List<RecordedTokens.Token> kept = new ArrayList<>();
    for (int t = 0; t < tokens.size(); t++) {
      if (!excluded.get(t)) {
        kept.add(tokens.get(t));
      }
    }
    try (ReplayParser parser = new ReplayParser(kept, mapper)) {
      return mapper.readerFor(type).readValue(parser);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The record types a section is read into, with the type of each key. */
  private Map<String, JavaType> propertiesOf(JavaType type) {
    return properties.computeIfAbsent(type.getRawClass(), c -> {
      Map<String, JavaType> byName = new LinkedHashMap<>();
      for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(type).findProperties()) {
        byName.put(p.getName(), p.getPrimaryType());
      }
      return byName;
    });
  }

  private static boolean isSection(JavaType type) {
    return type.getRawClass().isRecord();
  }

  private InputError atKey(String path, int token, String message) {
    return map.key(path).map(l -> located(l, message)).orElseGet(() -> atToken(token, message));
  }

  private InputError atValue(String path, int token, String message) {
    return map.find(path).map(l -> located(l, message)).orElseGet(() -> atToken(token, message));
  }

  /** Where Jackson's error belongs: at the key of an unknown key, else at the value (or its key). */
  private InputError at(String path, JsonMappingException e, String message) {
    var found = map.find(path).or(() -> map.key(path));
    if (found.isPresent()) {
      return located(found.get(), message);
    }
    var location = e.getLocation();
    return InputError.error(file, location == null ? 1 : location.getLineNr(),
        location == null ? 1 : location.getColumnNr(), message);
  }

  private InputError located(Located l, String message) {
    return InputError.error(file, l.line() - lineOffset, l.column(), message);
  }

  private InputError atToken(int token, String message) {
    RecordedTokens.Token t = tokens.get(token);
    return InputError.error(file, t.line(), t.column(), message);
  }
}
