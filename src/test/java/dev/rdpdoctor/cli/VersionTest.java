package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void versionSaysTheProjectsVersionTheCommitItWasBuiltFromAndWhen() throws Exception {
    Matcher pom = Pattern.compile("<artifactId>rdp-doctor</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(pom.find()).isTrue();
    // a checkout knows its commit; a source archive (no .git) does not
    String commit = Files.exists(Path.of(".git")) ? "[0-9a-f]{12}(-dirty)?" : "unknown";

    CliRun run = CliRun.of("--version");

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).matches(Pattern.quote("rdp-doctor " + pom.group(1) + " (commit ") + commit
        + ", built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
  }
}
