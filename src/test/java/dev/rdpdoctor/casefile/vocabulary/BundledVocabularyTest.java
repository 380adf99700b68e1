package dev.rdpdoctor.casefile.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.rdpdoctor.casefile.FactTypes;
import dev.rdpdoctor.casefile.Hex;
import dev.rdpdoctor.casefile.SymptomFile;
import dev.rdpdoctor.yaml.Spelled;
import dev.rdpdoctor.yaml.YamlMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vocabulary in rules/vocabulary declares at least what the symptom-file model accepts (the
 * records of the casefile package, which the rest of the tool still reads): every key, with the
 * same type and values and at least the same aliases, the same facts inserted from the same
 * places, and the same fields the rules read. The knowledge base may declare more keys, facts
 * and aliases than the records hold; the rules read those from the vocabulary's own facts.
 */
class BundledVocabularyTest {

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();
  private static final Path FOLDER = Path.of("rules", VocabularyReader.FOLDER);

  private static Vocabulary vocabulary;

  @BeforeAll
  static void read() {
    vocabulary = new VocabularyReader().read(FOLDER, "rules/vocabulary");
  }

  /** A key of the Java model: its path and the record component that holds it. */
  private record ModelKey(String path, RecordComponent component, Class<?> owner) {}

  /** Every key of the model by path, list items written {@code events[].id}. */
  private static Map<String, ModelKey> modelKeys() {
    Map<String, ModelKey> out = new TreeMap<>();
    collect(SymptomFile.class, "", out, 0);
    return out;
  }

  private static void collect(Class<?> type, String prefix, Map<String, ModelKey> out, int depth) {
    for (RecordComponent c : type.getRecordComponents()) {
      String path = prefix + SNAKE.translate(c.getName());
      out.put(path, new ModelKey(path, c, type));
      Class<?> value = element(c);
      if (value.isRecord() && depth < 6) {
        collect(value, path + (isList(c) ? "[]." : "."), out, depth + 1);
      }
    }
  }

  private static boolean isList(RecordComponent c) {
    return List.class.isAssignableFrom(c.getType());
  }

  private static Class<?> element(RecordComponent c) {
    if (isList(c) && c.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
      return e;
    }
    return c.getType();
  }

  @Test
  void everyKeyTheSymptomFileModelAcceptsIsDeclared() {
    Map<String, ModelKey> model = modelKeys();
    assertThat(model).hasSizeGreaterThan(150);
    assertThat(vocabulary.places().keySet())
        .as("keys the Java model accepts that rules/vocabulary does not declare")
        .containsAll(model.keySet());
  }

  @Test
  void eachKeyHasTheTypeTheModelReadsItAs() {
    List<String> wrong = new ArrayList<>();
    modelKeys().forEach((path, m) -> vocabulary.place(path).ifPresent(place -> {
      String expected = expectedType(m.component());
      String declared = shape(place.key().type());
      if (!expected.equals(declared)) {
        wrong.add(path + ": the model reads " + expected + ", the vocabulary declares " + declared);
      }
      modelAliases(m.component()).forEach((value, aliases) -> {
        List<String> declaredAliases = declaredAliases(place.key().type()).getOrDefault(value, List.of());
        if (!declaredAliases.containsAll(aliases)) {
          wrong.add(path + ": " + value + " accepts " + aliases + " in the model, the vocabulary only " + declaredAliases);
        }
      });
    }));
    assertThat(wrong).isEmpty();
  }

