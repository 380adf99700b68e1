package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules whose vocabulary does not declare a key the probe writes cannot take the probe's file:
 * {@code probe} and {@code diagnose --probe} refuse them as invalid input, naming the key, before
 * probing anything.
 */
class ProbeContractCommandTest {

  private static final String ERROR = "error: the probe writes probe.gateway.auth_schemes as a list of text, but this"
      + " vocabulary does not declare it; declare it so to use the probe with these rules";

  /** A copy of the rules whose vocabulary lacks {@code probe.gateway.auth_schemes}, which no rule reads. */
  private static Path rulesWithoutAuthSchemes(Path dir) throws IOException {
    Path rules = Fixtures.copyOfRules(dir.resolve("my-rules"));
    Path probe = rules.resolve("vocabulary/probe.yaml");
    String text = Files.readString(probe);
    String without = text.replaceFirst("(?s)      auth_schemes:\n.*?(?=\n      \\w)", "");
    assertThat(without).isNotEqualTo(text);
    Files.writeString(probe, without);
    return rules;
  }

  @Test
  void diagnoseWithAProbeRefusesRulesWithoutAKeyTheProbeWritesBeforeProbing(@TempDir Path dir) throws IOException {
    Path rules = rulesWithoutAuthSchemes(dir);
    CliRun run = CliRun.of("diagnose", "--rules", rules.toString(), "--probe", "127.0.0.1:9", "--timeout", "0.5");
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(rules.resolve("vocabulary") + ":1:1: " + ERROR + "\n")
        .doesNotContain("probing").doesNotContain("internal error");
  }

  @Test
  void probeRefusesTheDefaultRulesWithoutAKeyItWritesBeforeProbing(@TempDir Path dir) throws IOException {
    Path rules = rulesWithoutAuthSchemes(dir);
    String before = System.getProperty(RulesOption.DEFAULT_PROPERTY);
    System.setProperty(RulesOption.DEFAULT_PROPERTY, rules.toString());
    try {
      CliRun run = CliRun.of("probe", "127.0.0.1:9", "--timeout", "0.5");
      assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo(rules.resolve("vocabulary") + ":1:1: " + ERROR + "\n");
    } finally {
      if (before == null) {
        System.clearProperty(RulesOption.DEFAULT_PROPERTY);
      } else {
        System.setProperty(RulesOption.DEFAULT_PROPERTY, before);
      }
    }
  }

  @Test
  void aUsageErrorIsStillSaidFirst(@TempDir Path dir) throws IOException {
    Path rules = rulesWithoutAuthSchemes(dir);
    CliRun run = CliRun.of("diagnose", "--rules", rules.toString(), "--probe", "rdp01:notaport");
    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("the port 'notaport' is not a number").doesNotContain(ERROR);
  }
}
