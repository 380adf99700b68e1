package dev.rdpdoctor.cli;

import dev.rdpdoctor.knowledge.CompiledKnowledgeLoader;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Starts loading the knowledge base on another core as soon as a {@code diagnose} command line
 * is seen, so the rules are ready by the time the command line is parsed and the
 * case file read. It is only a head start: {@link RulesOption} uses it when the command turns
 * out to want that same knowledge base, and loads its own otherwise.
 */
final class KnowledgePreload {

  /** The head start of the command line running on this thread. */
  private static final ThreadLocal<KnowledgePreload> CURRENT = new ThreadLocal<>();

  private final Optional<Path> folder;
  private final CompletableFuture<KnowledgeBase> loading;

  private KnowledgePreload(Optional<Path> folder, Consumer<String> notices) {
    this.folder = folder;
    this.loading = CompletableFuture.supplyAsync(() -> {
      CompiledKnowledgeLoader loader = new CompiledKnowledgeLoader(notices);
      return folder.map(loader::load).orElseGet(loader::loadBundled);
    }, task -> {
      Thread t = new Thread(task, "rdp-doctor-knowledge-preload");
      t.setDaemon(true);
      t.start();
    });
  }

  /**
   * Gives {@code diagnose} with the default rules a head start, for the command line about to
   * run on this thread; any other command line gets none.
   */
  static void startFor(String[] args, PrintWriter err) {
    if (args.length > 0 && args[0].equals("diagnose")) {
      CURRENT.set(new KnowledgePreload(rulesFolder(args), RulesOption.notices(err)));
    } else {
      CURRENT.remove();
    }
  }

  /** The folder {@code --rules} names, as picocli will read it, else the default. */
  private static Optional<Path> rulesFolder(String[] args) {
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals("--rules") && i + 1 < args.length) {
        return Optional.of(Path.of(args[i + 1]));
      }
      if (args[i].startsWith("--rules=")) {
        return Optional.of(Path.of(args[i].substring("--rules=".length())));
      }
    }
    return RulesOption.defaultFolder();
  }

  /** Forgets the head start once the command line has run. */
  static void finish() {
    CURRENT.remove();
  }

  static Optional<KnowledgePreload> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The preloaded knowledge base, when it is the one for {@code wanted}; its load errors are thrown here. */
  Optional<KnowledgeBase> take(Optional<Path> wanted) {
    if (!Objects.equals(wanted, folder)) {
      return Optional.empty();
    }
    try {
      return Optional.of(loading.join());
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
