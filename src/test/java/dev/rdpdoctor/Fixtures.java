package dev.rdpdoctor;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.load.KnowledgeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The project's own rules and samples, shared by the tests (the knowledge base loads once). */
public final class Fixtures {

  public static final Path RULES = Path.of("rules");
  public static final Path SAMPLES = Path.of("facts-samples");
  public static final Path INVALID_SAMPLES = SAMPLES.resolve("invalid");

  private static KnowledgeBase knowledge;
  private static Vocabulary vocabulary;

  private Fixtures() {}

  public static synchronized KnowledgeBase knowledge() {
    if (knowledge == null) {
      knowledge = new KnowledgeLoader().load(RULES);
    }
    return knowledge;
  }

  /** The project's vocabulary, read from {@code rules/vocabulary/} (without compiling the rules). */
  public static synchronized Vocabulary vocabulary() {
    if (vocabulary == null) {
      vocabulary = new VocabularyReader().read(RULES.resolve(VocabularyReader.FOLDER), RULES.resolve(VocabularyReader.FOLDER).toString());
    }
    return vocabulary;
  }

  /** A writable copy of the project's rules folder, to break in a test. */
  public static Path copyOfRules(Path into) {
    try (Stream<Path> files = Files.walk(RULES)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = into.resolve(RULES.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
      return into;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
