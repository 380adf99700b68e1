package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.vocabulary.BundledVocabulary;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.yaml.SourceMap;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a symptom file strictly, against the vocabulary, into a {@link CaseFile}.
 * {@link #json(Vocabulary, Clock)} reads the same sections written as JSON, as in a JSON Lines
 * stream of cases.
 */
public final class CaseFileReader {

  private final CaseValuesReader values;
  private final Vocabulary vocabulary;

  public CaseFileReader(Vocabulary vocabulary, Clock clock) {
    this(new CaseValuesReader(vocabulary, clock), vocabulary);
  }

  /** A reader with the bundled rules' vocabulary. */
  public CaseFileReader(Clock clock) {
    this(BundledVocabulary.get(), clock);
  }

  public CaseFileReader() {
    this(Clock.systemDefaultZone());
  }

  private CaseFileReader(CaseValuesReader values, Vocabulary vocabulary) {
    this.values = values;
    this.vocabulary = vocabulary;
  }

  /** A reader of symptom files written as JSON objects. */
  public static CaseFileReader json(Vocabulary vocabulary, Clock clock) {
    return new CaseFileReader(CaseValuesReader.json(vocabulary, clock), vocabulary);
  }

  /** A reader of symptom files written as JSON objects, with the bundled rules' vocabulary. */
  public static CaseFileReader json(Clock clock) {
    return json(BundledVocabulary.get(), clock);
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * Reads a symptom file. Every independent problem of it is reported at once: those of its
   * keys and values, and the contradictions between the values that could be read.
   */
  public CaseFile read(Path file) {
    return caseFile(file.toString(), values.read(file), List.of());
  }

  public CaseFile read(String name, byte[] content) {
    return read(name, 1, content);
  }

  /** A case that starts on line {@code firstLine} of {@code name}: its lines and errors count from there. */
  public CaseFile read(String name, int firstLine, byte[] content) {
    return caseFile(name, values.read(name, firstLine, content), List.of());
  }

  /**
   * A case built in memory (the consultation's answers), read with the same checks as a file.
   * Values have no lines to point at, so errors are located at the start of {@code name}.
   */
  public CaseFile read(String name, JsonNode tree) {
    return caseFile(name, values.read(tree, SourceMap.empty(name)), List.of());
  }

  /**
   * Reads a symptom file and merges what a probe found into it: the user's statements win, the
   * probe fills in what they leave unknown, and each disagreement is kept as a {@link Conflict}.
   */
  public CaseFile read(Path file, ProbedFacts probed, Vocabulary mergeVocabulary) {
    CaseValues stated = values.read(file);
    return merged(file + " + " + probed.origin(), stated.sourceMap(),
        new SymptomMerger(mergeVocabulary).merge(statements(stated), probed), probed);
  }

  /**
   * A case written as text, merged with what the evidence or a probe found, as {@link #read(Path,
   * ProbedFacts, Vocabulary)} merges a file; an empty text is the findings on their own. Gives the
   * merged statements too, to be written as the symptom file that says the same.
   */
  public Found read(String name, byte[] content, ProbedFacts probed, Vocabulary mergeVocabulary) {
    if (content.length == 0) {
      SymptomMerger.Merged alone = SymptomMerger.alone(probed);
      return new Found(merged(probed.origin(), SourceMap.empty(probed.origin()), alone, probed), alone.symptoms());
    }
    CaseValues stated = values.read(name, 1, content);
    SymptomMerger.Merged merged = new SymptomMerger(mergeVocabulary).merge(statements(stated), probed);
    return new Found(merged(name + " + " + probed.origin(), stated.sourceMap(), merged, probed), merged.symptoms());
  }

  /** A case merged with findings, and its statements: what a symptom file that says the same holds. */
  public record Found(CaseFile caseFile, ObjectNode statements) {}

  /** The case a probe found on its own. */
  public CaseFile read(ProbedFacts probed) {
    return merged(probed.origin(), SourceMap.empty(probed.origin()), SymptomMerger.alone(probed), probed);
  }

  /** What the user wrote: the values without those worked out from them, or the day taken for the observed date. */
  private static ObjectNode statements(CaseValues stated) {
    ObjectNode tree = CaseValuesTree.of(stated.root());
    if (stated.sourceMap().find("observed").isEmpty()) {
      tree.remove("observed");
    }
    for (String path : stated.derivations().keySet()) {
      int dot = path.lastIndexOf('.');
      JsonNode section = dot < 0 ? tree : tree.at("/" + path.substring(0, dot).replace(".", "/").replaceAll("\\[(\\d+)]", "/$1"));
      if (section instanceof ObjectNode o) {
        o.remove(path.substring(dot + 1));
      }
    }
    return tree;
  }

  private CaseFile merged(String name, SourceMap map, SymptomMerger.Merged merged, ProbedFacts probed) {
    CaseValues read = values.read(merged.symptoms(), map);
    Map<String, String> derivations = new LinkedHashMap<>(merged.provenance());
    boolean cite = !probed.finder().equals(ProbedFacts.PROBE);
    read.derivations().forEach((path, how) -> derivations.put(path, cite ? how + foundInputs(path, merged.provenance()) : how));
    return caseFile(name, new CaseValues(read.root(), read.observed(), map, derivations), merged.conflicts());
  }

  /**
   * Where the inputs of a worked-out value were found, when the evidence gave them:
   * {@code ; not_after from evidence X: certutil.txt line 2: ...}. Empty for inputs the user wrote.
   */
  private String foundInputs(String path, Map<String, String> provenance) {
    Optional<Key.Derived> derived = vocabulary.place(path).flatMap(p -> p.key().derived());
    if (derived.isEmpty()) {
      return "";
    }
    int dot = path.lastIndexOf('.');
    String section = dot < 0 ? "" : path.substring(0, dot + 1);
    StringBuilder out = new StringBuilder();
    for (String input : derived.get().from()) {
      String found = provenance.get(section + input);
      if (found != null) {
        out.append("; ").append(input).append(" from ").append(found);
      }
    }
    return out.toString();
  }

  private static CaseFile caseFile(String name, CaseValues values, List<Conflict> conflicts) {
    return new CaseFile(name, values, conflicts);
  }
}
