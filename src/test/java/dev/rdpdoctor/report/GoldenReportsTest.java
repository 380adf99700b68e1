package dev.rdpdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * Every report format on a few samples, compared with the files in src/test/resources/golden/.
 * After an intended change, regenerate them all with:
 * {@code mvn -B test -Dtest=GoldenReportsTest -Dgolden.update=true}
 */
class GoldenReportsTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final List<String> SAMPLES = List.of("cert-expired", "code-only", "gateway-cert-mismatch", "machinekeys-azure-image");
  static final List<String> FORMATS = List.of("text", "markdown", "json", "html");

  static Stream<String[]> cases() {
    return SAMPLES.stream().flatMap(s -> FORMATS.stream().map(f -> new String[] {s, f}));
  }

  static String extension(String format) {
    return switch (format) {
      case "text" -> "txt";
      case "markdown" -> "md";
      default -> format;
    };
  }

  static String render(String sample, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new String[] {"diagnose", "--explain", "--format", format, "--rules", Fixtures.RULES.toString(),
        Fixtures.SAMPLES.resolve(sample + ".yaml").toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void matchesItsGoldenFile(String sample, String format) throws IOException {
    Path golden = GOLDEN.resolve(sample + "." + extension(format));
    String actual = render(sample, format);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (regenerate: mvn -B test -Dtest=GoldenReportsTest -Dgolden.update=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void everyGoldenFileHasASample() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      assertThat(files.toList()).isNotEmpty().allSatisfy(f -> {
        String name = f.getFileName().toString();
        String sample = name.substring(0, name.lastIndexOf('.'));
        String ext = name.substring(name.lastIndexOf('.') + 1);
        assertThat(SAMPLES).as("golden file %s names a sample in the list", name).contains(sample);
        assertThat(Fixtures.SAMPLES.resolve(sample + ".yaml")).as("sample for %s", name).exists();
        assertThat(FORMATS.stream().map(GoldenReportsTest::extension)).as("format of %s", name).contains(ext);
      });
    }
  }
}
