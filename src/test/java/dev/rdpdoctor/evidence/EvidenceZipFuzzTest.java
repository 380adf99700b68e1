package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.problem.InputError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Any bytes given as the evidence (a zip when they start like one, a single file otherwise):
 * read within the limits into values that read as a symptom file, files skipped saying why, and
 * problems located in the file or the zip entry they are in; never another exception.
 */
class EvidenceZipFuzzTest {

  private static final EvidenceLimits SMALL = new EvidenceLimits(1 << 20, 4 << 20, 50, 3, 200, 32, 32, 1 << 20, 2_000, 20);

  @FuzzTest
  void anyBytesGivenAsEvidenceAreReadWithinTheLimits(byte[] bytes) {
    Path file;
    try {
      file = Files.createTempFile("fuzz", ".evidence");
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Evidence e = new EvidenceReader(Fixtures.vocabulary(), SMALL).read(file);
      for (InputError p : e.problems()) {
        assertThat(p.file()).startsWith(file.toString());
        assertThat(p.message()).doesNotContain("\n").hasSizeLessThan(1_000);
      }
      e.skipped().forEach(s -> assertThat(s.why()).isNotBlank());
      CaseFile c = new CaseFileReader(Fixtures.vocabulary(), Clock.systemUTC()).read(e.facts());
      assertThat(c.source()).startsWith("evidence ");
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file left behind
      }
    }
  }
}
