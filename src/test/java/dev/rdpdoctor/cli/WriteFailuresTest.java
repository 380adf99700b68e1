package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report that cannot be written is an error, never exit 0 with a truncated report: stdout on a
 * full disk or a closed pipe, an output file in a folder that cannot be written.
 */
class WriteFailuresTest {

  private static final String RULES = Fixtures.RULES.toString();
  private static final String CERT = "facts-samples/cert-expired.yaml";

  /** Stdout on a full disk: takes {@code room} bytes, then every write fails. */
  private static final class FullDisk extends OutputStream {
    private int room;
    private final String reason;

    FullDisk(int room) {
      this(room, "No space left on device");
    }

    FullDisk(int room, String reason) {
      this.room = room;
      this.reason = reason;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > room) {
        throw new IOException(reason);
      }
      room -= len;
    }
  }

  private static CliRun withStdout(OutputStream stdout, String stdin, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(exit, "", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aReportThatCannotBeWrittenToStdoutIsAnErrorWithItsReason() {
    for (String format : List.of("text", "json", "markdown", "html")) {
      CliRun run = withStdout(new FullDisk(100), "", "diagnose", "--rules", RULES, "--format", format, CERT);
      assertThat(run.exit()).as(format).isEqualTo(ExitCode.OUTPUT);
      assertThat(run.err()).isEqualTo("rdp-doctor: error: cannot write the output: No space left on device\n");
    }
  }

  @Test
  void aReaderThatStopsReadingEndsTheRunQuietlyButNotWithExitZero() {
    CliRun run = withStdout(new FullDisk(100, "Broken pipe"), "", "diagnose", "--rules", RULES, CERT);
    assertThat(run.exit()).isEqualTo(ExitCode.OUTPUT);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aBatchWhoseResultsCannotBeWrittenStopsWithAnError() {
    String line = "{\"title\": \"x\", \"error\": {\"code\": \"0x904\"}}\n";
    CliRun run = withStdout(new FullDisk(4096), line.repeat(2000), "diagnose", "--rules", RULES, "-");
    assertThat(run.exit()).isEqualTo(ExitCode.OUTPUT);
    assertThat(run.err()).endsWith("rdp-doctor: error: cannot write the output: No space left on device\n");
  }

  @Test
  void theConsultationAndTheCatalogSayThatTheirOutputWasLostToo() {
    CliRun consult = withStdout(new FullDisk(0), "quit\n\n", "consult", "--rules", RULES, "facts-samples/code-only.yaml");
    assertThat(consult.exit()).isEqualTo(ExitCode.OUTPUT);
    assertThat(consult.err()).endsWith("rdp-doctor: error: cannot write the output: No space left on device\n");
    CliRun check = withStdout(new FullDisk(0), "", "rules", "doc", "--rules", RULES);
    assertThat(check.exit()).isEqualTo(ExitCode.OUTPUT);
  }

  @Test
  void stdoutOnAFullDeviceEndsTheRunWithAnErrorNotExitZero() throws Exception {
    // the real process, stdout on /dev/full (every write fails with ENOSPC)
    File full = new File("/dev/full");
    assertThat(full).as("Linux's /dev/full").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (List<String> args : List.of(List.of("diagnose", "--rules", RULES, CERT),
        List.of("diagnose", "--rules", RULES, "--format", "jsonl", CERT, CERT))) {
      List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(args);
      Process p = new ProcessBuilder(command).redirectOutput(full).redirectError(ProcessBuilder.Redirect.PIPE).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(err).isEqualTo(ExitCode.OUTPUT);
      assertThat(err).endsWith("rdp-doctor: error: cannot write the output: No space left on device\n");
    }
  }

  @Test
  void theHelpListsTheExitCodeOfOutputThatCouldNotBeWritten() {
    assertThat(CliRun.of("--help").out()).contains("5   the output could not be written");
  }

  @Test
  void anOutputFileThatCannotBeWrittenIsAnOutputErrorNotAUsageError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("somefile"), "mine\n");
    CliRun underAFile = CliRun.of("rules", "doc", "--rules", RULES, "-o", file.resolve("catalog.md").toString());
    assertThat(underAFile.exit()).isEqualTo(ExitCode.OUTPUT);
    assertThat(underAFile.err()).isEqualTo("rdp-doctor: error: cannot write " + file.resolve("catalog.md") + ": "
        + file + " is not a folder\n");
    assertThat(Files.readString(file)).isEqualTo("mine\n");

    CliRun unwritable = CliRun.of("rules", "doc", "--rules", RULES, "-o", "/proc/catalog.md");
    assertThat(unwritable.exit()).isEqualTo(ExitCode.OUTPUT);
    assertThat(unwritable.err()).startsWith("rdp-doctor: error: cannot write /proc/catalog.md: ").doesNotContain("--help");
  }
}
