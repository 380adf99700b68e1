package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.ruletools.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExplainCommandTest {

  static Stream<Path> samples() {
    return ScenarioRunner.samples(List.of(Fixtures.SAMPLES)).stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void showsHowWithFileAndLineAndWhyNotOnEverySample(Path sample) {
    CliRun run = CliRun.of("explain", "--rules", Fixtures.RULES.toString(), sample.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("HOW each cause got its rank")
        .containsPattern("\\n    [+-]\\d\\.\\d\\d  [A-Z]+-\\d+ \".*\"  rules/[a-z-]+/[a-z-]+\\.drl:\\d+")
        .containsPattern("matched [a-z_.\\[\\]0-9]+ = ")
        .contains("WHY NOT the other causes")
        .contains("WHY THIS FIX");
  }

  @Test
  void whyNotNamesWhatARuleLacked() {
    CliRun run = CliRun.of("explain", "--rules", Fixtures.RULES.toString(), "--cause", "private-key-access",
        "facts-samples/nla-after-os-upgrade.yaml");
    assertThat(run.out())
        .contains("private-key-access  no evidence either way")
        .contains("CERT-040")
        .contains("needs RdpSettings(networkServiceKeyAccess == false): rdp.network_service_key_access unknown")
        .doesNotContain("HOST-");
  }

  @Test
  void whyThisFixGivesThePlaceRiskUndoAndVerify() {
    CliRun run = CliRun.of("explain", "--rules", Fixtures.RULES.toString(), "--cause", "machinekeys-inaccessible",
        "facts-samples/machinekeys-azure-image.yaml");
    assertThat(run.out())
        .contains("1. Back up and reset the MachineKeys permissions")
        .contains("For cause #1 machinekeys-inaccessible")
        .contains("Offered first: the lowest risk for this cause.")
        .contains("because its risk (high) is higher than medium")
        .contains("Undo: ")
        .contains("Verify: ");
  }

  @Test
  void anUnknownCauseIsAUsageError() {
    CliRun run = CliRun.of("explain", "--rules", Fixtures.RULES.toString(), "--cause", "cert-expird", "facts-samples/cert-expired.yaml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("did you mean 'cert-expired'?");
  }
}
