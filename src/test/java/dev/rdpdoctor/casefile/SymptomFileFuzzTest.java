package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whatever bytes a symptom file holds, the reader returns a case or throws InvalidInputException
 * with located one-line errors; any other exception is a finding. A case it returns is written
 * back and reads again to the same symptoms, and the project's rules run on it without failing.
 */
class SymptomFileFuzzTest {

  private static final String NAME = "fuzz.yaml";
  private static final CaseFileReader READER = new CaseFileReader(
      Clock.fixed(LocalDate.of(2026, 11, 20).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  private static final CaseFileWriter WRITER = new CaseFileWriter();

  private static Diagnoser diagnoser;

  private static synchronized Diagnoser diagnoser() {
    if (diagnoser == null) {
      diagnoser = new Diagnoser(Fixtures.knowledge());
    }
    return diagnoser;
  }

  @FuzzTest
  void anyBytesAreACaseOrLocatedErrors(byte[] bytes) {
    CaseFile read;
    try {
      read = READER.read(NAME, bytes);
    } catch (InvalidInputException e) {
      int lines = lines(bytes);
      for (InputError error : e.errors()) {
        assertThat(error.file()).isEqualTo(NAME);
        assertThat(error.line()).as(error.format()).isBetween(1, lines + 1);
        assertThat(error.message()).as(error.format()).doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(1_000);
        assertThat(error.isError()).isTrue();
      }
      return;
    }
    String written = WRITER.write(CaseValuesTree.of(read.values().root()));
    CaseFile again;
    try {
      again = READER.read("again.yaml", written.getBytes(StandardCharsets.UTF_8));
    } catch (InvalidInputException e) {
      throw new AssertionError("a case that was read does not read back once written: " + e.getMessage() + "\n" + written, e);
    }
    assertThat(again.values().root()).as(written).isEqualTo(read.values().root());
    try {
      diagnoser().diagnose(read);
    } catch (InvalidInputException e) {
      throw new AssertionError("a rule failed on a valid case: " + e.getMessage(), e);
    }
  }

  /** Lines as YAML counts them: CR LF, a lone CR, LF, NEL, LS and PS each end one. */
  private static int lines(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return 1 + (int) LINE_BREAK.matcher(text).results().count();
  }

  private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");
}
