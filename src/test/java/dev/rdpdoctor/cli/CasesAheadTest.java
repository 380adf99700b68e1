package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples read while the rules compile are taken as read only when the rules read them the same way. */
class CasesAheadTest {

  private final AtomicInteger reads = new AtomicInteger();
  private final BiFunction<Path, CaseFileReader, CaseFile> counting = (file, reader) -> {
    reads.incrementAndGet();
    return reader.read(file);
  };

  @Test
  void aFileReadAheadWithTheRulesVocabularyIsNotReadAgain() {
    Path sample = Fixtures.SAMPLES.resolve("cert-expired.yaml");
    CasesAhead ahead = CasesAhead.start(Optional.empty(), List.of(sample), counting);

    Function<Path, CaseFile> read = ahead.reader(Fixtures.vocabulary());

    assertThat(read.apply(sample).title()).hasValueSatisfying(t -> assertThat(t).contains("FS01"));
    assertThat(reads).hasValue(1);
  }

  @Test
  void whenTheVocabularyCouldNotBeReadAheadEachFileIsReadWithTheRules(@TempDir Path dir) {
    Path sample = Fixtures.SAMPLES.resolve("cert-expired.yaml");
    CasesAhead ahead = CasesAhead.start(Optional.of(dir.resolve("no-such-rules")), List.of(sample), counting);

    Function<Path, CaseFile> read = ahead.reader(Fixtures.vocabulary());

    assertThat(read.apply(sample).title()).isPresent();
    assertThat(reads).as("the read ahead had no vocabulary to read with; the file is read once, now").hasValue(1);
  }

  @Test
  void aFileThatDoesNotReadSaysSoInItsTurnWithItsLocatedErrors(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "title: t\nerror:\n  afects: everyone\n");
    CasesAhead ahead = CasesAhead.start(Optional.empty(), List.of(broken), counting);

    Function<Path, CaseFile> read = ahead.reader(Fixtures.vocabulary());

    assertThatThrownBy(() -> read.apply(broken)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement()
            .satisfies(error -> assertThat(error.format()).startsWith(broken + ":3:3: error: unknown key 'afects'")));
    assertThatThrownBy(() -> read.apply(broken)).as("every time it is asked for").isInstanceOf(InvalidInputException.class);
    assertThat(reads).hasValue(1);
  }
}
