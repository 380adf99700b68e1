package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.Range;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every number key with a declared {@link Range} is held to it, wherever in a symptom file it sits. */
class SymptomFileRangesTest {

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();
  private static final CaseFileReader READER = new CaseFileReader(
      Clock.fixed(LocalDate.of(2026, 11, 20).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  /**
   * A key with a range.
   *
   * @param path as messages name it ({@code events[0].id})
   * @param segments the keys that lead to it, a list item marked {@code []}
   */
  record RangedKey(String path, List<String> segments, Range range, Class<?> type) {

    /** The key written on one line, in flow style, with {@code value}. */
    String yaml(String value) {
      StringBuilder open = new StringBuilder();
      StringBuilder close = new StringBuilder();
      for (int i = 0; i < segments.size(); i++) {
        String key = segments.get(i);
        boolean list = key.endsWith("[]");
        open.append(list ? key.substring(0, key.length() - 2) : key).append(": ");
        if (i < segments.size() - 1) {
          open.append(list ? "[{" : "{");
          close.insert(0, list ? "}]" : "}");
        }
      }
      return open + value + close + "\n";
    }

    @Override
    public String toString() {
      return path;
    }
  }

  static List<RangedKey> rangedKeys() {
    List<RangedKey> keys = new ArrayList<>();
    collect(SymptomFile.class, "", List.of(), keys);
    return keys;
  }

  private static void collect(Class<?> type, String prefix, List<String> segments, List<RangedKey> keys) {
    for (RecordComponent c : type.getRecordComponents()) {
      String name = SNAKE.translate(c.getName());
      boolean list = List.class.isAssignableFrom(c.getType());
      Class<?> inner = list && c.getGenericType() instanceof ParameterizedType p
          && p.getActualTypeArguments()[0] instanceof Class<?> e ? e : c.getType();
      List<String> here = new ArrayList<>(segments);
      here.add(list ? name + "[]" : name);
      Range range = c.getAnnotation(Range.class);
      if (range != null) {
        keys.add(new RangedKey(prefix + name, here, range, c.getType()));
      }
      if (inner.isRecord()) {
        collect(inner, prefix + name + (list ? "[0]." : "."), here, keys);
      }
    }
  }

  @Test
  void theDocumentedRangesAreDeclared() {
    assertThat(rangedKeys()).extracting(RangedKey::path).contains("client.allow_encryption_oracle",
        "rdp.allow_encryption_oracle", "rdp.min_encryption_level", "rdp.port", "events[0].id", "probe.tcp.port",
        "probe.gateway.port", "tests.psping_loss_percent", "probe.tcp.loss_percent");
  }

  @ParameterizedTest
  @MethodSource("rangedKeys")
  void aValueOutsideItsRangeIsRefusedWhereItIsWrittenNamingTheRange(RangedKey key) {
    for (long outside : List.of((long) key.range().min() - 1, (long) key.range().max() + 1)) {
      String yaml = key.yaml(Long.toString(outside));
      String said = key.path().equals("events[0].id") // the vocabulary words this key's range itself
          ? "event id " + outside + " is out of range: Windows event ids are 0 to 65535"
          : outside + " is out of range; allowed: " + whole(key.range().min()) + " to " + whole(key.range().max());
      assertThat(errors(yaml)).as(yaml).containsExactly("case.yaml:1:" + (yaml.indexOf(Long.toString(outside)) + 1)
          + ": error: " + key.path() + ": " + said);
    }
  }

  @ParameterizedTest
  @MethodSource("rangedKeys")
  void bothEndsOfTheRangeAreAllowed(RangedKey key) {
    for (long end : List.of((long) key.range().min(), (long) key.range().max())) {
      READER.read("case.yaml", key.yaml(Long.toString(end)).getBytes(StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @MethodSource("rangedKeys")
  void aWholeNumberKeyRefusesAFractionInsteadOfCuttingIt(RangedKey key) {
    String fraction = whole(key.range().min()) + ".5";
    String yaml = key.yaml(fraction);
    if (key.type() == Long.class) {
      assertThat(errors(yaml)).as(yaml).containsExactly("case.yaml:1:" + (yaml.indexOf(fraction) + 1) + ": error: "
          + key.path() + ": expected a whole number, got " + fraction);
    } else {
      READER.read("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aNumberBeyondWhatJavaHoldsIsOutOfRangeToo() {
    assertThat(errors("tests: {psping_loss_percent: 1.0e+999}\n"))
        .containsExactly("case.yaml:1:30: error: tests.psping_loss_percent: 1.0e+999 is out of range; allowed: 0 to 100");
    assertThat(errors("rdp: {port: 99999999999999999999999}\n"))
        .containsExactly("case.yaml:1:13: error: rdp.port: 99999999999999999999999 is out of range; allowed: 1 to 65535");
  }

  private static String whole(double bound) {
    return String.format(Locale.ROOT, "%d", (long) bound);
  }

  private static List<String> errors(String yaml) {
    try {
      READER.read("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    } catch (InvalidInputException e) {
      return e.errors().stream().map(InputError::format).toList();
    }
    throw new AssertionError("expected " + yaml + " to be refused");
  }
}
