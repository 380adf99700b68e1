package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in facts-samples/invalid/ names the error it must produce on its first line,
 * {@code # expect-error: LINE:COL: MESSAGE}; diagnose must print exactly that, on one line,
 * and exit 3. A sample with several problems names each on a line of its own, in the order of
 * the file; diagnose must print each of them, and nothing else. A sample that is a folder
 * carries those lines in its {@code README}. They are read as bytes, so a sample may hold bytes
 * that are not UTF-8 further down.
 */
class InvalidSamplesTest {

  private static final String HEADER = "# expect-error: ";

  static Stream<Path> invalidSamples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.INVALID_SAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreInvalidSamplesToTest() throws IOException {
    assertThat(invalidSamples()).hasSizeGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest
  @MethodSource("invalidSamples")
  void failsWithItsOneLineLocatedErrorsAndExit3(Path sample) throws IOException {
    List<String> headers = expectations(Files.isDirectory(sample) ? sample.resolve("README") : sample);
    assertThat(headers).as("the first line of %s names its expected error", sample).isNotEmpty();
    List<String> expected = headers.stream()
        .map(h -> sample + ":" + h.substring(HEADER.length()).replaceFirst("^(\\d+:\\d+): ", "$1: error: "))
        .toList();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new String[] {"diagnose", "--rules", Fixtures.RULES.toString(), sample.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exit).isEqualTo(3);
    assertThat(lines).containsExactlyElementsOf(expected);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aSampleWithSeveralProblemsExpectsEachOfThem() throws IOException {
    assertThat(expectations(Fixtures.INVALID_SAMPLES.resolve("several-problems.yaml"))).hasSizeGreaterThanOrEqualTo(5);
  }

  /** The {@code # expect-error:} lines the file starts with. */
  private static List<String> expectations(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(16 * 1024);
      List<String> found = new java.util.ArrayList<>();
      int start = 0;
      while (start < head.length) {
        int end = start;
        while (end < head.length && head[end] != '\n') {
          end++;
        }
        String line = new String(head, start, end - start, StandardCharsets.UTF_8);
        if (!line.startsWith(HEADER)) {
          break;
        }
        found.add(line);
        start = end + 1;
      }
      return found;
    }
  }
}
