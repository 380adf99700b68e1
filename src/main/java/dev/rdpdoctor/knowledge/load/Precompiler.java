package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.problem.InputError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Build step: identifies this build of the tool and precompiles the bundled rules into the
 * executable model, next to the tool's classes, so the jar starts without compiling DRL.
 *
 * <p>Usage: {@code Precompiler RULES_DIR CLASSES_DIR VERSION BUILD_FILE}. It writes
 * {@value ToolBuild#RESOURCE} (the version, a hash of the tool's classes and the build file, the
 * commit the sources are checked out at and the time of the build),
 * the generated classes, {@value CompiledKnowledgeLoader#BUNDLED_RESOURCE} and the checked vocabulary
 * with the files it was read from ({@value BundledVocabulary#RESOURCE}). When the rules
 * cannot be precompiled it says why and the tool falls back to compiling the DRL at start.
 */
public final class Precompiler {

  private Precompiler() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: Precompiler RULES_DIR CLASSES_DIR VERSION BUILD_FILE");
      System.exit(2);
    }
    Path rules = Path.of(args[0]);
    Path classes = Path.of(args[1]);
    String id = buildId(classes, Path.of(args[3]));
    Path buildFile = classes.resolve(ToolBuild.RESOURCE.substring(1));
    Files.createDirectories(buildFile.getParent());
    Optional<String> commit = commitOf(Path.of(args[3]).toAbsolutePath().getParent());
    Files.writeString(buildFile, "version=" + args[2] + "\nid=" + id + "\n"
        + commit.map(c -> "commit=" + c + "\n").orElse("")
        + "built=" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n", StandardCharsets.UTF_8);
    ToolBuild build = new ToolBuild(args[2], Optional.of(id), ToolBuild.current().droolsVersion());

    RuleFiles files = RuleFiles.read(rules);
    CacheKey key = CacheKey.of(files, build);
    Path artifact = classes.resolve(CompiledKnowledgeLoader.BUNDLED_RESOURCE.substring(1));
    if (upToDate(artifact, key, classes)) {
      System.out.println("rdp-doctor: the bundled rules are already precompiled");
      return;
    }
    Path vocabulary = classes.resolve(BundledVocabulary.RESOURCE.substring(1));
    Files.deleteIfExists(artifact);
    Files.deleteIfExists(vocabulary);
    Inspection inspection = new KnowledgeLoader().inspect(files, KnowledgeLoader.BUNDLED, KnowledgeLoader.Mode.INDEX);
    if (!inspection.errors().isEmpty()) {
      InputError.print(inspection.errors(), new PrintWriter(System.err, true));
      System.err.println("rdp-doctor: the bundled rules have errors; they are not precompiled");
      return;
    }
    long start = System.nanoTime();
    ModelCompiler.Compiled compiled = new ModelCompiler().compile(files.drl(), inspection.vocabulary().orElseThrow());
    if (!compiled.succeeded()) {
      compiled.problems().forEach(p -> System.err.println("rdp-doctor: " + p));
      System.err.println("rdp-doctor: WARNING: the bundled rules cannot be precompiled; the tool will compile them at every start");
      return;
    }
    deleteFactClasses(classes); // a type the vocabulary no longer declares leaves no class behind
    for (Map.Entry<String, byte[]> c : compiled.classFiles().entrySet()) {
      Path file = classes.resolve(c.getKey().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, c.getValue());
    }
    CompiledKnowledge k = new CompiledKnowledge(key, build.keyText(), files.all(), compiled.modelClasses(), Map.of(),
        CompiledKnowledgeLoader.relativeRules(inspection.rules(), KnowledgeLoader.BUNDLED),
        List.copyOf(inspection.causes().values()), List.copyOf(inspection.sources().values()),
        inspection.questions(), inspection.codes(), inspection.vocabulary().orElseThrow());
    Files.write(artifact, CompiledKnowledgeFormat.write(k));
    Files.write(vocabulary, BundledVocabulary.write(files.vocabulary(), k.vocabulary()));
    System.out.printf("rdp-doctor: precompiled %d rules into %d classes in %.1f s%n",
        inspection.rules().size(), compiled.classFiles().size(), (System.nanoTime() - start) / 1e9);
  }

  /** The fact types a previous build declared ({@code facts/*.class}): that package holds only generated classes. */
  private static void deleteFactClasses(Path classes) throws IOException {
    Path facts = classes.resolve(KnowledgeBase.FACT_PACKAGE);
    if (!Files.isDirectory(facts)) {
      return;
    }
    try (Stream<Path> files = Files.list(facts)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".class")).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * The commit the project folder is checked out at, with {@code -dirty} when its tracked files
   * have changes; empty when it is not a git checkout of its own (a source archive, even one
   * unpacked inside another checkout) or git is not installed.
   */
  static Optional<String> commitOf(Path projectDir) {
    try {
      Optional<Git> top = git(projectDir, "rev-parse", "--show-toplevel");
      if (top.isEmpty() || top.get().exit() != 0 || !Files.isSameFile(Path.of(top.get().out()), projectDir)) {
        return Optional.empty();
      }
      Optional<Git> commit = git(projectDir, "rev-parse", "--short=12", "HEAD");
      Optional<Git> changed = git(projectDir, "diff", "--quiet", "HEAD", "--");
      return commit.filter(c -> c.exit() == 0)
          .map(c -> c.out() + (changed.filter(d -> d.exit() == 1).isPresent() ? "-dirty" : ""));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** How a git command ended, and the first line it printed. */
  private record Git(int exit, String out) {}

  /** Runs git, when it is installed, for at most ten seconds; its output is a line or none. */
  private static Optional<Git> git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return Optional.empty(); // no git
    }
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return Optional.empty();
    }
    String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).lines().findFirst().orElse("");
    return Optional.of(new Git(p.exitValue(), out.strip()));
  }

  /** A hash of the tool's own classes and the build file: it changes with any change to either. */
  static String buildId(Path classes, Path buildFile) throws IOException {
    MessageDigest sha = CacheKey.sha256();
    Path own = classes.resolve("dev/rdpdoctor");
    List<Path> files;
    try (Stream<Path> all = Files.walk(own)) {
      files = all.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path p : files) {
      sha.update(own.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(p));
    }
    sha.update(Files.readAllBytes(buildFile));
    return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
  }

  private static boolean upToDate(Path artifact, CacheKey key, Path classes) {
    if (!Files.isRegularFile(artifact)) {
      return false;
    }
    try {
      CompiledKnowledge k = CompiledKnowledgeFormat.read(Files.readAllBytes(artifact));
      return k.key().equals(key)
          && Files.isRegularFile(classes.resolve(BundledVocabulary.RESOURCE.substring(1)))
          && k.modelClasses().stream().allMatch(m -> Files.isRegularFile(classes.resolve(m.replace('.', '/') + ".class")));
    } catch (IOException e) {
      return false;
    }
  }
}
