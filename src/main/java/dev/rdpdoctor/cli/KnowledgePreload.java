package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Starts loading the knowledge base on another core as soon as a {@code diagnose} command line
 * is parsed, so the rules are ready by the time the case file is read. It is only a head start:
 * {@link RulesOption} uses it when the command turns out to want that same knowledge base, and
 * loads its own otherwise.
 */
final class KnowledgePreload {

  private final Consumer<String> notices;
  private Optional<Path> folder;
  private CompletableFuture<KnowledgeBase> loading;
  /** The vocabulary of the rules loading, known before they are assembled. */
  private final CompletableFuture<Vocabulary> vocabulary = new CompletableFuture<>();

  /** @param notices where messages go while the rules load */
  KnowledgePreload(Consumer<String> notices) {
    this.notices = notices;
  }

  /**
   * Gives {@code diagnose} a head start on the rules it will use, as picocli reads them from
   * {@code args}; any other command line gets none.
   */
  void startFor(CommandLine cli, String[] args) {
    wantedBy(cli, args).ifPresent(this::start);
  }

  /**
   * The rules folder a {@code diagnose} command line will use (empty inside: the copy in the jar),
   * read by picocli itself so that every argument order counts; empty for any other command line,
   * one that does not parse, or one that asks for help.
   */
  static Optional<Optional<Path>> wantedBy(CommandLine cli, String[] args) {
    ParseResult parsed;
    try {
      parsed = cli.parseArgs(args);
    } catch (ParameterException e) {
      return Optional.empty();
    }
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.isUsageHelpRequested() || level.isVersionHelpRequested()) {
        return Optional.empty();
      }
      if (level.commandSpec().userObject() instanceof DiagnoseCommand diagnose) {
        return Optional.of(diagnose.rules.folder());
      }
    }
    return Optional.empty();
  }

  private void start(Optional<Path> wanted) {
    folder = wanted;
    loading = CompletableFuture.supplyAsync(() -> {
      CompiledKnowledgeLoader loader = new CompiledKnowledgeLoader(notices).onVocabulary(vocabulary::complete);
      return wanted.map(loader::load).orElseGet(loader::loadBundled);
    }, task -> {
      Thread t = new Thread(task, "rdp-doctor-knowledge-preload");
      t.setDaemon(true);
      t.start();
    });
    loading.whenComplete((knowledge, failed) -> {
      if (failed != null) {
        vocabulary.completeExceptionally(failed);
      } else {
        vocabulary.complete(knowledge.vocabulary());
      }
    });
  }

  /**
   * The vocabulary of the preloaded rules, when they are the ones for {@code wanted}, as soon as it is
   * known: a case can be read with it while the rules are still being assembled. When they fail to
   * load before their vocabulary is known, the failure is thrown here.
   */
  Optional<Vocabulary> takeVocabulary(Optional<Path> wanted) {
    if (loading == null || !Objects.equals(wanted, folder)) {
      return Optional.empty();
    }
    return Optional.of(joined(vocabulary));
  }

  /** The preloaded knowledge base, when it is the one for {@code wanted}; its load errors are thrown here. */
  Optional<KnowledgeBase> take(Optional<Path> wanted) {
    if (loading == null || !Objects.equals(wanted, folder)) {
      return Optional.empty();
    }
    return Optional.of(joined(loading));
  }

  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
