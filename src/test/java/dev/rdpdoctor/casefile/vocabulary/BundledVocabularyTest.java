package dev.rdpdoctor.casefile.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.yaml.YamlMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vocabulary in rules/vocabulary: what it works out, what it redacts, what the samples write, its documentation. */
class BundledVocabularyTest {

  private static final Path FOLDER = Path.of("rules", VocabularyReader.FOLDER);

  private static Vocabulary vocabulary;

  @BeforeAll
  static void read() {
    vocabulary = new VocabularyReader().read(FOLDER, "rules/vocabulary");
  }

  @Test
  void theWorkedOutKeysAreTheDatesTheDaysAgoAndTheGatewaysNameMatch() {
    List<String> derived = vocabulary.places().values().stream()
        .filter(p -> p.key().derived().isPresent()).map(Place::path).toList();
    assertThat(derived).containsExactlyInAnyOrder(
        "path.gateway.name_matches",
        "error.since_days", "host.recent_changes[].days_ago",
        "certificate.expired", "certificate.days_left",
        "probe.tls.certificate.expired", "probe.tls.certificate.days_left",
        "probe.gateway.certificate.expired", "probe.gateway.certificate.days_left");
  }

  @Test
  void theKeysThatNameAHostPersonOrCertificateSaySoForRedaction() {
    List<String> naming = List.of("path.target", "path.gateway.fqdn", "path.gateway.certificate_names", "host.name",
        "certificate.subject", "certificate.issuer", "certificate.names", "certificate.thumbprint", "probe.target",
        "probe.dns.name", "probe.dns.addresses", "probe.tls.certificate.subject", "probe.gateway.fqdn");
    for (String path : naming) {
      assertThat(vocabulary.place(path).orElseThrow().key().identifies()).as("%s names something", path).isPresent();
    }
    for (Place place : vocabulary.places().values()) {
      if (place.key().identifies().isPresent()) {
        KeyType type = place.key().type() instanceof KeyType.ListOf l ? l.item() : place.key().type();
        assertThat(type).as("%s names something, so it is text", place.path()).isInstanceOf(KeyType.Text.class);
      }
    }
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
