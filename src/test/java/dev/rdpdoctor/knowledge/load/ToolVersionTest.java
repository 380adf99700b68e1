package dev.rdpdoctor.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolVersionTest {

  @TempDir Path dir;

  @Test
  void sourcesThatAreNotAGitCheckoutOfTheirOwnHaveNoCommit() throws Exception {
    assertThat(Precompiler.commitOf(dir)).isEmpty();
    // unpacked inside a checkout (the project's own target/ folder here), a source archive is still not one
    Path inside = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "unpacked-");
    assertThat(Precompiler.commitOf(inside.toAbsolutePath())).isEmpty();
  }

  @Test
  void aBuildWithoutACommitSaysSo() {
    assertThat(new ToolVersion("1.2.0", Optional.empty(), Optional.of("2026-11-20T10:00:00Z")).describe())
        .isEqualTo("rdp-doctor 1.2.0 (commit unknown, built 2026-11-20T10:00:00Z)");
    assertThat(new ToolVersion("1.2.0", Optional.of("1a2b3c4d5e6f"), Optional.of("2026-11-20T10:00:00Z")).describe())
        .isEqualTo("rdp-doctor 1.2.0 (commit 1a2b3c4d5e6f, built 2026-11-20T10:00:00Z)");
  }
}
