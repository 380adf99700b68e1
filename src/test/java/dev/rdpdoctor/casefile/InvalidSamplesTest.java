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
 * and exit 3. A sample that is a folder carries that line in its {@code README}. The first line
 * is read as bytes, so a sample may hold bytes that are not UTF-8 further down.
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
  void failsWithItsOneLineLocatedErrorAndExit3(Path sample) throws IOException {
    String first = firstLine(Files.isDirectory(sample) ? sample.resolve("README") : sample);
    assertThat(first).as("first line of %s names its expected error", sample).startsWith(HEADER);
    String expected = sample + ":" + first.substring(HEADER.length()).replaceFirst("^(\\d+:\\d+): ", "$1: error: ");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new String[] {"diagnose", "--rules", Fixtures.RULES.toString(), sample.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exit).isEqualTo(3);
    assertThat(lines).containsExactly(expected);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static String firstLine(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4096);
      int end = 0;
      while (end < head.length && head[end] != '\n') {
        end++;
      }
      return new String(head, 0, end, StandardCharsets.UTF_8);
    }
  }
}
