package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.ruletools.ScenarioResult;
import dev.rdpdoctor.ruletools.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples that name a folder of evidence beside them. */
class SampleEvidenceTest {

  private static final CaseFileReader READER = new CaseFileReader();

  private static List<Path> samplesWithEvidence() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.SAMPLES)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .filter(f -> READER.read(f).values().at(SampleEvidence.KEY).isPresent()).sorted().toList();
    }
  }

  @Test
  void aFolderOfEvidenceForEachCauseFamilyLeadsItsSampleToItsCauseWhichItsStatementsAloneDoNot() throws IOException {
    List<Path> samples = samplesWithEvidence();
    ScenarioRunner withEvidence = new ScenarioRunner(Fixtures.knowledge(), s -> SampleEvidence.read(s, READER));
    ScenarioRunner without = new ScenarioRunner(Fixtures.knowledge(), READER);
    Set<String> tops = samples.stream().map(withEvidence::run).peek(r -> {
      assertThat(r.invalid()).as("%s reads cleanly", r.sample()).isEmpty();
      assertThat(r.failures()).as("%s with its evidence", r.sample()).isEmpty();
    }).map(r -> r.expectation().orElseThrow().top()).collect(Collectors.toSet());
    assertThat(tops).as("certificate, key access, TLS, gateway, host refusing logons, sessions, network, client")
        .containsAll(List.of("cert-expired", "machinekeys-inaccessible", "tls-protocols-disabled", "gateway-cert-mismatch",
            "host-denies-logons", "stuck-session", "port-blocked", "client-corrupt"));
    for (Path sample : samples) {
      ScenarioResult alone = without.run(sample);
      assertThat(alone.failures()).as("%s without its evidence", sample).isNotEmpty();
    }
  }

  @Test
  void everyValueTheEvidenceGivesSaysWhereItWasFound() {
    CaseFile c = SampleEvidence.read(Fixtures.SAMPLES.resolve("evidence-cert-expired.yaml"), READER);
    assertThat(c.source()).isEqualTo("facts-samples/evidence-cert-expired.yaml + evidence facts-samples/evidence/cert-expired");
    assertThat(c.derivations()).containsEntry("certificate.not_after", "evidence facts-samples/evidence/cert-expired:"
        + " certutil-RemoteDesktop.txt line 2: certificate 9B41C2E07D3F5A86B1E4C0D9A27F3E5C8D1B6A04 in Cert:\\LocalMachine\\Remote Desktop");
    assertThat(c.observed()).hasToString("2026-11-20");
  }

  @Test
  void evidenceOutsideTheSamplesFolderIsALocatedErrorAndIsNotRead(@TempDir Path dir) throws IOException {
    Path samples = Files.createDirectories(dir.resolve("samples"));
    Files.createDirectories(dir.resolve("elsewhere"));
    for (String named : List.of("../elsewhere", "/etc", ".")) {
      Path sample = samples.resolve("s.yaml");
      Files.writeString(sample, "title: t\nevidence: \"" + named + "\"\n");
      assertThatThrownBy(() -> SampleEvidence.read(sample, READER)).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.errors()).extracting(InputError::format).containsExactly(sample + ":2:11: error: evidence: '" + named
              + "' is not a folder under the sample's own folder; name one beside it, e.g. 'evidence/cert-expired'"));
    }
  }

  @Test
  void aSamplesEvidenceThatDoesNotReadCleanlyMakesTheSampleInvalid(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("evidence/x"));
    Files.writeString(folder.resolve("notes.txt"), "called the user\n");
    Files.writeString(folder.resolve("bad.rdp"), "full address:s:a\nscreen mode id:i:two\n");
    Path sample = dir.resolve("s.yaml");
    Files.writeString(sample, "evidence: evidence/x\n");
    assertThatThrownBy(() -> SampleEvidence.read(sample, READER)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.errors()).extracting(InputError::format).containsExactly(
            folder.resolve("bad.rdp") + ":2:18: error: the setting 'screen mode id' is a number (:i:), got 'two'",
            folder.resolve("notes.txt") + ":1:1: error: skipped: not an export rdp-doctor reads (a registry export or reg query,"
                + " an .rdp file, events as XML, CSV or JSON, a certificate listing, or the output of a command the vocabulary"
                + " names); a sample's evidence holds only exports that are read"));
  }

  @Test
  void aSampleWithoutEvidenceIsReadAsItIs() {
    Path sample = Fixtures.SAMPLES.resolve("cert-expired.yaml");
    CaseFile read = SampleEvidence.read(sample, READER);
    assertThat(read.source()).isEqualTo(sample.toString());
    assertThat(read.values().root()).isEqualTo(READER.read(sample).values().root());
  }
}