  /** The aliases the model's enum accepts, by value; empty for a key that is not from a set. */
  private static Map<String, List<String>> modelAliases(RecordComponent c) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Class<?> value = element(c);
    if (value.isEnum()) {
      for (Object constant : value.getEnumConstants()) {
        out.put(Spelled.spelling((Enum<?>) constant), ((Spelled) constant).aliases().stream().map(Spelled::normalise).toList());
      }
    }
    return out;
  }

  private static Map<String, List<String>> declaredAliases(KeyType type) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    KeyType item = type instanceof KeyType.ListOf l ? l.item() : type;
    if (item instanceof KeyType.OneOf o) {
      o.set().choices().forEach(ch -> out.put(ch.spelling(), ch.aliases()));
    }
    return out;
  }

  /** The type as a comparable text: {@code list of one-of Name[a b ]}; aliases are compared on their own. */
  private static String expectedType(RecordComponent c) {
    Class<?> value = element(c);
    String item;
    if (value == Boolean.class) {
      item = "yes-no";
    } else if (value == Long.class) {
      item = c.isAnnotationPresent(Hex.class) ? "code" : "whole-number";
    } else if (value == Double.class) {
      item = "decimal";
    } else if (value == String.class) {
      item = "text";
    } else if (value == LocalDate.class) {
      item = "date";
    } else if (value.isEnum()) {
      StringBuilder b = new StringBuilder("one-of " + value.getSimpleName() + "[");
      for (Object constant : value.getEnumConstants()) {
        b.append(Spelled.spelling((Enum<?>) constant)).append(' ');
      }
      item = b.append(']').toString();
    } else if (value.isRecord()) {
      item = "section " + value.getSimpleName();
    } else {
      item = "unknown " + value;
    }
    return isList(c) ? "list of " + item : item;
  }

  private static String shape(KeyType type) {
    if (type instanceof KeyType.ListOf l) {
      return "list of " + shape(l.item());
    }
    if (type instanceof KeyType.YesNo) {
      return "yes-no";
    }
    if (type instanceof KeyType.Code) {
      return "code";
    }
    if (type instanceof KeyType.WholeNumber) {
      return "whole-number";
    }
    if (type instanceof KeyType.Decimal) {
      return "decimal";
    }
    if (type instanceof KeyType.Text) {
      return "text";
    }
    if (type instanceof KeyType.Date) {
      return "date";
    }
    if (type instanceof KeyType.OneOf o) {
      StringBuilder b = new StringBuilder("one-of " + o.set().name() + "[");
      o.set().choices().forEach(ch -> b.append(ch.spelling()).append(' '));
      return b.append(']').toString();
    }
    return "section " + ((KeyType.Section) type).typeName();
  }

  @Test
  void eachFactIsInsertedFromWhereTheModelInsertsIt() {
    Map<String, List<String>> model = new LinkedHashMap<>();
    FactTypes.ALL.forEach(t -> model.put(t.getSimpleName(), List.of(FactTypes.pathOf(t))));
    assertThat(vocabulary.factTypes()).containsAllEntriesOf(model);
    for (Class<? extends Record> listed : FactTypes.LISTED) {
      String path = FactTypes.pathOf(listed);
      assertThat(vocabulary.place(path).orElseThrow().key().section().orElseThrow().insert())
          .as("%s is inserted once per item", path).isEqualTo(Insert.EACH);
    }
  }

  @Test
  void eachKeyIsReadAsTheFieldTheRulesReadToday() {
    List<String> checked = new ArrayList<>();
    Map<String, ModelKey> model = modelKeys();
    for (Place place : vocabulary.places().values()) {
      if (place.readAs().isEmpty() || !model.containsKey(place.path())) {
        continue;
      }
      Place.FactField f = place.readAs().get();
      Class<? extends Record> fact = FactTypes.bySimpleName(f.type()).orElseThrow(
          () -> new AssertionError(place.path() + " is read on " + f.type() + ", which the model never inserts"));
      Class<?> type = fact;
      for (String part : f.field().split("\\.")) {
        Optional<RecordComponent> c = Arrays.stream(type.getRecordComponents()).filter(x -> x.getName().equals(part)).findFirst();
        assertThat(c).as("%s: %s has a field %s", place.path(), type.getSimpleName(), part).isPresent();
        type = element(c.get());
      }
      checked.add(place.path());
    }
    assertThat(checked).contains("rdp.nla_required", "events[].id", "probe.tls.certificate.expired", "path.gateway.name_matches");
    assertThat(vocabulary.place("rdp.nla_required").orElseThrow().readAs().orElseThrow())
        .hasToString("RdpSettings.nlaRequired");
    assertThat(vocabulary.place("probe.tls.certificate.expired").orElseThrow().readAs().orElseThrow())
        .hasToString("ProbeTls.certificate.expired");
    assertThat(vocabulary.place("probe.gateway.certificate.expired").orElseThrow().readAs())
        .as("the probe's gateway section is not a fact").isEmpty();
  }

  @Test
  void theWorkedOutKeysAreTheOnesTheInterpreterWorksOut() {
    List<String> derived = vocabulary.places().values().stream()
        .filter(p -> p.key().derived().isPresent()).map(Place::path).toList();
    assertThat(derived).containsExactlyInAnyOrder(
        "path.gateway.name_matches",
        "certificate.expired", "certificate.days_left",
        "probe.tls.certificate.expired", "probe.tls.certificate.days_left",
        "probe.gateway.certificate.expired", "probe.gateway.certificate.days_left");
  }

  @Test
  void theKeysThatNameAHostPersonOrCertificateAreTheOnesRedactedToday() {
    // report/Redactor learns names from these keys of the model, by their last part
    List<String> today = List.of("target", "fqdn", "name", "names", "certificate_names", "addresses", "subject",
        "issuer", "thumbprint");
    Map<String, ModelKey> model = modelKeys();
    for (Place place : vocabulary.places().values()) {
      boolean text = place.key().type() instanceof KeyType.Text
          || place.key().type() instanceof KeyType.ListOf l && l.item() instanceof KeyType.Text;
      if (!model.containsKey(place.path())) {
        assertThat(!place.key().identifies().isPresent() || text)
            .as("%s, a key beyond the model, names something only as text", place.path()).isTrue();
        continue;
      }
      assertThat(place.key().identifies().isPresent())
          .as("%s names a host, person or certificate", place.path())
          .isEqualTo(text && today.contains(place.key().name()));
    }
    assertThat(vocabulary.place("host.previous_name").orElseThrow().key().identifies()).contains(Identifies.HOST);
  }

  @Test
  void everySampleWritesOnlyDeclaredKeys() throws Exception {
    ObjectMapper yaml = YamlMapper.yaml();
    List<Path> samples;
    try (Stream<Path> files = Files.list(Path.of("facts-samples"))) {
      samples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(samples).hasSizeGreaterThan(20);
    List<String> written = new ArrayList<>();
    for (Path sample : samples) {
      walk(yaml.readTree(sample.toFile()), "", vocabulary.root(), written);
    }
    List<String> unknown = written.stream().filter(p -> vocabulary.place(p).isEmpty()).distinct().toList();
    assertThat(unknown).isEmpty();
    assertThat(written).contains("rdp.nla_required", "events[].id", "certificate.not_after");
  }

  /** The paths of every value written, a bare list item written as its type's shorthand key. */
  private static void walk(JsonNode node, String prefix, SectionType type, List<String> out) {
    node.fields().forEachRemaining(e -> {
      String path = prefix + e.getKey();
      out.add(path);
      Optional<Place> place = vocabulary.place(path);
      Optional<KeyType.Section> section = place.flatMap(p -> p.key().section());
      if (section.isEmpty()) {
        return;
      }
      SectionType inner = vocabulary.type(section.get().typeName()).orElseThrow();
      if (e.getValue().isArray()) {
        for (JsonNode item : e.getValue()) {
          if (item.isObject()) {
            walk(item, path + "[].", inner, out);
          } else {
            out.add(path + "[]." + inner.shorthand().orElse("(no shorthand)"));
          }
        }
      } else if (e.getValue().isObject()) {
        walk(e.getValue(), path + ".", inner, out);
      }
    });
  }

  @Test
  void everyKeyHasItsMeaningAndAnExample() {
    for (Place place : vocabulary.places().values()) {
      assertThat(place.key().doc()).as("%s has its doc", place.path()).isNotBlank();
      if (place.key().section().isEmpty()) {
        assertThat(place.key().example()).as("%s has an example", place.path()).isPresent();
      }
    }
  }

  @Test
  void theRegistrySourcesMapToTheKeysValues() {
    Place layer = vocabulary.place("rdp.security_layer").orElseThrow();
    WindowsSource.Registry local = layer.key().windows().stream()
        .filter(WindowsSource.Registry.class::isInstance).map(WindowsSource.Registry.class::cast)
        .filter(r -> r.key().endsWith("RDP-Tcp")).findFirst().orElseThrow();
    assertThat(local.value()).isEqualTo("SecurityLayer");
    assertThat(local.map()).containsEntry("0", "rdp").containsEntry("1", "negotiate").containsEntry("2", "tls");
    WindowsSource.Registry deny = (WindowsSource.Registry) vocabulary.place("rdp.enabled").orElseThrow().key().windows().get(0);
    assertThat(deny.key()).as("the policy comes first: it wins").contains("Policies");
    assertThat(deny.map()).containsEntry("0", true).containsEntry("1", false);
  }
}
