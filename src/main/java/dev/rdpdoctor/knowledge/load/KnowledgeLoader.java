package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.vocabulary.BundledFolder;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyLocator;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.CauseCatalog;
import dev.rdpdoctor.knowledge.CodeCatalog;
import dev.rdpdoctor.knowledge.CodeMeaning;
import dev.rdpdoctor.knowledge.DeclaredType;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.QuestionCatalog;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.knowledge.SourceCatalog;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.ReadLimits;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.StrictYamlReader;
import dev.rdpdoctor.yaml.Suggestions;
import dev.rdpdoctor.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kie.api.KieBase;

/**
 * Loads a knowledge-base folder: {@code sources.yaml}, {@code causes.yaml}, the vocabulary
 * ({@code vocabulary/*.yaml}) and every {@code *.drl} below it. Anything wrong is reported,
 * located, as invalid input.
 */
public final class KnowledgeLoader {

  public static final String SOURCES = "sources.yaml";
  public static final String CAUSES = "causes.yaml";
  public static final String QUESTIONS = "questions.yaml";
  public static final String CODES = "codes.yaml";

  /**
   * The most rules a knowledge base may hold: the bundled one has 214, and compiling takes time
   * and memory in proportion (2,000 rules compile in about a minute on a busy 2-core machine).
   */
  public static final int MAX_RULES = 2_000;

  /** How the bundled copy of {@code rules/} is shown to the user. */
  public static final String BUNDLED = "bundled:rules";

  /** How far {@link #inspect(RuleFiles, String, Mode)} goes with the DRL. */
  enum Mode {
    /** Compile even when the metadata is wrong, so every error is found in one go. */
    CHECK,
    /** Compile and assemble the rules for use, when nothing else is wrong. */
    LOAD,
    /** Read and check everything but leave the DRL uncompiled. */
    INDEX
  }

  private final StrictYamlReader yaml = new StrictYamlReader(ReadLimits.KNOWLEDGE_FILE);
  private final VocabularyReader vocabularyReader = new VocabularyReader();

  /** The copy of {@code rules/} the jar carries. */
  public KnowledgeBase loadBundled() {
    return load(RuleFiles.read(bundledRoot()), BUNDLED);
  }

  /** {@link #inspect(Path)} for the copy of {@code rules/} the jar carries. */
  public Inspection inspectBundled() {
    return inspect(RuleFiles.read(bundledRoot()), BUNDLED, Mode.CHECK);
  }

