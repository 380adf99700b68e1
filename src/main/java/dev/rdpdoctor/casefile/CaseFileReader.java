package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.StrictYamlReader;
import dev.rdpdoctor.yaml.YamlDocument;
import dev.rdpdoctor.yaml.YamlMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

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

  /**
   * Reads a symptom file. Every independent problem of it is reported at once: those of its
   * keys and values, and the contradictions between the values that could be read.
   */
  public CaseFile read(Path file) {
    return yaml.read(file, SymptomFile.class, document -> interpret(file.toString(), document));
  }

  public CaseFile read(String name, byte[] content) {
    return read(name, 1, content);
  }

  /**
   * A case built in memory (the consultation's answers), read with the same checks as a file.
   * Values have no lines to point at, so errors are located at the start of {@code name}.
   */
  public CaseFile read(String name, JsonNode tree) {
    try {
      SymptomFile file = Trees.MAPPER.treeToValue(tree, SymptomFile.class);
      return interpret(name, new YamlDocument<>(file, SourceMap.empty(name)));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(InputError.error(name, 1, 1, e.getOriginalMessage()));
    }
  }

  /** The mapper for cases built in memory, set up on first use: reading files does not need it. */
  private static final class Trees {
    static final ObjectMapper MAPPER = YamlMapper.yaml();
  }

  /**
   * Reads a symptom file and merges what a probe found into it: the user's statements win, the
   * probe fills in what they leave unknown, and each disagreement is kept as a {@link Conflict}.
   *
   * @param vocabulary declares the worked-out keys, whose statements stand against a probed input
   */
  public CaseFile read(Path file, ProbedFacts probed, Vocabulary vocabulary) {
    SymptomMerger merger = new SymptomMerger(vocabulary);
    return yaml.read(file, SymptomFile.class, document -> merged(file + " + " + probed.origin(), document,
        merger.merge(SymptomRecords.tree(document.value()), probed)));
  }

  /** The case a probe found on its own. */
  public CaseFile read(ProbedFacts probed) {
    SymptomFile nothing = new SymptomFile(null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
    return merged(probed.origin(), new YamlDocument<>(nothing, SourceMap.empty(probed.origin())),
        SymptomMerger.alone(probed));
  }

  private CaseFile merged(String name, YamlDocument<SymptomFile> document, SymptomMerger.Merged merged) {
    SymptomFile file = SymptomRecords.symptoms(merged.symptoms());
    return interpreter(document, file, merged.provenance())
        .interpret(name, file)
        .withConflicts(merged.conflicts());
  }

  /** A case that starts on line {@code firstLine} of {@code name}: its lines and errors count from there. */
  public CaseFile read(String name, int firstLine, byte[] content) {
    return yaml.read(name, firstLine, content, SymptomFile.class, document -> interpret(name, document));
  }

  private CaseFile interpret(String name, YamlDocument<SymptomFile> document) {
    return interpreter(document, document.value(), Map.of()).interpret(name, document.value());
  }

  /**
   * The interpreter for {@code file}, read from {@code document}: dates are judged against the
   * observed date, or today; not at all when the observed date was written but could not be
   * read, which is the problem to report.
   */
  private Interpreter interpreter(YamlDocument<SymptomFile> document, SymptomFile file, Map<String, String> provenance) {
    LocalDate observed = file.observed() != null ? file.observed() : LocalDate.now(clock);
    return new Interpreter(document.sourceMap(), observed, !document.leftOut().contains("observed"), provenance);
  }
}
