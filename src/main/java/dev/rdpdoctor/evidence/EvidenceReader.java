package dev.rdpdoctor.evidence;

import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.problem.InputError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the evidence given (a file, a folder, a zip) into the values of a symptom file: each file
 * is told by its content, never its name, read by the reader of its kind, and what all of them say
 * is given meaning by the vocabulary's {@code windows:} sources. A file of no kind read is
 * skipped, saying why; a malformed one is a located error, and the rest are read all the same.
 */
public final class EvidenceReader {

  private static final List<FormatReader> FORMATS = List.of(
      new CollectionNoteReader(),
      new RegistryExportReader(),
      new RegistryQueryReader(),
      new RdpFileReader(),
      new EventXmlReader(),
      new PowerShellJsonReader(),
      new EventCsvReader(),
      new CertificateListReader(),
      new CommandOutputReader());

  /** Who found the values, as a report says it where the user's file says otherwise. */
  public static final String FINDER = "the evidence";

  private static final byte[] EVTX = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

  private final Vocabulary vocabulary;
  private final EvidenceLimits limits;

  public EvidenceReader(Vocabulary vocabulary, EvidenceLimits limits) {
    this.vocabulary = vocabulary;
    this.limits = limits;
  }

  public EvidenceReader(Vocabulary vocabulary) {
    this(vocabulary, EvidenceLimits.DEFAULT);
  }

  /** A file given in memory: the name it was given under (only a name, never a path here), and its bytes. */
  public record Given(String name, byte[] content) {

    public Given {
      java.util.Objects.requireNonNull(name, "name");
      java.util.Objects.requireNonNull(content, "content");
    }
  }

  /** The evidence at {@code path}, named in reports as {@code evidence PATH}. */
  public Evidence read(Path path) {
    return read(path.toString(), (files, visitor) -> files.visit(path, visitor));
  }

  /**
   * The evidence given in memory (files uploaded to a page, a zip sent to the API), named in
   * reports as {@code evidence LABEL}: read as the same files on disk would be, within the same limits.
   */
  public Evidence read(String label, List<Given> given) {
    return read(label, (files, visitor) -> files.visit(given, visitor));
  }

  private Evidence read(String label, java.util.function.BiConsumer<EvidenceFiles, EvidenceFiles.Visitor> walk) {
    List<Observation> observations = new ArrayList<>();
    List<Evidence.ReadFile> read = new ArrayList<>();
    List<Evidence.SkippedFile> skipped = new ArrayList<>();
    List<InputError> problems = new ArrayList<>();
    Set<String> machines = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, String> locations = new HashMap<>();
    EvidenceFiles.Visitor visitor = new EvidenceFiles.Visitor() {
      @Override
      public void file(String name, String location, byte[] content) {
        locations.put(name, location);
        readFile(name, location, content, observations, read, skipped, problems, machines);
      }

      @Override
      public void skipped(String name, String why) {
        skipped.add(new Evidence.SkippedFile(name, why));
      }

      @Override
      public void error(InputError error) {
        problems.add(error);
      }
    };
    walk.accept(new EvidenceFiles(limits), visitor);
    WindowsSources.Found found = WindowsSources.of(vocabulary, observations);
    // a value that cannot be used is said where the user can open the file, as a reader's errors are
    found.warnings().forEach(w -> problems.add(new InputError(locations.getOrDefault(w.file(), w.file()), w.line(), w.column(),
        w.severity(), w.message())));
    ProbedFacts facts = new ProbedFacts("evidence " + label, found.symptoms(), found.reasons(), FINDER);
    return new Evidence(facts, read, skipped, problems, machines);
  }

  /** One file: told by its content, read, or skipped saying why. */
  private void readFile(String name, String location, byte[] content, List<Observation> observations,
      List<Evidence.ReadFile> read, List<Evidence.SkippedFile> skipped, List<InputError> problems, Set<String> machines) {
    if (content.length == 0) {
      skipped.add(new Evidence.SkippedFile(name, "empty"));
      return;
    }
    if (EvidenceFiles.startsWith(content, EVTX)) {
      skipped.add(new Evidence.SkippedFile(name, "an .evtx event log, which is read on Windows only: export its events as XML"
          + " (wevtutil qe LOG /f:RenderedXml > events.xml) or run the collector"));
      return;
    }
    Optional<DecodedText> text = DecodedText.of(content);
    if (text.isEmpty()) {
      skipped.add(new Evidence.SkippedFile(name, "not text (a binary file)"));
      return;
    }
    if (text.get().firstLine().isEmpty()) {
      skipped.add(new Evidence.SkippedFile(name, "blank"));
      return;
    }
    for (FormatReader format : FORMATS) {
      if (format.recognises(text.get())) {
        FileReading reading = new FileReading(name, location, text.get(), limits);
        format.read(reading);
        observations.addAll(reading.observations());
        problems.addAll(reading.errors());
        machines.addAll(reading.machines());
        read.add(new Evidence.ReadFile(name, format.kind(), reading.observations().size()));
        return;
      }
    }
    skipped.add(new Evidence.SkippedFile(name, "not an export rdp-doctor reads (a registry export or reg query, an .rdp file,"
        + " events as XML, CSV or JSON, a certificate listing, or the output of a command the vocabulary names)"));
  }
}
