package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.knowledge.RulesFolder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what {@link Process#destroy()} sends) ends the tool while it compiles a large rules
 * folder, whichever thread compiles: the head start of {@code diagnose} or the command itself.
 */
class StoppingACompileTest {

  @TempDir Path dir;
  @TempDir Path cache;

  /** A rules folder of many rules, which takes a while to compile. */
  private Path manyRules() {
    StringBuilder drl = new StringBuilder();
    for (int i = 1; i <= 1_500; i++) {
      drl.append("rule \"r").append(i).append("\" @id(\"T-").append(i).append("\") @cause(\"alpha\") @cf(0.1)")
          .append(" @sources(\"doc-high\")\nwhen Client(app == ClientApp.MSTSC) ErrorReport(code == ").append(i)
          .append(") then end\n");
    }
    drl.append("rule \"b\" @id(\"T-0\") @cause(\"beta\") @cf(0.1) @sources(\"doc-high\") when Host() then end\n");
    return RulesFolder.write(dir.resolve("rules"), drl.toString());
  }

  private Process start(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Drdpdoctor.cache=" + cache,
        "-cp", System.getProperty("java.class.path"), "dev.rdpdoctor.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  @Timeout(120)
  void diagnoseEndsOnSigtermWhileItCompilesANewRulesFolder() throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Path rules = manyRules();
    Path caseFile = Files.writeString(dir.resolve("case.yaml"), "client: {app: mstsc}\n");
    Process p = start("diagnose", "--rules", rules.toString(), caseFile.toString());
    try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line = err.readLine();
      assertThat(line).startsWith("rdp-doctor: compiling the rules in ");
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
      assertThat(p.exitValue()).isEqualTo(128 + 15);
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  @Timeout(120)
  void rulesCheckEndsOnSigtermWhileItCompilesOnTheCommandsOwnThread() throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Path rules = manyRules();
    Process p = start("rules", "check", "--rules", rules.toString());
    try {
      // well into the compile: starting the JVM and reading the folder take about a second of CPU
      while (p.isAlive() && p.info().totalCpuDuration().orElse(Duration.ZERO).compareTo(Duration.ofSeconds(4)) < 0) {
        Thread.sleep(50);
      }
      assertThat(p.isAlive()).as("still compiling").isTrue();
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
      assertThat(p.exitValue()).isEqualTo(128 + 15);
    } finally {
      p.destroyForcibly();
    }
  }
}
