package dev.rdpdoctor.batch;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads and diagnoses one case of a batch, whatever it holds: a bad case becomes a
 * {@link BatchOutcome.Rejected} with its located errors, never an exception. Used by one
 * worker thread at a time.
 */
final class CaseDiagnoser {

  private final Function<CaseFile, Diagnosis> diagnoser;
  private final CaseFileReader yaml;
  private final CaseFileReader json;

  CaseDiagnoser(Vocabulary vocabulary, Function<CaseFile, Diagnosis> diagnoser, Clock clock) {
    this.diagnoser = diagnoser;
    this.yaml = new CaseFileReader(vocabulary, clock);
    this.json = CaseFileReader.json(vocabulary, clock);
  }

  BatchOutcome diagnose(BatchItem item) {
    CaseFile caseFile = null;
    try {
      caseFile = read(item);
      return new BatchOutcome.Diagnosed(item, diagnoser.apply(caseFile));
    } catch (InvalidInputException e) {
      if (caseFile != null) {
        // a rule failed on this case: say which case, and where the rule is
        return new BatchOutcome.Rejected(item, e.errors().stream()
            .map(r -> InputError.error(source(item), line(item), 1,
                r.message() + " (the rule is at " + r.file() + ":" + r.line() + ")"))
            .toList(), false);
      }
      return new BatchOutcome.Rejected(item, e.errors(), false);
    } catch (RuntimeException | StackOverflowError e) {
      return new BatchOutcome.Rejected(item, List.of(InputError.error(source(item), line(item), 1,
          "internal error on this case: " + e)), true);
    }
  }

  private CaseFile read(BatchItem item) {
    if (item instanceof BatchItem.CaseFile f) {
      return yaml.read(f.path());
    }
    BatchItem.JsonLine l = (BatchItem.JsonLine) item;
    if (l.content() == JsonLines.TOO_LONG) {
      throw new InvalidInputException(InputError.error(l.source(), line(l), 1, String.format(Locale.ROOT,
          "the line is longer than %d KiB (%,d bytes), the most a case may be; put one case per line",
          JsonLines.MAX_LINE >> 10, JsonLines.MAX_LINE)));
    }
    return json.read(l.source(), line(l), l.content());
  }

  static String source(BatchItem item) {
    return item instanceof BatchItem.CaseFile f ? f.path().toString() : ((BatchItem.JsonLine) item).source();
  }

  static int line(BatchItem item) {
    return item instanceof BatchItem.JsonLine l ? (int) Math.min(l.line(), Integer.MAX_VALUE) : 1;
  }
}
