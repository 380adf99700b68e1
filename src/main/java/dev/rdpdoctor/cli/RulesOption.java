package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.load.KnowledgeLoader;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * {@code --rules DIR}: which knowledge base to use. Without it, the folder the launcher names
 * (the checkout's {@code rules/}), else the copy inside the jar.
 */
final class RulesOption {

  static final String DEFAULT_PROPERTY = "rdpdoctor.rules";

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "Knowledge-base folder to use (default: the checkout's rules/, or the copy in the jar).")
  Path rules;

  private final KnowledgePreload preload;

  RulesOption(CommandContext context) {
    this.preload = context.preload();
  }

  /** The rules folder on disk, when there is one; empty means the copy in the jar. */
  Optional<Path> folder() {
    return rules != null ? Optional.of(rules) : defaultFolder();
  }

  /** The folder the launcher names, when it names one. */
  static Optional<Path> defaultFolder() {
    String launcherDefault = System.getProperty(DEFAULT_PROPERTY);
    return launcherDefault == null || launcherDefault.isBlank()
        ? Optional.empty()
        : Optional.of(relativeToWorkingDir(Path.of(launcherDefault)));
  }

  KnowledgeBase load() {
    KnowledgeLoader loader = new KnowledgeLoader();
    return folder().map(loader::load).orElseGet(loader::loadBundled);
  }

  /**
   * The knowledge base to diagnose with, ready to run: precompiled or cached when it can be,
   * compiled (and then cached) when the folder is new or changed, which it says on {@code err}.
   */
  KnowledgeBase loadCompiled(PrintWriter err) {
    Optional<Path> folder = folder();
    Optional<KnowledgeBase> preloaded = preload.take(folder);
    if (preloaded.isPresent()) {
      return preloaded.get();
    }
    CompiledKnowledgeLoader loader = new CompiledKnowledgeLoader(notices(err));
    return folder.map(loader::load).orElseGet(loader::loadBundled);
  }

  /** Messages for the user while rules load, one line each on {@code err}. */
  static Consumer<String> notices(PrintWriter err) {
    return message -> {
      err.println("rdp-doctor: " + message);
      err.flush();
    };
  }

  Inspection inspect() {
    KnowledgeLoader loader = new KnowledgeLoader();
    return folder().map(loader::inspect).orElseGet(loader::inspectBundled);
  }

  /**
   * The vocabulary of the rules ({@code DIR/vocabulary}, or the jar's copy) and how it is shown.
   *
   * @throws InvalidInputException when {@code --rules} names no folder
   */
  VocabularyFolder vocabularyFolder() {
    Optional<Path> folder = folder();
    if (folder.isPresent() && !Files.isDirectory(folder.get())) {
      throw new InvalidInputException(InputError.error(folder.get().toString(), 1, 1, "not a rules folder (no such directory)"));
    }
    return new VocabularyFolder(folder.orElseGet(KnowledgeLoader::bundledRoot).resolve(VocabularyReader.FOLDER),
        folder.map(Path::toString).orElse(KnowledgeLoader.BUNDLED) + "/" + VocabularyReader.FOLDER);
  }

  /** A vocabulary folder, and the name it is shown under. */
  record VocabularyFolder(Path folder, String shownAs) {}

  /** The samples that go with the rules: {@code facts-samples/} beside the rules folder. */
  Optional<Path> defaultSamples() {
    return folder()
        .map(dir -> dir.toAbsolutePath().normalize().getParent())
        .map(parent -> parent.resolve("facts-samples"))
        .filter(Files::isDirectory)
        .map(RulesOption::relativeToWorkingDir);
  }

  /** The realistic tickets that go with the rules: {@code tickets/} beside the rules folder. */
  Optional<Path> defaultTickets() {
    return folder()
        .map(dir -> dir.toAbsolutePath().normalize().getParent())
        .map(parent -> parent.resolve("tickets"))
        .filter(Files::isDirectory)
        .map(RulesOption::relativeToWorkingDir);
  }

  /** Paths under the working directory are shown relative to it, as a user would type them. */
  private static Path relativeToWorkingDir(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = p.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute) : p;
  }
}
