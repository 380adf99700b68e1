package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every key a symptom file can hold is described in docs/symptom-file.md. */
class SymptomFileDocumentationTest {

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

  @Test
  void everyKeyIsDocumentedInItsSection() throws Exception {
    String doc = Files.readString(Path.of("docs/symptom-file.md"));
    int checked = 0;
    for (RecordComponent top : SymptomFile.class.getRecordComponents()) {
      String name = SNAKE.translate(top.getName());
      assertThat(doc).as("the top-level table lists '%s'", name).contains("| `" + name + "` |");
      Class<?> type = elementType(top);
      if (!type.isRecord()) {
        continue;
      }
      int start = doc.indexOf("## `" + name + "`");
      assertThat(start).as("docs/symptom-file.md has a section for '%s'", name).isNotNegative();
      int end = doc.indexOf("\n## ", start + 1);
      String section = doc.substring(start, end < 0 ? doc.length() : end);
      List<String> keys = new ArrayList<>();
      collect(type, "", keys);
      for (String key : keys) {
        assertThat(section).as("section '%s' describes '%s'", name, key).contains("`" + key);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void everyRangeIsDocumentedOnItsKeysRow() throws Exception {
    String doc = Files.readString(Path.of("docs/symptom-file.md"));
    int checked = 0;
    for (SymptomFileRangesTest.RangedKey key : SymptomFileRangesTest.rangedKeys()) {
      String top = key.segments().get(0).replace("[]", "");
      if (key.segments().size() > 1 && key.segments().subList(1, key.segments().size() - 1).contains("certificate")) {
        continue; // a certificate seen by the probe is documented "as certificate above"
      }
      int start = doc.indexOf("## `" + top + "`");
      int end = doc.indexOf("\n## ", start + 1);
      String section = doc.substring(start, end < 0 ? doc.length() : end);
      String relative = key.segments().stream().skip(1).map(k -> k.replace("[]", "")).collect(java.util.stream.Collectors.joining("."));
      String range = String.format(java.util.Locale.ROOT, "%s %,d to %,d", key.type() == Double.class ? "number" : "whole number",
          (long) key.range().min(), (long) key.range().max());
      assertThat(section.lines().filter(l -> l.startsWith("| ") && l.split("\\|")[1].contains("`" + relative + "`")))
          .as("the row of %s in docs/symptom-file.md", key.path())
          .singleElement().asString().contains("| " + range + " |");
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
  }

  private static void collect(Class<?> type, String prefix, List<String> keys) {
    for (RecordComponent c : type.getRecordComponents()) {
      String key = prefix + SNAKE.translate(c.getName());
      keys.add(key);
      Class<?> inner = elementType(c);
      // a certificate seen by the probe has the same keys as the certificate section
      if (inner.isRecord() && inner != Certificate.class) {
        collect(inner, key + (List.class.isAssignableFrom(c.getType()) ? "[]." : "."), keys);
      }
    }
  }

  private static Class<?> elementType(RecordComponent c) {
    Type generic = c.getGenericType();
    if (List.class.isAssignableFrom(c.getType()) && generic instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return c.getType();
  }
}
