package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.BoundedRun;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.kie.api.KieBase;

/**
 * Loads a knowledge base ready to run, as fast as it can: the bundled rules precompiled at build
 * time when the folder holds exactly them, else the cached compile of the folder, else it
 * compiles the folder (saying so), keeps the result in the cache, and uses it.
 *
 * <p>Every source of compiled rules is checked against the {@link CacheKey} of the folder as it
 * is now, so rules compiled from other files, by another build or for another Drools are never
 * used. A folder the executable model cannot compile still loads, through the plain DRL path.
 */
public final class CompiledKnowledgeLoader {

  /** The bundled rules, precompiled by {@link Precompiler}. */
  static final String BUNDLED_RESOURCE = "/dev/rdpdoctor/knowledge/bundled.rdpkb";

  /**
   * How long assembling compiled rules may take. It runs code from the rules: the executable
   * model evaluates a condition without variables (an {@code eval(...)} of constants) once, as
   * the rules are assembled. The bundled rules assemble in well under a second, 2,000 rules in
   * about three.
   */
  static final Duration ASSEMBLY_LIMIT = Duration.ofSeconds(60);

  private final KnowledgeCache cache;
  private final ToolBuild build;
  private final Consumer<String> notices;
  private final Duration assemblyLimit;
  private Consumer<Vocabulary> vocabularyReady = v -> { };
  private KnowledgeLoader loader;

  /** @param notices receives one-line messages for the user (compiling, a damaged cache entry) */
  CompiledKnowledgeLoader(KnowledgeCache cache, ToolBuild build, Consumer<String> notices) {
    this(cache, build, notices, ASSEMBLY_LIMIT);
  }

  CompiledKnowledgeLoader(KnowledgeCache cache, ToolBuild build, Consumer<String> notices, Duration assemblyLimit) {
    this.cache = cache;
    this.build = build;
    this.notices = notices;
    this.assemblyLimit = assemblyLimit;
  }

  public CompiledKnowledgeLoader(Consumer<String> notices) {
    this(KnowledgeCache.standard(), ToolBuild.current(), notices);
  }

  /**
   * Tells {@code ready} the vocabulary of the rules as soon as it is known to be theirs, before the
   * rules are assembled (the longer part), so that a case can be read meanwhile. It is not told when
   * the rules load through the plain DRL path, whose vocabulary comes with the knowledge base.
   */
  public CompiledKnowledgeLoader onVocabulary(Consumer<Vocabulary> ready) {
    this.vocabularyReady = ready;
    return this;
  }

