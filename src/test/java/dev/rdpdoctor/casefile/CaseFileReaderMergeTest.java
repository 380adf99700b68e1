package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a case a probe found, alone or merged into the user's symptom file. */
class CaseFileReaderMergeTest {

  private static final Clock NOV_20 =
      Clock.fixed(LocalDate.of(2026, 11, 20).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  private static final Vocabulary VOCABULARY =
      new VocabularyReader().read(Path.of("rules", VocabularyReader.FOLDER), "rules/vocabulary");

  private final CaseFileReader reader = new CaseFileReader(NOV_20);

  private static final ProbedFacts PROBED = new ProbedFacts("probe of rdp01:3389",
      tree("""
          title: Probe of rdp01:3389
          observed: 2026-11-20
          path: {target: rdp01}
          certificate: {subject: CN=rdp01, not_after: 2026-10-01, self_signed: true}
          probe:
            target: rdp01:3389
            tls: {version: TLSv1.3, certificate: {subject: CN=rdp01, not_after: 2026-10-01, self_signed: true}}
          """),
      Map.of("certificate", "the certificate on the RDP port"));

  private static ObjectNode tree(String yaml) {
    try {
      return (ObjectNode) YamlMapper.yaml().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aProbedCaseWorksOutExpiryAndSaysWhereEachValueCameFrom() {
    CaseFile c = reader.read(PROBED);
    assertThat(c.source()).isEqualTo("probe of rdp01:3389");
    assertThat(c.values().at("certificate.expired")).hasValue(true);
    assertThat(c.values().at("probe.tls.certificate.expired")).hasValue(true);
    assertThat(c.derivations())
        .containsEntry("certificate.expired", "not_after 2026-10-01 is before the observed date 2026-11-20")
        .containsEntry("certificate.subject", "probe of rdp01:3389: the certificate on the RDP port")
        .containsEntry("probe.tls.version", "seen by the probe of rdp01:3389");
    assertThat(c.conflicts()).isEmpty();
    assertThat(c.values().at("probe.tls.version")).hasValue("TLSv1.3");
  }

  @Test
  void anApproximateDateInAMergedCaseKeepsItsWordsJudgedAgainstTheMergedObservedDate(@TempDir Path dir) throws Exception {
    Path unobserved = Files.writeString(dir.resolve("unobserved.yaml"), "error: {code: 0x904, since: the day before yesterday}\n");
    CaseFile merged = reader.read(unobserved, PROBED, VOCABULARY);
    assertThat(merged.values().at("error.since")).hasValue(new dev.rdpdoctor.casefile.vocabulary.DateEstimate(
        "the day before yesterday", LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 18), true));
    assertThat(merged.values().at("error.since_days")).hasValue(2L);
    Path observed = Files.writeString(dir.resolve("observed.yaml"), "observed: 2026-11-10\nerror: {since: the day before yesterday}\n");
    assertThat(reader.read(observed, PROBED, VOCABULARY).values().at("error.since")
        .map(d -> ((dev.rdpdoctor.casefile.vocabulary.DateEstimate) d).estimate())).hasValue(LocalDate.of(2026, 11, 8));
  }

  @Test
  void aMergedCaseKeepsTheUsersLinesAndListsConflicts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("case.yaml");
    Files.writeString(file, """
        title: every user fails
        error: {code: 0x904, extended: 0x7}
        certificate:
          not_after: 2027-01-01
        """);
    CaseFile c = reader.read(file, PROBED, VOCABULARY);
    assertThat(c.source()).isEqualTo(file + " + probe of rdp01:3389");
    assertThat(c.title()).hasValue("every user fails");
    assertThat(c.values().at("certificate.expired")).hasValue(false);
    assertThat(c.values().at("certificate.subject")).hasValue("CN=rdp01");
    assertThat(c.conflicts()).containsExactly(new Conflict("certificate.not_after", "2027-01-01", "2026-10-01"));
    assertThat(c.sourceMap().find("certificate.not_after")).hasValueSatisfying(l -> assertThat(l.line()).isEqualTo(4));
  }

  @Test
  void aCaseReadFromOneFileHasNoConflicts() {
    CaseFile c = reader.read("case.yaml", "title: x".getBytes(StandardCharsets.UTF_8));
    assertThat(c.conflicts()).isEmpty();
  }
}
