package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.casefile.vocabulary.Place;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The probe's contract with the vocabulary: every key the probe can write is declared in the
 * bundled rules with a type that reads what it writes, the probe writes nothing else, and a
 * vocabulary that lacks a key says which.
 */
class ProbeContractTest {

  private static final Path FOLDER = Path.of("rules", VocabularyReader.FOLDER);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  private static final Target TARGET = new Target("rdp01.corp.example", 3389);

  private static Map<String, byte[]> bundledFiles() {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(FOLDER)) {
      for (Path p : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return files;
  }

  /** The bundled vocabulary with one file changed. */
  private static Vocabulary changed(String file, UnaryOperator<String> change) {
    Map<String, byte[]> files = bundledFiles();
    String before = new String(files.get(file), StandardCharsets.UTF_8);
    String after = change.apply(before);
    assertThat(after).as("the change to " + file).isNotEqualTo(before);
    files.put(file, after.getBytes(StandardCharsets.UTF_8));
    return new VocabularyReader().read(files, "my-rules/vocabulary");
  }

  private static Certificate certificate(String name, List<String> names) {
    return new Certificate(true, "CN=" + name, "CN=" + name, names, TODAY.minusDays(400), TODAY.plusDays(3),
        "ABCDEF0123", "RSA", 2048L, "SHA256withRSA");
  }

  /** Findings that between them make the probe write every key it can. */
  private static List<ProbedFacts> everyKindOfFinding() {
    ProbeDns dns = new ProbeDns(TARGET.host(), List.of("127.0.0.1"), null);
    ProbeTcp tcp = new ProbeTcp(3389L, TcpOutcome.CONNECTED, 1.25, 10L, 1L, 10.0, 0.5);
    List<ProbeNegotiation> negotiation = List.of(
        new ProbeNegotiation(RdpProtocol.RDP, NegotiationResult.SELECTED, RdpProtocol.RDP, null, null),
        new ProbeNegotiation(RdpProtocol.TLS, NegotiationResult.SELECTED, RdpProtocol.TLS, null, null),
        new ProbeNegotiation(RdpProtocol.CREDSSP, NegotiationResult.FAILURE, null,
            NegotiationFailure.SSL_CERT_NOT_ON_SERVER, null),
        new ProbeNegotiation(RdpProtocol.RDSTLS, NegotiationResult.NO_ANSWER, null, null, "closed"));
    Probe named = new Probe(TARGET.toString(), dns, tcp, negotiation,
        new ProbeTls("TLSv1.1", "TLS_RSA_WITH_AES_128_CBC_SHA", certificate(TARGET.host(), List.of(TARGET.host())), true,
            "the server speaks only TLSv1.1"),
        new ProbeGateway("gw01.corp.example", 443L, "TLSv1.3", "TLS_AES_256_GCM_SHA384",
            certificate("gw01.corp.example", List.of("gw01.corp.example")), true, 401L, List.of("Negotiate"), true,
            "none"));
    Probe nameless = new Probe(TARGET.toString(), new ProbeDns(TARGET.host(), null, "unknown host"), null, null, null,
        new ProbeGateway("gw01.corp.example", 443L, null, null, certificate("gw01", List.of()), false, null, null,
            null, null));
    return List.of(ProbeConclusions.conclude(TARGET, named, TODAY), ProbeConclusions.conclude(TARGET, nameless, TODAY));
  }

  private static void places(String path, JsonNode node, Set<String> into) {
    if (!path.isEmpty()) {
      into.add(Place.pattern(path));
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> places(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), into));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String item = path + "[" + i + "].";
        node.get(i).fields().forEachRemaining(f -> places(item + f.getKey(), f.getValue(), into));
      }
    }
  }

  @Test
  void everyKeyTheProbeWritesIsDeclaredInTheBundledVocabularyWithATypeThatReadsIt() {
    Vocabulary bundled = new VocabularyReader().read(FOLDER, "rules/vocabulary");
    assertThat(ProbeContract.KEYS).hasSizeGreaterThan(80);
    for (ProbeContract.Key key : ProbeContract.KEYS.values()) {
      assertThat(bundled.place(key.path())).as(key.path()).isPresent();
      assertThat(key.kind().refuses(bundled.place(key.path()).get().key().type())).as(key.path()).isEmpty();
    }
    assertThat(ProbeContract.problems(bundled)).isEmpty();
  }

  @Test
  void theProbeWritesEveryKeyOfItsContractAndNoOther() {
    Set<String> written = new TreeSet<>();
    for (ProbedFacts facts : everyKindOfFinding()) {
      places("", facts.symptoms(), written);
    }
    assertThat(written).isEqualTo(new TreeSet<>(ProbeContract.KEYS.keySet()));
  }

  @Test
  void theProbeNeverStatesAWorkedOutValueItLeavesThemToTheReader() {
    Vocabulary bundled = new VocabularyReader().read(FOLDER, "rules/vocabulary");
    List<String> workedOut = bundled.places().values().stream().filter(p -> p.key().derived().isPresent())
        .map(Place::path).toList();
    assertThat(workedOut).contains("certificate.expired", "probe.tls.certificate.days_left", "path.gateway.name_matches");
    // the one the probe states: false for a gateway whose certificate has no names to work it out from
    assertThat(workedOut).filteredOn(p -> !p.equals("path.gateway.name_matches"))
        .allSatisfy(p -> assertThat(ProbeContract.KEYS).doesNotContainKey(p));
  }

  @Test
  void aKeyOutsideTheContractOrAValueOfAnotherKindIsRefusedAsAMistakeInTheProbe() {
    assertThatThrownBy(() -> new SymptomTree().put("rdp.enabled", true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the probe's contract has no key rdp.enabled");
    assertThatThrownBy(() -> new SymptomTree().put("rdp.nla_required", "yes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the probe writes rdp.nla_required as yes-no, not yes");
    assertThatThrownBy(() -> new SymptomTree().put("path.kind", "vpn"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the probe writes path.kind as one of rd-gateway");
    assertThatThrownBy(() -> new SymptomTree().put("probe.negotiation[1].detail", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the items ahead of it");
  }

  @Test
  void aVocabularyWithoutAKeyTheProbeWritesNamesIt() {
    Vocabulary withoutNla = changed("rdp.yaml", text -> text.replaceFirst("(?s)      nla_required:\n.*?(?=\n      \\w)", ""));
    assertThat(ProbeContract.problems(withoutNla)).containsExactly("the probe writes rdp.nla_required as yes-no, but"
        + " this vocabulary does not declare it; declare it so to use the probe with these rules");
  }

  @Test
  void aKeyOfAnotherTypeARangeTooNarrowAndASetWithoutAValueAreNamedWithWhatTheProbeWrites() {
    assertThat(ProbeContract.problems(changed("rdp.yaml",
        text -> text.replace("      nla_required:\n        type: yes-no", "      nla_required:\n        type: text"))))
        .containsExactly("the probe writes rdp.nla_required as yes-no, but it is declared as text;"
            + " declare it so to use the probe with these rules");
    assertThat(ProbeContract.problems(changed("probe.yaml", text -> text.replaceFirst("max: 65535", "max: 5000"))))
        .containsExactly("the probe writes probe.tcp.port as a whole number 1-65535, but it is declared as number 1-5000;"
            + " declare it so to use the probe with these rules");
    assertThat(ProbeContract.problems(changed("probe.yaml", text -> text.replace("    timed-out: [timeout, filtered]\n", ""))))
        .containsExactly("the probe writes probe.tcp.outcome as one of connected, refused, timed-out, unreachable,"
            + " but its set TcpOutcome has no value timed-out; declare it so to use the probe with these rules");
  }

  @Test
  void aVocabularyWithoutTheProbeSectionIsOneProblemNotOnePerKey() {
    Map<String, byte[]> files = bundledFiles();
    files.remove("probe.yaml");
    String root = new String(files.get("symptom-file.yaml"), StandardCharsets.UTF_8);
    String without = root.replaceFirst("(?s)      probe:\n.*?(?=\n      \\w)", "");
    assertThat(without).isNotEqualTo(root);
    files.put("symptom-file.yaml", without.getBytes(StandardCharsets.UTF_8));
    Vocabulary noProbe = new VocabularyReader().read(files, "my-rules/vocabulary");
    long keysInProbe = ProbeContract.KEYS.keySet().stream().filter(p -> p.startsWith("probe.")).count()
        - List.of("probe.dns", "probe.tcp", "probe.negotiation", "probe.tls", "probe.tls.certificate", "probe.gateway",
            "probe.gateway.certificate").size();
    assertThat(ProbeContract.problems(noProbe)).containsExactly("the probe writes probe as a section with " + keysInProbe
        + " keys in it, but this vocabulary does not declare it; declare it so to use the probe with these rules");
  }
}
