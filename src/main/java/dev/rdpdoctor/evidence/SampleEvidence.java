package dev.rdpdoctor.evidence;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sample of the knowledge base that names a folder of evidence beside it ({@code evidence:
 * evidence/cert-expired}), read as {@code diagnose --evidence FOLDER SAMPLE} reads the two: the
 * sample's statements win. Only {@code rules test} reads it: a symptom file from a ticket never
 * makes the tool read another file. The folder must be under the sample's own folder, and its
 * evidence must read cleanly: a file skipped, an error or a warning in it is the sample's error.
 */
public final class SampleEvidence {

  /** The sample's key naming its evidence. */
  public static final String KEY = "evidence";

  private SampleEvidence() {}

  /** The sample, with its evidence merged in when it names some. */
  public static CaseFile read(Path sample, CaseFileReader reader) {
    CaseFile stated = reader.read(sample);
    Optional<Object> named = stated.values().at(KEY);
    if (named.isEmpty()) {
      return stated;
    }
    String written = String.valueOf(named.get());
    Path base = sample.toAbsolutePath().normalize().getParent();
    Path target = base.resolve(written).normalize();
    if (Path.of(written).isAbsolute() || !target.startsWith(base) || target.equals(base)) {
      throw new InvalidInputException(stated.sourceMap().errorAt(KEY, KEY + ": '" + written
          + "' is not a folder under the sample's own folder; name one beside it, e.g. 'evidence/cert-expired'"));
    }
    if (!Files.exists(target)) {
      throw new InvalidInputException(stated.sourceMap().errorAt(KEY, KEY + ": no such file or folder: '" + written + "'"));
    }
    Path shown = sample.getParent() == null ? Path.of(written) : sample.getParent().resolve(written).normalize();
    Evidence evidence = new EvidenceReader(reader.vocabulary()).read(shown);
    List<InputError> problems = new ArrayList<>(evidence.problems());
    evidence.skipped().forEach(s -> problems.add(InputError.error(shown.resolve(s.name()).toString(), 1, 1,
        "skipped: " + s.why() + "; a sample's evidence holds only exports that are read")));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return reader.read(sample, evidence.facts(), reader.vocabulary());
  }
}
