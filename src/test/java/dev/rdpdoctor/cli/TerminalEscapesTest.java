package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.problem.ControlCharacters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a symptom file says reaches a terminal only as text: control characters written as escapes
 * in YAML ({@code "\e]0;TITLE\a"}) or JSON (backslash-u001b) would retitle or clear it, bidi
 * overrides would make a line read otherwise. Reports and messages show them escaped.
 */
class TerminalEscapesTest {

  private static final String RULES = Fixtures.RULES.toString();

  /** Sets the title to "PWNED", clears the screen, a C1 CSI, and a right-to-left override. */
  private static final String YAML_ESCAPES = "\\e]0;PWNED\\a\\e[2J\\x9b31m\\u202eexe.pdf\\x7f";

  private static final String RAW = "\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202eexe.pdf\u007f";

  private static final String SHOWN = "\\e]0;PWNED\\a\\e[2J\\u009b31m\\u202eexe.pdf\\u007f";

  private static void assertNothingActsOnTheTerminal(CliRun run) {
    assertThat(run.out().chars()).as("stdout: %s", run.out()).noneMatch(ControlCharacters::acted);
    assertThat(run.err().chars()).as("stderr: %s", run.err()).noneMatch(ControlCharacters::acted);
  }

  @Test
  void controlCharactersInACaseAreShownAsEscapesInEveryReportFormat(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("case.yaml"), """
        title: "%1$s"
        notes: "%1$s"
        error: {code: 0x904, extended: 0x7, message: "%1$s"}
        certificate: {subject: "CN=%1$s", expired: true}
        """.formatted(YAML_ESCAPES));
    for (String format : List.of("text", "markdown", "html", "json")) {
      CliRun run = CliRun.of("diagnose", "--rules", RULES, "--explain", "--format", format, file.toString());
      assertThat(run.exit()).as(run.err()).isZero();
      assertNothingActsOnTheTerminal(run);
      if (format.equals("json")) {
        assertThat(new ObjectMapper().readTree(run.out()).at("/case/title").asText()).as("JSON says what the case said")
            .isEqualTo(RAW);
      } else { // Markdown also escapes the brackets
        assertThat(run.out()).contains("PWNED\\a\\e").contains("\\u009b31m\\u202eexe.pdf\\u007f");
      }
    }
    CliRun explain = CliRun.of("explain", "--rules", RULES, file.toString());
    assertThat(explain.exit()).as(explain.err()).isZero();
    assertNothingActsOnTheTerminal(explain);
  }

  @Test
  void controlCharactersInAValueAnErrorQuotesAreShownAsEscapes(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("case.yaml"), """
        title: x
        error: {code: 0x904, frequency: "%s"}
        """.formatted(YAML_ESCAPES));
    CliRun run = CliRun.of("diagnose", "--rules", RULES, file.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertNothingActsOnTheTerminal(run);
    assertThat(run.err()).startsWith(file + ":2:33: error: error.frequency: '" + SHOWN + "' is not allowed");
  }

  @Test
  void controlCharactersEscapedInJsonLinesAreShownAsEscapesInReportsAndErrors() {
    String json = "\\u001b]0;PWNED\\u0007\\u001b[2J\\u009b31m\\u202eexe.pdf\\u007f";
    String lines = "{\"title\": \"" + json + "\", \"error\": {\"code\": \"0x904\"}}\n"
        + "{\"title\": \"x\", \"error\": {\"code\": \"0x904\", \"frequency\": \"" + json + "\"}}\n";
    for (String format : List.of("text", "jsonl", "json")) {
      CliRun run = CliRun.withInput(lines, "diagnose", "--rules", RULES, "--format", format, "-");
      assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
      assertNothingActsOnTheTerminal(run);
      assertThat(run.err()).contains("stdin:2:").contains("'" + SHOWN + "' is not allowed");
      if (format.equals("text")) {
        assertThat(run.out()).contains(SHOWN);
      }
    }
  }

  @Test
  void aFileNamedWithALineBreakKeepsItsErrorOnOneLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("new\nline\u001b[2J.yaml"), "title: x\nbogus: 1\n");
    CliRun run = CliRun.of("diagnose", "--rules", RULES, file.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertNothingActsOnTheTerminal(run);
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith("'" + dir + "/new\\nline\\e[2J.yaml':2:1: error: unknown key 'bogus'");

    Path folder = Files.createDirectory(dir.resolve("cases"));
    Files.copy(file, folder.resolve("two\nlines.yaml"));
    CliRun batch = CliRun.of("diagnose", "--rules", RULES, folder.toString());
    assertThat(batch.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(batch.err().lines()).first().asString().startsWith("'" + folder + "/two\\nlines.yaml':2:1: error: unknown key 'bogus'");
  }
}
