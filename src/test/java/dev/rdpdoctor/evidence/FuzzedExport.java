package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseFileWriter;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What every reader must do with any bytes, for the fuzz tests: recognise them or not, and, when
 * it does, give observations located in the file and located one-line errors, never another
 * exception; and what the vocabulary makes of those observations is a symptom file that reads,
 * and reads back once written.
 */
final class FuzzedExport {

  private static final CaseFileReader READER = new CaseFileReader(Fixtures.vocabulary(),
      Clock.fixed(LocalDate.of(2026, 11, 20).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  private FuzzedExport() {}

  static void check(FormatReader reader, byte[] bytes) {
    Optional<DecodedText> text = DecodedText.of(bytes);
    if (text.isEmpty() || !reader.recognises(text.get())) {
      return;
    }
    FileReading reading = new FileReading("fuzz", "fuzz", text.get(), EvidenceLimits.DEFAULT);
    reader.read(reading);
    int lines = text.get().lineCount();
    for (InputError e : reading.errors()) {
      assertThat(e.file()).isEqualTo("fuzz");
      assertThat(e.line()).as(e.format()).isBetween(1, lines + 1);
      assertThat(e.message()).as(e.format()).doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(1_000);
    }
    for (Observation o : reading.observations()) {
      assertThat(o.origin().line()).as("%s", o).isBetween(1, lines);
      assertThat(o.origin().excerpt()).hasSizeLessThanOrEqualTo(Origin.MAX_EXCERPT);
    }
    readsAsACase(reading.observations());
  }

  /** The values the vocabulary makes of the observations read as a symptom file, and back once written. */
  static void readsAsACase(List<Observation> observations) {
    WindowsSources.Found found = WindowsSources.of(Fixtures.vocabulary(), observations);
    ProbedFacts facts = new ProbedFacts("evidence fuzz", found.symptoms(), found.reasons(), EvidenceReader.FINDER);
    try {
      READER.read(facts);
      String written = new CaseFileWriter().write(found.symptoms());
      READER.read("written.yaml", written.getBytes(StandardCharsets.UTF_8));
    } catch (InvalidInputException e) {
      throw new AssertionError("the evidence's values do not read as a symptom file: " + e.getMessage() + "\n"
          + found.symptoms().toPrettyString(), e);
    }
  }
}