  /** A rules folder on disk, shown to the user as given. */
  public KnowledgeBase load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(InputError.error(dir.toString(), 1, 1, "not a rules folder (no such directory)"));
    }
    return load(RuleFiles.read(dir), dir.toString(), true);
  }

  /** The copy of {@code rules/} the jar carries. */
  public KnowledgeBase loadBundled() {
    return load(RuleFiles.read(KnowledgeLoader.bundledRoot()), KnowledgeLoader.BUNDLED, false);
  }

  private KnowledgeBase load(RuleFiles files, String shownAs, boolean cacheable) {
    if (!build.identified()) {
      return loader().load(files, shownAs);
    }
    Optional<CompiledKnowledge> bundled = bundled().filter(b -> b.compiledFrom(files, build));
    if (bundled.isPresent()) {
      vocabularyReady.accept(bundled.get().vocabulary());
      try {
        return assemble(bundled.get(), shownAs, CompiledKnowledgeLoader.class.getClassLoader(), assemblyLimit);
      } catch (InvalidInputException e) {
        throw e;
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        notices.accept("the precompiled bundled rules cannot be used (" + e + "); compiling them");
        return loader().load(files, shownAs);
      }
    }
    if (!cacheable) {
      return loader().load(files, shownAs);
    }
    CacheKey key = CacheKey.of(files, build);
    Optional<CompiledKnowledge> cached = cache.find(key, notices);
    if (cached.isPresent()) {
      vocabularyReady.accept(cached.get().vocabulary());
      try {
        return assemble(cached.get(), shownAs, new ModelClassLoader(cached.get().classFiles(), getClass().getClassLoader()),
            assemblyLimit);
      } catch (InvalidInputException e) {
        throw e;
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        cache.discard(key, e.toString(), notices);
      }
    }
    return compile(files, shownAs, key);
  }

  private KnowledgeBase compile(RuleFiles files, String shownAs, CacheKey key) {
    Inspection inspection = loader().inspect(files, shownAs, KnowledgeLoader.Mode.INDEX);
    if (!inspection.errors().isEmpty()) {
      throw new InvalidInputException(inspection.errors());
    }
    vocabularyReady.accept(inspection.vocabulary().orElseThrow());
    notices.accept("compiling the rules in " + shownAs
        + " (new or changed since they were last compiled; this takes a few seconds, once)");
    ModelCompiler.Compiled compiled = new ModelCompiler().compile(files.drl(), inspection.vocabulary().orElseThrow());
    if (!compiled.succeeded()) {
      KnowledgeBase drl = loader().load(files, shownAs); // reports the errors, located, if there are any
      notices.accept(shownAs + " cannot be precompiled (" + compiled.problems().get(0)
          + "); using the plain DRL compile, which starts slower");
      return drl;
    }
    CompiledKnowledge k = new CompiledKnowledge(key, build.keyText(), Map.of(), compiled.modelClasses(), compiled.classFiles(),
        relativeRules(inspection.rules(), shownAs), List.copyOf(inspection.causes().values()),
        List.copyOf(inspection.sources().values()), inspection.questions(), inspection.codes(),
        inspection.vocabulary().orElseThrow());
    KnowledgeBase knowledge;
    try {
      knowledge = assemble(k, shownAs, new ModelClassLoader(k.classFiles(), getClass().getClassLoader()), assemblyLimit);
    } catch (InvalidInputException e) {
      throw e;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      notices.accept(shownAs + " cannot be precompiled (" + e + "); using the plain DRL compile, which starts slower");
      return loader().load(files, shownAs);
    }
    cache.store(k, notices);
    return knowledge;
  }

  /** The plain DRL loader, made when needed: it reads YAML, which takes time to set up. */
  private KnowledgeLoader loader() {
    if (loader == null) {
      loader = new KnowledgeLoader();
    }
    return loader;
  }

  /** The index of a compile, with files relative to the rules folder. */
  static List<RuleInfo> relativeRules(List<RuleInfo> rules, String shownAs) {
    String prefix = shownAs + "/";
    return rules.stream()
        .map(r -> new RuleInfo(r.key(), r.id(), r.idDeclared(), r.name(),
            r.file().startsWith(prefix) ? r.file().substring(prefix.length()) : r.file(), r.line(),
            r.cause(), r.cf(), r.sources(), r.patterns(), r.consequence(), r.consequenceLine()))
        .toList();
  }

  /** @throws InvalidInputException when the rules do not finish assembling, naming the rule when it is known */
  static KnowledgeBase assemble(CompiledKnowledge k, String shownAs, ClassLoader classes, Duration limit)
      throws ReflectiveOperationException {
    List<RuleInfo> ruleList = k.rulesShownAs(shownAs);
    KieBase kieBase = assembleWithin(limit, k.modelClasses(), classes, ruleList, shownAs);
    Map<String, RuleInfo> rules = new LinkedHashMap<>();
    ruleList.forEach(r -> rules.put(r.key(), r));
    Map<String, Cause> causes = new LinkedHashMap<>();
    k.causes().forEach(c -> causes.put(c.id(), c));
    Map<String, Source> sources = new LinkedHashMap<>();
    k.sources().forEach(s -> sources.put(s.id(), s));
    return new KnowledgeBase(shownAs, kieBase, rules, causes, sources, k.questions(), k.codes(), k.vocabulary());
  }

  private static KieBase assembleWithin(
      Duration limit, List<String> modelClasses, ClassLoader classes, List<RuleInfo> rules, String shownAs)
      throws ReflectiveOperationException {
    try {
      return BoundedRun.run(() -> ModelKieBase.assemble(modelClasses, classes), BoundedRun.Limits.time(limit), () -> { });
    } catch (BoundedRun.OverLimit e) {
      String within = limit.toSeconds() + " s";
      String after = e.stopped() ? "" : "; it could not be stopped on this Java and runs on until the program ends";
      throw new InvalidInputException(RulesInStack.innermost(e.stack(), rules)
          .map(rule -> InputError.error(rule.file(), rule.line(), 1, "rule '" + rule.name()
              + "' did not finish loading within " + within + ": a condition evaluated once as the rules load"
              + " (an eval(...) without variables) may never end" + after))
          .orElseGet(() -> InputError.error(shownAs, 1, 1, "the rules did not finish loading within " + within
              + ": a condition evaluated once as the rules load (an eval(...) without variables) may never end" + after)));
    } catch (ReflectiveOperationException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("assembling the rules failed: " + e, e);
    }
  }

  /** The bundled rules' compiled form, when this build carries one. */
  private Optional<CompiledKnowledge> bundled() {
    try {
      return readBundled();
    } catch (IOException e) {
      notices.accept("the precompiled bundled rules cannot be used (" + e.getMessage() + "); compiling instead");
      return Optional.empty();
    }
  }

  /**
   * The bundled rules' catalogs, vocabulary and rule index as precompiled at build time, without the rules
   * themselves (no rule engine class is loaded): for evaluating the rules some other way, as the
   * benchmark's floor does. Empty when this build carries no precompiled rules.
   */
  public static Optional<KnowledgeBase> bundledCatalogs() throws IOException {
    return readBundled().map(k -> {
      Map<String, RuleInfo> rules = new LinkedHashMap<>();
      k.rules().forEach(r -> rules.put(r.key(), r));
      Map<String, Cause> causes = new LinkedHashMap<>();
      k.causes().forEach(c -> causes.put(c.id(), c));
      Map<String, Source> sources = new LinkedHashMap<>();
      k.sources().forEach(s -> sources.put(s.id(), s));
      return new KnowledgeBase(KnowledgeLoader.BUNDLED, null, rules, causes, sources, k.questions(), k.codes(),
          k.vocabulary());
    });
  }

  /** The bundled rules as precompiled at build time, when this build carries them. */
  static Optional<CompiledKnowledge> readBundled() throws IOException {
    try (InputStream in = CompiledKnowledgeLoader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(CompiledKnowledgeFormat.read(in.readAllBytes()));
    }
  }
}
