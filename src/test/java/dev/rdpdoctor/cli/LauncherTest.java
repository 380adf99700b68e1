package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's choices, seen by a stand-in for {@code java} that records what it was
 * given: a copy of the launcher next to a built jar (an empty file newer than the sources), so
 * that it neither builds nor records classes.
 */
class LauncherTest {

  @TempDir Path dir;

  private Path launcher;
  private Path bin;
  private Path seen;

  @BeforeEach
  void copyTheLauncherBesideABuiltJar() throws Exception {
    launcher = dir.resolve("rdp-doctor");
    Files.copy(Path.of("rdp-doctor"), launcher);
    Files.createDirectories(dir.resolve("src/main"));
    Files.writeString(dir.resolve("pom.xml"), "");
    Files.createDirectories(dir.resolve("target"));
    Instant built = Instant.now().plusSeconds(60);
    for (String file : List.of("target/rdp-doctor.jar", "target/rdp-doctor.jsa", "target/rdp-doctor-rules.jsa")) {
      Path p = Files.writeString(dir.resolve(file), "");
      Files.setLastModifiedTime(p, FileTime.from(file.endsWith(".jar") ? built : built.plusSeconds(60)));
    }
    bin = Files.createDirectories(dir.resolve("bin"));
    seen = dir.resolve("seen");
    Path java = Files.writeString(bin.resolve("java"), """
        #!/usr/bin/env bash
        printf '%s\\n' "$@" > "$SEEN"
        if { : 3<&0; } 2>/dev/null; then echo "fd0=$(readlink /proc/self/fd/0)" >> "$SEEN"; else echo fd0=closed >> "$SEEN"; fi
        """);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The arguments the launcher gave java, then {@code fd0=} and what java's stdin was. */
  private List<String> launch(String redirect, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" " + redirect, "bash", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().put("SEEN", seen.toString());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return Files.readAllLines(seen);
  }

  @Test
  void aClosedStdinBecomesDevNullAndTheToolIsToldItWasClosed() throws Exception {
    List<String> closed = launch("<&-", "diagnose", "-");
    assertThat(closed).contains("-Drdpdoctor.stdin.closed=true", "fd0=/dev/null");

    List<String> open = launch("< pom.xml", "diagnose", "-");
    assertThat(open).doesNotContain("-Drdpdoctor.stdin.closed=true");
    assertThat(open.get(open.size() - 1)).endsWith("/pom.xml");
  }

  @Test
  void aBatchGetsTwoMegabytesOfHeapPerThreadAboveAHundredAndTwentyEight() throws Exception {
    assertThat(launch("", "diagnose", "--threads", "32", "-")).contains("-Xmx192m");
    assertThat(launch("", "diagnose", "--threads=64", "cases.jsonl")).contains("-Xmx256m");
    assertThat(launch("", "diagnose", "--threads", "1", "--jsonl")).contains("-Xmx130m");
    // a thread count the tool refuses gets the default heap; the tool says what is wrong
    int cores = Math.min(64, Integer.parseInt(new String(new ProcessBuilder("nproc").start().getInputStream()
        .readAllBytes()).strip()));
    assertThat(launch("", "diagnose", "--threads", "2147483647", "-")).contains("-Xmx" + (128 + 2 * cores) + "m");
    // one case is not a batch
    assertThat(launch("", "diagnose", "case.yaml")).noneMatch(a -> a.startsWith("-Xmx"));
  }
}
