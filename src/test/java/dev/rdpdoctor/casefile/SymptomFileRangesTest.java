package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.casefile.vocabulary.BundledVocabulary;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
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

/** Every number key the vocabulary gives a range is held to it, wherever in a symptom file it sits. */
class SymptomFileRangesTest {

  private static final Vocabulary VOCABULARY = BundledVocabulary.get();
  private static final CaseFileReader READER = new CaseFileReader(
      Clock.fixed(LocalDate.of(2026, 11, 20).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  /**
   * A key with a range.
   *
   * @param path as messages name it ({@code events[0].id})
   * @param segments the keys that lead to it, a list item marked {@code []}
   * @param siblings the keys its section needs written beside it ({@code , id: 1058})
   */
  record RangedKey(String path, List<String> segments, double min, double max, boolean whole, String siblings) {

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
      return open + value + siblings + close + "\n";
    }

    @Override
    public String toString() {
      return path;
    }
  }

  static List<RangedKey> rangedKeys() {
    List<RangedKey> keys = new ArrayList<>();
    collect(VOCABULARY.root(), "", List.of(), keys, 0);
    return keys;
  }

  private static void collect(SectionType type, String prefix, List<String> segments, List<RangedKey> keys, int depth) {
    for (Key key : type.keys()) {
      boolean list = key.type() instanceof KeyType.ListOf;
      KeyType item = key.type() instanceof KeyType.ListOf l ? l.item() : key.type();
      List<String> here = new ArrayList<>(segments);
      here.add(list ? key.name() + "[]" : key.name());
      if (item instanceof KeyType.WholeNumber n && n.bounded()) {
        keys.add(new RangedKey(prefix + key.name(), here, n.min(), n.max(), true, siblings(type, key)));
      } else if (item instanceof KeyType.Decimal d) {
        keys.add(new RangedKey(prefix + key.name(), here, d.min(), d.max(), false, siblings(type, key)));
      } else if (item instanceof KeyType.Section s && depth < 5) {
        collect(VOCABULARY.type(s.typeName()).orElseThrow(), prefix + key.name() + (list ? "[0]." : "."), here, keys, depth + 1);
      }
    }
  }

  /** The other keys a section must have written, with their examples. */
  private static String siblings(SectionType type, Key key) {
    StringBuilder out = new StringBuilder();
    for (Key other : type.keys()) {
      if (other.required() && other != key) {
        out.append(", ").append(other.name()).append(": ").append(other.example().orElseThrow());
      }
    }
    if (!type.requiredOneOf().isEmpty() && !type.requiredOneOf().contains(key.name())) {
      Key first = type.key(type.requiredOneOf().get(0)).orElseThrow();
      out.append(", ").append(first.name()).append(": ").append(first.example().orElseThrow());
    }
    return out.toString();
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
    for (long outside : List.of((long) key.min() - 1, (long) key.max() + 1)) {
      String yaml = key.yaml(Long.toString(outside));
      String said = key.path().equals("events[0].id") // the vocabulary words this key's range itself
          ? "event id " + outside + " is out of range: Windows event ids are 0 to 65535"
          : outside + " is out of range; allowed: " + whole(key.min()) + " to " + whole(key.max());
      assertThat(errors(yaml)).as(yaml).containsExactly("case.yaml:1:" + (yaml.indexOf(Long.toString(outside)) + 1)
          + ": error: " + key.path() + ": " + said);
    }
  }

  @ParameterizedTest
  @MethodSource("rangedKeys")
  void bothEndsOfTheRangeAreAllowed(RangedKey key) {
    for (long end : List.of((long) key.min(), (long) key.max())) {
      READER.read("case.yaml", key.yaml(Long.toString(end)).getBytes(StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @MethodSource("rangedKeys")
  void aWholeNumberKeyRefusesAFractionInsteadOfCuttingIt(RangedKey key) {
    String fraction = whole(key.min()) + ".5";
    String yaml = key.yaml(fraction);
    if (key.whole()) {
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
