package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.StrictYamlReader;
import dev.rdpdoctor.yaml.YamlDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/** Reads a symptom file strictly and interprets it into a {@link CaseFile}. */
public final class CaseFileReader {

  private final StrictYamlReader yaml = new StrictYamlReader();
  private final Clock clock;

  public CaseFileReader(Clock clock) {
    this.clock = clock;
  }

  public CaseFileReader() {
    this(Clock.systemDefaultZone());
  }

  public CaseFile read(Path file) {
    return interpret(file.toString(), yaml.read(file, SymptomFile.class));
  }

  public CaseFile read(String name, byte[] content) {
    return interpret(name, yaml.read(name, content, SymptomFile.class));
  }

  private CaseFile interpret(String name, YamlDocument<SymptomFile> document) {
    SymptomFile file = document.value();
    LocalDate observed = file.observed() != null ? file.observed() : LocalDate.now(clock);
    return new Interpreter(document.sourceMap(), observed).interpret(name, file);
  }
}
