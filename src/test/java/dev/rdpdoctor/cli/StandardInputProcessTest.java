package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a process of its own, for what only a process shows: a heap of a given
 * size, and a standard input that was closed before the JVM started.
 */
class StandardInputProcessTest {

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;

  private record Ran(int exit, String out, String err) {}

  /**
   * Runs {@code java JVM_OPTIONS Main ARGS} through bash, so that {@code redirect} (such as
   * {@code <&-}) applies to the JVM itself; {@code input} (when not null) is written to its stdin.
   */
  private Ran run(List<String> jvm, String redirect, InputWriter input, String... args) throws Exception {
    List<String> java = new ArrayList<>(List.of(JAVA));
    java.addAll(jvm);
    java.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.rdpdoctor.cli.Main"));
    java.addAll(Arrays.asList(args));
    List<String> command = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" " + redirect, "bash"));
    command.addAll(java);
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try (OutputStream stdin = p.getOutputStream()) {
      if (input != null) {
        input.write(stdin);
      }
    } catch (IOException e) {
      // the process stopped reading: what it says is checked below
    }
    boolean ended = p.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    Ran ran = new Ran(ended ? p.exitValue() : -1, Files.readString(out), Files.readString(err));
    assertThat(ended).as("the command ended within 3 minutes; it printed on stderr:%n%s", tail(ran.err())).isTrue();
    return ran;
  }

  private interface InputWriter {
    void write(OutputStream stdin) throws IOException;
  }

  private static String tail(String text) {
    return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
  }

  @Test
  void aClosedStdinIsOneErrorRatherThanTheJavaRuntimesOwnFileReadAsCases() throws Exception {
    Ran ran = run(List.of(), "<&-", null, "diagnose", "--rules", Fixtures.RULES.toString(), "-");
    assertThat(ran.err().lines().toList())
        .containsExactly("stdin:1:1: error: standard input is closed: there is nothing to read from it");
    assertThat(ran.exit()).isEqualTo(3);
    assertThat(ran.out()).isEmpty();
  }

  @Test
  void aStdinTheLauncherFoundClosedIsOneErrorAndTheOtherCasesStillRun() throws Exception {
    // the launcher puts /dev/null on a closed stdin and says so; the tool then reads nothing from it
    Ran ran = run(List.of("-D" + StandardStreams.STDIN_CLOSED_PROPERTY + "=true"), "</dev/null", null,
        "diagnose", "--rules", Fixtures.RULES.toString(), "facts-samples/cert-expired.yaml", "-");
    assertThat(ran.err().lines().findFirst().orElseThrow())
        .isEqualTo("stdin:1:1: error: standard input is closed: there is nothing to read from it");
    assertThat(ran.err()).contains("rdp-doctor: 1 cases in");
    assertThat(ran.out()).contains("\"top\":\"cert-expired\"");
    assertThat(ran.exit()).isEqualTo(3);
  }

  @Test
  void hugeLinesInASmallHeapAreEachReportedAndTheBatchEnds() throws Exception {
    // six lines of 15 MiB: they used to be held whole, ran the reader out of memory, and the
    // batch then waited for the dead reader forever
    byte[] block = new byte[1 << 16];
    Arrays.fill(block, (byte) 'x');
    String valid = "{\"error\": {\"code\": \"0x904\", \"extended\": \"0x7\"}}\n";
    Ran ran = run(List.of("-Xmx64m", "-XX:+UseSerialGC"), "", stdin -> {
      for (int line = 0; line < 6; line++) {
        stdin.write("{\"title\": \"".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < (15 << 20) / block.length; i++) {
          stdin.write(block);
        }
        stdin.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      }
      stdin.write(valid.getBytes(StandardCharsets.UTF_8));
    }, "diagnose", "--rules", Fixtures.RULES.toString(), "--threads", "2", "-");
    List<String> errors = ran.err().lines().filter(l -> l.startsWith("stdin:")).toList();
    assertThat(errors).hasSize(6);
    for (int line = 1; line <= 6; line++) {
      assertThat(errors.get(line - 1)).isEqualTo("stdin:" + line
          + ":1: error: the line is longer than 256 KiB (262,144 bytes), the most a case may be; put one case per line");
    }
    assertThat(ran.err()).contains("rdp-doctor: 7 cases in").contains("1 diagnosed, 6 rejected")
        .doesNotContain("Exception", "OutOfMemoryError");
    assertThat(ran.out().lines()).hasSize(7);
    assertThat(ran.exit()).isEqualTo(3);
  }
}
