package dev.rdpdoctor.probe;

import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseFileWriter;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whatever a server sends, the probe's symptom file must read back: the probe's findings laid out
 * as a symptom file, written, and read with the same checks as a user's file.
 */
final class ProbeRoundTrip {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  private static final CaseFileReader READER =
      new CaseFileReader(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  private static final CaseFileWriter WRITER = new CaseFileWriter();

  private ProbeRoundTrip() {}

  static void check(Target target, Probe raw) {
    ProbedFacts facts = ProbeConclusions.conclude(target, raw, TODAY);
    String yaml = WRITER.write(facts.symptoms());
    try {
      READER.read("probe.yaml", yaml.getBytes(StandardCharsets.UTF_8));
      READER.read(facts);
    } catch (InvalidInputException e) {
      throw new AssertionError("the probe wrote a symptom file that does not read back: "
          + e.getMessage() + "\n" + yaml, e);
    }
  }
}
