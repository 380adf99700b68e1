package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The symptom files that go with a rules folder (its samples, its tickets), read on another core
 * while the rules compile, with the folder's vocabulary read on its own. Once the rules are in,
 * a file is taken as it was read when the rules' vocabulary is the one it was read with, and read
 * again with theirs when it is not (or when the vocabulary could not be read ahead: the rules'
 * own reading says what is wrong with it). What is wrong with a file is said in its turn, as if
 * it were read then.
 */
final class CasesAhead {

  /** A file read: its case, or what is wrong with it. */
  private record Outcome(CaseFile caseFile, InvalidInputException problem) {}

  private record Ahead(Vocabulary vocabulary, Map<Path, Outcome> read) {}

  private final CompletableFuture<Optional<Ahead>> ahead;
  private final BiFunction<Path, CaseFileReader, CaseFile> read;

  private CasesAhead(CompletableFuture<Optional<Ahead>> ahead, BiFunction<Path, CaseFileReader, CaseFile> read) {
    this.ahead = ahead;
    this.read = read;
  }

  /**
   * Starts reading {@code files} with the vocabulary of {@code rulesFolder} (the jar's copy when
   * empty), each as {@code read} reads it.
   */
  static CasesAhead start(Optional<Path> rulesFolder, List<Path> files, BiFunction<Path, CaseFileReader, CaseFile> read) {
    return new CasesAhead(CompletableFuture.supplyAsync(() -> {
      try {
        Vocabulary vocabulary = RulesVocabulary.of(rulesFolder).vocabulary();
        CaseFileReader reader = new CaseFileReader(vocabulary, Clock.systemDefaultZone());
        Map<Path, Outcome> out = new HashMap<>();
        for (Path file : files) {
          try {
            out.put(file, new Outcome(read.apply(file, reader), null));
          } catch (InvalidInputException e) {
            out.put(file, new Outcome(null, e));
          }
        }
        return Optional.of(new Ahead(vocabulary, out));
      } catch (RuntimeException | StackOverflowError e) {
        return Optional.empty();
      }
    }), read);
  }

  /**
   * How a file is read now that the rules, with {@code vocabulary}, are in: safe to call from
   * several threads.
   *
   * @throws InvalidInputException from the function, for a file that does not read
   */
  Function<Path, CaseFile> reader(Vocabulary vocabulary) {
    Optional<Ahead> done = ahead.join().filter(a -> a.vocabulary().equals(vocabulary));
    ThreadLocal<CaseFileReader> readers =
        ThreadLocal.withInitial(() -> new CaseFileReader(vocabulary, Clock.systemDefaultZone()));
    return file -> {
      Outcome outcome = done.map(a -> a.read().get(file)).orElse(null);
      if (outcome == null) {
        return read.apply(file, readers.get());
      }
      if (outcome.problem() != null) {
        throw new InvalidInputException(outcome.problem().errors());
      }
      return outcome.caseFile();
    };
  }
}
