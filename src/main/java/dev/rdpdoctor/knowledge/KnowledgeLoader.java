package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.yaml.InputError;
import dev.rdpdoctor.yaml.InvalidInputException;
import dev.rdpdoctor.yaml.ReadLimits;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.StrictYamlReader;
import dev.rdpdoctor.yaml.YamlDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;
import java.util.stream.Stream;

/**
 * Loads a knowledge-base folder: {@code sources.yaml}, {@code causes.yaml} and every
 * {@code *.drl} below it. Anything wrong is reported, located, as invalid input.
 */
public final class KnowledgeLoader {

  public static final String SOURCES = "sources.yaml";
  public static final String CAUSES = "causes.yaml";
  public static final String QUESTIONS = "questions.yaml";

  private final StrictYamlReader yaml = new StrictYamlReader(ReadLimits.KNOWLEDGE_FILE);

  /** The copy of {@code rules/} the jar carries. */
  public KnowledgeBase loadBundled() {
    return load(bundledRoot(), "bundled:rules");
  }

  /** {@link #inspect(Path)} for the copy of {@code rules/} the jar carries. */
  public Inspection inspectBundled() {
    return inspect(bundledRoot(), "bundled:rules", true, false);
  }

  /** A folder on disk, shown to the user as given. */
  public KnowledgeBase load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(InputError.error(dir.toString(), 1, 1, "not a rules folder (no such directory)"));
    }
    return load(dir, dir.toString());
  }

  KnowledgeBase load(Path root, String shownAs) {
    Inspection inspection = inspect(root, shownAs, false, true);
    if (!inspection.errors().isEmpty()) {
      throw new InvalidInputException(inspection.errors());
    }
    Map<String, RuleInfo> rules = new HashMap<>();
    inspection.rules().forEach(r -> rules.put(r.key(), r));
    return new KnowledgeBase(shownAs, inspection.kieBase().orElseThrow(), rules,
        inspection.causes(), inspection.sources(),
        inspection.questionCatalog().map(d -> d.value().questions()).orElse(List.of()));
  }

  /** Everything wrong with a rules folder, every error at once; for {@code rules check}. */
  public Inspection inspect(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(InputError.error(dir.toString(), 1, 1, "not a rules folder (no such directory)"));
    }
    return inspect(dir, dir.toString(), true, false);
  }

  /**
   * Reads the catalogs and the DRL and checks what loading needs. With {@code compileAnyway}
   * the DRL is compiled even when the metadata is wrong, so every error is found in one go;
   * with {@code buildKieBase} the compiled rules are assembled for use.
   */
  private Inspection inspect(Path root, String shownAs, boolean compileAnyway, boolean buildKieBase) {
    List<InputError> errors = new ArrayList<>();
    Optional<YamlDocument<SourceCatalog>> sources = readCatalog(root, shownAs, SOURCES, SourceCatalog.class, errors);
    Optional<YamlDocument<CauseCatalog>> causes = readCatalog(root, shownAs, CAUSES, CauseCatalog.class, errors);
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
    Optional<YamlDocument<QuestionCatalog>> questions = Files.exists(root.resolve(QUESTIONS))
        ? readCatalog(root, shownAs, QUESTIONS, QuestionCatalog.class, errors)
        : Optional.empty();

    Map<String, String> drl = readDrl(root, shownAs);
    if (drl.isEmpty()) {
      errors.add(InputError.error(shownAs, 1, 1, "no .drl rule files in the rules folder"));
    }
    DrlIndexer indexer = new DrlIndexer();
    List<RuleInfo> rules = new ArrayList<>();
    Map<String, RuleInfo> byId = new HashMap<>();
    boolean parsed = true;
    for (Map.Entry<String, String> e : drl.entrySet()) {
      DrlIndexer.Indexed indexed = indexer.index(e.getKey(), e.getValue());
      errors.addAll(indexed.errors());
      parsed &= indexed.errors().isEmpty();
      for (RuleInfo rule : indexed.rules()) {
        checkRule(rule, causes.isPresent() ? causeById : null, sources.isPresent() ? sourceById : null, byId, errors);
        rules.add(rule);
      }
    }
    Optional<KieBase> kieBase = Optional.empty();
    if (!drl.isEmpty() && (errors.isEmpty() || compileAnyway && parsed)) {
      Map<String, Map<Integer, Integer>> thenLines = new HashMap<>();
      rules.forEach(r -> thenLines.computeIfAbsent(r.file(), f -> new HashMap<>()).put(r.line(), r.consequenceLine()));
      RuleCompiler.Compiled compiled = new RuleCompiler().compile(drl, thenLines, buildKieBase);
      errors.addAll(compiled.errors());
      kieBase = Optional.ofNullable(compiled.kieBase());
    }
    return new Inspection(shownAs, sources, causes, questions, sourceById, causeById, rules, drl, errors, kieBase);
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
        errors.add(map.errorAt(at + "[" + k + "]", "unknown source '" + cited.get(k) + "': not in " + SOURCES));
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
        String hint = dev.rdpdoctor.yaml.Suggestions.closest(cause, causes.keySet())
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
        errors.add(error(rule, name + ": @sources cites '" + s + "', which is not in " + SOURCES));
      }
    }
  }

  private static InputError error(RuleInfo rule, String message) {
    return InputError.error(rule.file(), rule.line(), 1, message);
  }

  private <T> Optional<YamlDocument<T>> readCatalog(
      Path root, String shownAs, String name, Class<T> type, List<InputError> errors) {
    Path file = root.resolve(name);
    String shown = shownAs + "/" + name;
    if (!Files.isRegularFile(file)) {
      errors.add(InputError.error(shown, 1, 1, "missing: a rules folder needs " + name));
      return Optional.empty();
    }
    try {
      return Optional.of(yaml.read(shown, Files.readAllBytes(file), type));
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    } catch (IOException e) {
      errors.add(InputError.error(shown, 1, 1, "cannot read: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static Map<String, String> readDrl(Path root, String shownAs) {
    Map<String, String> drl = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> sorted =
          files.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".drl"))
              .filter(Files::isRegularFile)
              .sorted((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()))
              .toList();
      for (Path p : sorted) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        drl.put(shownAs + "/" + relative, Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return drl;
  }

  private static Path bundledRoot() {
    URL url = KnowledgeLoader.class.getResource("/rules/" + CAUSES);
    if (url == null) {
      throw new IllegalStateException("the jar carries no rules/ folder");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          return FileSystems.getFileSystem(uri).getPath("/rules");
        } catch (FileSystemNotFoundException e) {
          return FileSystems.newFileSystem(uri, Map.of()).getPath("/rules");
        }
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the bundled rules: " + e.getMessage(), e);
    }
  }
}
