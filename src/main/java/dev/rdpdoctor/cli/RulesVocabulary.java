package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.vocabulary.BundledFolder;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.probe.ProbeContract;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The vocabulary of a rules folder, and the name its problems are located at: the one a loaded
 * knowledge base carries, or, for a probe that diagnoses nothing, read from the folder's
 * {@code vocabulary/*.yaml} (or the copy in the jar) without loading the rules.
 */
record RulesVocabulary(Vocabulary vocabulary, String shownAs) {

  /** The symptom file that every bundled vocabulary has, by which the jar's copy is found. */
  private static final String ROOT_FILE = "symptom-file.yaml";

  /** The vocabulary a knowledge base was loaded with. */
  static RulesVocabulary of(KnowledgeBase knowledge) {
    return new RulesVocabulary(knowledge.vocabulary(), knowledge.origin() + "/" + VocabularyReader.FOLDER);
  }

  /** @param folder the rules folder; empty for the copy in the jar */
  static RulesVocabulary of(Optional<Path> folder) {
    Path dir = folder.map(f -> f.resolve(VocabularyReader.FOLDER)).orElseGet(RulesVocabulary::bundled);
    String shownAs = folder.map(f -> f.resolve(VocabularyReader.FOLDER).toString())
        .orElse("bundled:rules/" + VocabularyReader.FOLDER);
    return new RulesVocabulary(new VocabularyReader().read(dir, shownAs), shownAs);
  }

  /**
   * Refuses, as invalid input, rules whose vocabulary does not declare what the probe writes, or
   * declares it as another type: the probe's file would not read. One problem per key, each
   * located at the vocabulary.
   */
  RulesVocabulary requireProbeContract() {
    List<String> problems = ProbeContract.problems(vocabulary);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.stream().map(p -> InputError.error(shownAs, 1, 1, p)).toList());
    }
    return this;
  }

  private static Path bundled() {
    return BundledFolder.of("/rules/" + VocabularyReader.FOLDER, ROOT_FILE);
  }
}
