package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.StrictYamlReader;
import dev.rdpdoctor.yaml.YamlDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Reads a symptom file strictly and interprets it into a {@link CaseFile}. {@link #json(Clock)}
 * reads the same sections written as JSON, as in a JSON Lines stream of cases.
 */
public final class CaseFileReader {

  private final StrictYamlReader yaml;
  private final Clock clock;

  public CaseFileReader(Clock clock) {
    this(new StrictYamlReader(), clock);
  }

  public CaseFileReader() {
    this(Clock.systemDefaultZone());
  }

  private CaseFileReader(StrictYamlReader yaml, Clock clock) {
    this.yaml = yaml;
    this.clock = clock;
  }

  /** A reader of symptom files written as JSON objects. */
  public static CaseFileReader json(Clock clock) {
    return new CaseFileReader(StrictYamlReader.json(), clock);
  }

  public CaseFile read(Path file) {
    return interpret(file.toString(), yaml.read(file, SymptomFile.class));
  }

  public CaseFile read(String name, byte[] content) {
    return interpret(name, yaml.read(name, content, SymptomFile.class));
  }

  /** A case that starts on line {@code firstLine} of {@code name}: its lines and errors count from there. */
  public CaseFile read(String name, int firstLine, byte[] content) {
    return interpret(name, yaml.read(name, firstLine, content, SymptomFile.class));
  }

  private CaseFile interpret(String name, YamlDocument<SymptomFile> document) {
    SymptomFile file = document.value();
    LocalDate observed = file.observed() != null ? file.observed() : LocalDate.now(clock);
    return new Interpreter(document.sourceMap(), observed).interpret(name, file);
  }
}