  /** A folder on disk, shown to the user as given. */
  public KnowledgeBase load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(InputError.error(dir.toString(), 1, 1, "not a rules folder (no such directory)"));
    }
    return load(RuleFiles.read(dir), dir.toString());
  }

  KnowledgeBase load(RuleFiles files, String shownAs) {
    Inspection inspection = inspect(files, shownAs, Mode.LOAD);
    if (!inspection.errors().isEmpty()) {
      throw new InvalidInputException(inspection.errors());
    }
    return knowledgeBase(inspection, inspection.kieBase().orElseThrow());
  }

  /** The knowledge base of an inspection without errors, with rules compiled elsewhere. */
  static KnowledgeBase knowledgeBase(Inspection inspection, KieBase kieBase) {
    Map<String, RuleInfo> rules = new HashMap<>();
    inspection.rules().forEach(r -> rules.put(r.key(), r));
    return new KnowledgeBase(inspection.origin(), kieBase, rules,
        inspection.causes(), inspection.sources(),
        inspection.questions(), inspection.codes(), inspection.vocabulary().orElseThrow());
  }

  /** Everything wrong with a rules folder, every error at once; for {@code rules check}. */
  public Inspection inspect(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(InputError.error(dir.toString(), 1, 1, "not a rules folder (no such directory)"));
    }
    return inspect(RuleFiles.read(dir), dir.toString(), Mode.CHECK);
  }

  /** Reads the catalogs and the DRL, checks what loading needs, and compiles as {@code mode} says. */
  Inspection inspect(RuleFiles files, String shownAs, Mode mode) {
    List<InputError> errors = new ArrayList<>();
    Optional<YamlDocument<SourceCatalog>> sources = readCatalog(files, shownAs, SOURCES, SourceCatalog.class, errors);
    Optional<YamlDocument<CauseCatalog>> causes = readCatalog(files, shownAs, CAUSES, CauseCatalog.class, errors);
    Map<String, Source> sourceById = new LinkedHashMap<>();
    sources.ifPresent(doc -> {
      List<Source> list = doc.value().sources();
      for (int i = 0; i < list.size(); i++) {
        Source s = list.get(i);
        if (sourceById.putIfAbsent(s.id(), s) != null) {
          errors.add(doc.sourceMap().errorAt("sources[" + i + "].id", "duplicate source id '" + s.id() + "'"));
        }
      }
    });
    Map<String, Cause> causeById = new LinkedHashMap<>();
    causes.ifPresent(doc -> checkCauses(doc, sources.isPresent() ? sourceById : null, causeById, errors));
    Optional<YamlDocument<QuestionCatalog>> questions = files.catalog(QUESTIONS).isPresent()
        ? readCatalog(files, shownAs, QUESTIONS, QuestionCatalog.class, errors)
        : Optional.empty();
    Optional<YamlDocument<CodeCatalog>> codes = files.catalog(CODES).isPresent()
        ? readCatalog(files, shownAs, CODES, CodeCatalog.class, errors)
        : Optional.empty();
    codes.ifPresent(doc -> {
      List<CodeMeaning> list = doc.value().codes();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        CodeMeaning c = list.get(i);
        if (!seen.add(c.kind() + ":" + c.code())) {
          errors.add(doc.sourceMap().errorAt("codes[" + i + "].code", "code " + c.code() + " is listed twice"));
        }
        unknownSources(doc.sourceMap(), "codes[" + i + "].sources", c.sources(), sources.isPresent() ? sourceById : null, errors);
      }
    });
    Optional<Vocabulary> vocabulary = readVocabulary(files, shownAs, errors);

    Map<String, String> drl = new LinkedHashMap<>();
    files.drl().forEach((path, text) -> drl.put(shownAs + "/" + path, text));
    if (drl.isEmpty()) {
      errors.add(InputError.error(shownAs, 1, 1, "no .drl rule files in the rules folder"));
    }
    DrlIndexer indexer = new DrlIndexer();
    List<RuleInfo> rules = new ArrayList<>();
    List<DeclaredType> declared = new ArrayList<>();
    Map<String, RuleInfo> byId = new HashMap<>();
    boolean parsed = true;
    for (Map.Entry<String, String> e : drl.entrySet()) {
      DrlIndexer.Indexed indexed = indexer.index(e.getKey(), e.getValue());
      errors.addAll(indexed.errors());
      parsed &= indexed.errors().isEmpty();
      declared.addAll(indexed.declared());
      for (RuleInfo rule : indexed.rules()) {
        checkRule(rule, causes.isPresent() ? causeById : null, sources.isPresent() ? sourceById : null, byId, errors);
        rules.add(rule);
      }
    }
    if (rules.size() > MAX_RULES) {
      RuleInfo first = rules.get(MAX_RULES);
      errors.add(InputError.error(first.file(), first.line(), 1, String.format(Locale.ROOT,
          "the rules folder holds %,d rules, more than the %,d a knowledge base may hold (this is rule %,d);"
              + " is it the right folder?", rules.size(), MAX_RULES, MAX_RULES + 1)));
      parsed = false;
    }
    Optional<KieBase> kieBase = Optional.empty();
    // without a vocabulary the rules have no facts to read: every file would fail on its imports,
    // burying the vocabulary's own errors, which come first
    boolean compile = vocabulary.isPresent() && (mode == Mode.LOAD ? errors.isEmpty() : mode == Mode.CHECK && parsed);
    if (!drl.isEmpty() && compile) {
      Map<String, Map<Integer, Integer>> thenLines = new HashMap<>();
      rules.forEach(r -> thenLines.computeIfAbsent(r.file(), f -> new HashMap<>()).put(r.line(), r.consequenceLine()));
      // the fact types first, then the rules that read them
      Optional<RuleCompiler.Declarations> declarations = vocabulary.map(v ->
          new RuleCompiler.Declarations(DeclaredTypes.drl(v), shownAs + "/" + VocabularyReader.FOLDER));
      RuleCompiler.Compiled compiled = new RuleCompiler().compile(declarations, drl, thenLines, mode == Mode.LOAD);
      errors.addAll(compiled.errors());
      kieBase = Optional.ofNullable(compiled.kieBase());
    }
    Optional<VocabularyLocator> locator = files.vocabulary().isEmpty() ? Optional.empty()
        : Optional.of(new VocabularyLocator(files.vocabulary(), shownAs + "/" + VocabularyReader.FOLDER));
    return new Inspection(shownAs, sources, causes, questions, codes, vocabulary, sourceById, causeById, rules, declared,
        drl, errors, kieBase, locator);
  }

  /**
   * The vocabulary, checked, with the keys the tool itself reads ({@link CoreKeys}); empty when it
   * cannot be read. A folder without one is an error: every symptom-file key is declared there.
   * Files that are byte for byte the bundled ones are not read again ({@link BundledVocabulary}).
   */
  private Optional<Vocabulary> readVocabulary(RuleFiles files, String shownAs, List<InputError> errors) {
    String shown = shownAs + "/" + VocabularyReader.FOLDER;
    Map<String, byte[]> vocabularyFiles = files.vocabulary();
    if (vocabularyFiles.isEmpty()) {
      errors.add(InputError.error(shown, 1, 1, "missing: a rules folder needs " + VocabularyReader.FOLDER
          + "/, the symptom-file keys in *.yaml (start from a copy of the bundled rules/" + VocabularyReader.FOLDER + "/)"));
      return Optional.empty();
    }
    Optional<Vocabulary> bundled = BundledVocabulary.of(vocabularyFiles);
    if (bundled.isPresent()) {
      return bundled; // the files the build read and checked, core keys included
    }
    try {
      Vocabulary vocabulary = vocabularyReader.read(vocabularyFiles, shown);
      errors.addAll(CoreKeys.check(vocabulary, vocabularyFiles, shown));
      return Optional.of(vocabulary);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
      return Optional.empty();
    }
  }

  /** @param sourceById null when sources.yaml could not be read: citations are not checked */
  private static void checkCauses(
      YamlDocument<CauseCatalog> causes,
      Map<String, Source> sourceById,
      Map<String, Cause> causeById,
      List<InputError> errors) {
    SourceMap map = causes.sourceMap();
    List<Cause> list = causes.value().causes();
    for (int i = 0; i < list.size(); i++) {
      Cause c = list.get(i);
      String at = "causes[" + i + "]";
      if (causeById.putIfAbsent(c.id(), c) != null) {
        errors.add(map.errorAt(at + ".id", "duplicate cause id '" + c.id() + "'"));
      }
      unknownSources(map, at + ".sources", c.sources(), sourceById, errors);
      Map<String, Fix> fixIds = new HashMap<>();
      for (int j = 0; j < c.fixes().size(); j++) {
        Fix f = c.fixes().get(j);
        String fixAt = at + ".fixes[" + j + "]";
        if (fixIds.putIfAbsent(f.id(), f) != null) {
          errors.add(map.errorAt(fixAt + ".id", "duplicate fix id '" + f.id() + "' in cause '" + c.id() + "'"));
        }
        unknownSources(map, fixAt + ".sources", f.sources(), sourceById, errors);
      }
    }
  }

  private static void unknownSources(
      SourceMap map, String at, List<String> cited, Map<String, Source> known, List<InputError> errors) {
    if (known == null) {
      return;
    }
    for (int k = 0; k < cited.size(); k++) {
      if (!known.containsKey(cited.get(k))) {
        errors.add(map.errorAt(at + "[" + k + "]", "unknown source '" + cited.get(k) + "': not in " + SOURCES
            + didYouMean(cited.get(k), known.keySet())));
      }
    }
  }

  private static void checkRule(
      RuleInfo rule,
      Map<String, Cause> causes,
      Map<String, Source> sources,
      Map<String, RuleInfo> byId,
      List<InputError> errors) {
    String name = "rule '" + rule.name() + "'";
    RuleInfo twin = byId.putIfAbsent(rule.id(), rule);
    if (twin != null) {
      errors.add(error(rule, name + ": duplicate @id(\"" + rule.id() + "\"), also used at " + twin.location()));
    }
    if (rule.cause().isPresent()) {
      String cause = rule.cause().get();
      if (causes != null && !causes.containsKey(cause)) {
        String hint = Suggestions.closest(cause, causes.keySet())
            .map(s -> " did you mean '" + s + "'?").orElse("");
        errors.add(error(rule, name + ": @cause(\"" + cause + "\") is not in " + CAUSES + ";" + hint));
      }
      if (rule.cf().isEmpty()) {
        errors.add(error(rule, name + ": a rule with @cause needs @cf(...), its certainty factor in [-1, 1]"));
      }
    }
    rule.cf().filter(cf -> cf < -1 || cf > 1 || cf.isNaN())
        .ifPresent(cf -> errors.add(error(rule, name + ": @cf(" + cf + ") is outside [-1, 1]")));
    for (String s : sources == null ? List.<String>of() : rule.sources()) {
      if (!sources.containsKey(s)) {
        errors.add(error(rule, name + ": @sources cites '" + s + "', which is not in " + SOURCES + didYouMean(s, sources.keySet())));
      }
    }
  }

  /** {@code "; did you mean 'x'?"} when one of {@code known} is close to {@code id}, else nothing. */
  private static String didYouMean(String id, Collection<String> known) {
    return Suggestions.closest(id, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  private static InputError error(RuleInfo rule, String message) {
    return InputError.error(rule.file(), rule.line(), 1, message);
  }

  private <T> Optional<YamlDocument<T>> readCatalog(
      RuleFiles files, String shownAs, String name, Class<T> type, List<InputError> errors) {
    String shown = shownAs + "/" + name;
    Optional<byte[]> bytes = files.catalog(name);
    if (bytes.isEmpty()) {
      errors.add(InputError.error(shown, 1, 1, "missing: a rules folder needs " + name));
      return Optional.empty();
    }
    try {
      return Optional.of(yaml.read(shown, bytes.get(), type));
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    return Optional.empty();
  }

  /** The copy of {@code rules/} the jar carries, as a folder (inside the jar's file system when run from it). */
  public static Path bundledRoot() {
    return BundledFolder.of("/rules", CAUSES);
  }

}
