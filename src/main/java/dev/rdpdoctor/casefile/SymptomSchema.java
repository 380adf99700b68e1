package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every key a symptom file can hold, by path ({@code rdp.nla_required}), with its type. */
public final class SymptomSchema {

  /**
   * One key.
   *
   * @param type the value's type; for a list, the type of its items
   * @param list whether the key holds a list ({@code events}) whose items are added one by one
   */
  public record Slot(String path, Class<?> type, boolean list) {}

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();
  private static final Map<String, Slot> SLOTS = new LinkedHashMap<>();

  static {
    collect(SymptomFile.class, "", 0);
  }

  private SymptomSchema() {}

  private static void collect(Class<?> type, String prefix, int depth) {
    for (RecordComponent c : type.getRecordComponents()) {
      String path = prefix + SNAKE.translate(c.getName());
      boolean list = List.class.isAssignableFrom(c.getType());
      Class<?> value = c.getType();
      if (list && c.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
        value = e;
      }
      SLOTS.put(path, new Slot(path, value, list));
      if (value.isRecord() && !list && depth < 4) {
        collect(value, path + ".", depth + 1);
      }
    }
  }

  public static Optional<Slot> slot(String path) {
    return Optional.ofNullable(SLOTS.get(path));
  }

  public static Map<String, Slot> all() {
    return Collections.unmodifiableMap(SLOTS);
  }
}
