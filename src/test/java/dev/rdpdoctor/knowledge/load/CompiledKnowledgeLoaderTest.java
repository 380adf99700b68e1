package dev.rdpdoctor.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RulesFolder;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledKnowledgeLoaderTest {

  @TempDir Path cacheDir;
  @TempDir Path dir;

  private final List<String> notices = new ArrayList<>();

  private CompiledKnowledgeLoader loader() {
    return new CompiledKnowledgeLoader(new KnowledgeCache(cacheDir), ToolBuild.current(), notices::add);
  }

  private List<Path> cacheEntries() throws IOException {
    Path entries = new KnowledgeCache(cacheDir).dir();
    if (!Files.isDirectory(entries)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(entries)) {
      return files.toList();
    }
  }

  private static String rule(double cf) {
    return """
        rule "event seen" @id("T-1") @cause("alpha") @cf(%s) @sources("doc-high")
        when WindowsEvent(id == 1058) then end
        rule "timing" @id("T-2") @cause("beta") @cf(0.3) @sources("doc-high")
        when ErrorReport(when == ErrorTiming.MID_SESSION) then end
        """.formatted(cf);
  }

  @Test
  void theBuildCarriesTheBundledRulesPrecompiled() throws IOException {
    assertThat(ToolBuild.current().identified()).as("the build wrote its identity").isTrue();
    CompiledKnowledge bundled = CompiledKnowledgeLoader.readBundled().orElseThrow();
    assertThat(bundled.compiledFrom(RuleFiles.read(Fixtures.RULES), ToolBuild.current()))
        .as("the precompiled rules are those of rules/").isTrue();
    assertThat(bundled.classFiles()).as("its classes are on the class path").isEmpty();
  }

  @Test
  void theProjectsRulesLoadPrecompiledWithoutCompilingOrCaching() throws IOException {
    KnowledgeBase kb = loader().load(Fixtures.RULES);
    assertThat(notices).isEmpty();
    assertThat(cacheEntries()).isEmpty();
    assertThat(kb.origin()).isEqualTo("rules");
    assertThat(kb.rules()).isEqualTo(Fixtures.knowledge().rules());
    assertThat(kb.causes()).isEqualTo(Fixtures.knowledge().causes());
    assertThat(kb.sources()).isEqualTo(Fixtures.knowledge().sources());
    assertThat(kb.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum())
        .isEqualTo(kb.rules().size());
  }

  @Test
  void theJarsCopyLoadsPrecompiled() {
    KnowledgeBase kb = loader().loadBundled();
    assertThat(notices).isEmpty();
    assertThat(kb.origin()).isEqualTo(KnowledgeLoader.BUNDLED);
    assertThat(kb.rule("certificate", "RDP certificate is past its expiry date").orElseThrow().file())
        .isEqualTo("bundled:rules/certificate/expired.drl");
  }

  @Test
  void anotherFolderIsCompiledOnceSayingSoThenComesFromTheCache() throws IOException {
    Path rules = RulesFolder.write(dir, rule(0.5));
    KnowledgeBase first = loader().load(rules);
    assertThat(notices).singleElement().asString().startsWith("compiling the rules in " + rules);
    assertThat(cacheEntries()).singleElement().asString().endsWith(".rdpkb");
    notices.clear();

    KnowledgeBase second = loader().load(rules);
    assertThat(notices).isEmpty();
    assertThat(second.rules()).isEqualTo(first.rules());
    assertThat(second.rule("test", "event seen").orElseThrow().file()).isEqualTo(rules + "/test/rules.drl");
  }

  @Test
  void theVocabularyIsToldBeforeTheRulesAreAssembledWhetherCompiledCachedOrBundled() throws IOException {
    Path rules = RulesFolder.write(dir, rule(0.5));
    for (int load = 0; load < 3; load++) {
      List<Vocabulary> told = new ArrayList<>();
      KnowledgeBase kb = load < 2 ? loader().onVocabulary(told::add).load(rules)
          : loader().onVocabulary(told::add).loadBundled();
      assertThat(told).as(load == 0 ? "compiled" : load == 1 ? "cached" : "bundled").singleElement()
          .satisfies(v -> assertThat(v.places().keySet()).isEqualTo(kb.vocabulary().places().keySet()));
    }
  }

  @Test
  void changingARuleFileInvalidatesTheCache() throws IOException {
    Path rules = RulesFolder.write(dir, rule(0.5));
    loader().load(rules);
    Path before = cacheEntries().get(0);
    notices.clear();

    Files.writeString(rules.resolve("test/rules.drl"), RulesFolder.IMPORTS + rule(0.9));
    KnowledgeBase edited = loader().load(rules);

    assertThat(notices).singleElement().asString().startsWith("compiling the rules in ");
    assertThat(edited.rule("test", "event seen").orElseThrow().cf()).contains(0.9);
    assertThat(cacheEntries()).hasSize(2).contains(before);
  }

  @Test
  void renamingOrAddingAFileInvalidatesTheCacheToo() throws IOException {
    Path rules = RulesFolder.write(dir, rule(0.5));
    CacheKey original = CacheKey.of(RuleFiles.read(rules), ToolBuild.current());
    Files.createDirectories(rules.resolve("other"));
    Files.move(rules.resolve("test/rules.drl"), rules.resolve("other/rules.drl"));
    CacheKey renamed = CacheKey.of(RuleFiles.read(rules), ToolBuild.current());
    Files.writeString(rules.resolve("other/more.drl"), "package test;\n");
    CacheKey added = CacheKey.of(RuleFiles.read(rules), ToolBuild.current());
    ToolBuild otherBuild = new ToolBuild(ToolBuild.current().version(), Optional.of("another"), ToolBuild.current().droolsVersion());
    ToolBuild otherDrools = new ToolBuild(ToolBuild.current().version(), ToolBuild.current().id(), "10.3.0");
    assertThat(List.of(original, renamed, added, CacheKey.of(RuleFiles.read(rules), otherBuild),
        CacheKey.of(RuleFiles.read(rules), otherDrools))).doesNotHaveDuplicates();
  }

  @Test
  void changingAVocabularyFileChangesTheCacheKeyAndTheFolderIsCompiledAgain() throws IOException {
    Path rules = RulesFolder.write(dir, rule(0.5));
    CacheKey before = CacheKey.of(RuleFiles.read(rules), ToolBuild.current());
    loader().load(rules);
    notices.clear();

    Path rdp = rules.resolve("vocabulary/rdp.yaml");
    Files.writeString(rdp, Files.readString(rdp).replace("doc: The host's Remote Desktop settings.",
        "doc: The host's Remote Desktop settings, as edited."));
    assertThat(CacheKey.of(RuleFiles.read(rules), ToolBuild.current())).isNotEqualTo(before);
    KnowledgeBase edited = loader().load(rules);

    assertThat(notices).singleElement().asString().startsWith("compiling the rules in ");
    assertThat(edited.vocabulary().type("RdpSettings").orElseThrow().doc())
        .isEqualTo("The host's Remote Desktop settings, as edited.");
  }

  @Test
  void everyWayOfLoadingGivesTheFoldersVocabulary() {
    assertThat(loader().load(Fixtures.RULES).vocabulary()).as("precompiled").isEqualTo(Fixtures.vocabulary());
    assertThat(loader().loadBundled().vocabulary()).as("the jar's, precompiled").isEqualTo(Fixtures.vocabulary());
    Path rules = RulesFolder.write(dir, rule(0.5));
    assertThat(loader().load(rules).vocabulary()).as("compiled, then cached").isEqualTo(Fixtures.vocabulary());
    assertThat(loader().load(rules).vocabulary()).as("from the cache").isEqualTo(Fixtures.vocabulary());
    assertThat(new KnowledgeLoader().load(rules).vocabulary()).as("plain DRL").isEqualTo(Fixtures.vocabulary());
  }

  @Test
  void aCachedFolderTakesItsVocabularyFromTheCompiledFormNotFromItsYaml() throws IOException {
    Path rules = RulesFolder.write(dir, rule(0.5));
    loader().load(rules);
    KnowledgeCache cache = new KnowledgeCache(cacheDir);
    CacheKey key = CacheKey.of(RuleFiles.read(rules), ToolBuild.current());
    CompiledKnowledge k = cache.find(key, notices::add).orElseThrow();
    Path marked = RulesFolder.writeVocabulary(dir.resolve("marked"));
    Files.writeString(marked.resolve("rdp.yaml"), Files.readString(marked.resolve("rdp.yaml"))
        .replace("doc: The host's Remote Desktop settings.", "doc: Only in the compiled form."));
    dev.rdpdoctor.casefile.vocabulary.Vocabulary only = new dev.rdpdoctor.casefile.vocabulary.VocabularyReader()
        .read(marked, "marked");
    cache.store(new CompiledKnowledge(k.key(), k.builtBy(), k.ruleFiles(), k.modelClasses(), k.classFiles(), k.rules(),
        k.causes(), k.sources(), k.questions(), k.codes(), only), notices::add);
    notices.clear();

    assertThat(loader().load(rules).vocabulary()).isEqualTo(only);
    assertThat(notices).isEmpty();
  }

  @Test
  void aDamagedCacheEntryIsDetectedAndCompiledAgain() throws IOException {
    Path rules = RulesFolder.write(dir, rule(0.5));
    loader().load(rules);
    Path entry = cacheEntries().get(0);
    byte[] bytes = Files.readAllBytes(entry);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(entry, bytes);
    notices.clear();

    KnowledgeBase kb = loader().load(rules);

    assertThat(notices).hasSize(2);
    assertThat(notices.get(0)).contains("cannot be used").contains("checksum");
    assertThat(notices.get(1)).startsWith("compiling the rules in ");
    assertThat(kb.rule("test", "event seen")).isPresent();
    notices.clear();
    loader().load(rules);
    assertThat(notices).as("the entry was written again, whole").isEmpty();
  }

  @Test
  void aCacheEntryCutShortIsDetectedToo() throws IOException {
    Path rules = RulesFolder.write(dir, rule(0.5));
    loader().load(rules);
    Path entry = cacheEntries().get(0);
    byte[] bytes = Files.readAllBytes(entry);
    Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    notices.clear();
    loader().load(rules);
    assertThat(notices.get(0)).contains("cannot be used");
  }

  @Test
  void rulesWithErrorsAreReportedLocatedAndNothingIsCached() throws IOException {
    Path rules = RulesFolder.write(dir, """
        rule "typo" @id("T-1") @cause("alpha") @cf(0.5) @sources("doc-high")
        when
          RdpSettings(nlaRequird == true)
        then end
        """);
    assertThatThrownBy(() -> loader().load(rules))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(InputError::format)
            .singleElement().asString().startsWith(rules + "/test/rules.drl:6:").contains("nlaRequird"));
    assertThat(cacheEntries()).isEmpty();
  }

  @Test
  void aSyntaxErrorIsReportedBeforeAnyCompiling() {
    Path rules = RulesFolder.write(dir, "rule \"broken\" @id(\"T-1\") when Client( app == ) then end\n");
    assertThatThrownBy(() -> loader().load(rules)).isInstanceOf(InvalidInputException.class);
    assertThat(notices).isEmpty();
  }

  @Test
  void derivedFindingsWorkInTheCompiledRules() {
    Path rules = RulesFolder.write(dir, """
        rule "derive" @id("T-1")
        when Certificate(expired == true) then insertLogical(new Finding("tls-broken")); end
        rule "conclude" @id("T-2") @cause("alpha") @cf(0.6) @sources("doc-high")
        when Finding(name == "tls-broken") then end
        """);
    KnowledgeBase kb = loader().load(rules);
    assertThat(notices).singleElement().asString().startsWith("compiling");
    var caseFile = new dev.rdpdoctor.casefile.CaseFileReader().read("case.yaml",
        "observed: 2026-11-20\ncertificate: {not_after: 2026-01-01}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var diagnosis = new dev.rdpdoctor.engine.Diagnoser(kb).diagnose(caseFile);
    assertThat(diagnosis.top().orElseThrow().cause().id()).isEqualTo("alpha");
    assertThat(diagnosis.firings()).extracting(f -> f.rule().id()).containsExactly("T-1", "T-2");
    assertThat(diagnosis.firing(2).premises()).containsExactly(1);
  }

  @Test
  void anEditedCopyOfTheBundledRulesRunsItsOwnRulesNotTheBundledOnes() throws IOException {
    // its packages have the bundled rules' names, whose compiled classes are on the class path
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Files.writeString(rules.resolve("host/added.drl"), """
        package host;
        import facts.*;
        rule "added" @id("ADDED-1") @cause("host-denies-logons") @cf(0.7) @sources("000_0a7435f68bed0d09.txt")
        when Host(name == "added") then end
        """);
    var caseFile = new dev.rdpdoctor.casefile.CaseFileReader().read("case.yaml",
        "observed: 2026-11-20\nhost: {name: added}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (int run = 0; run < 2; run++) { // compiled, then from the cache
      KnowledgeBase kb = loader().load(rules);
      var diagnosis = new dev.rdpdoctor.engine.Diagnoser(kb).diagnose(caseFile);
      assertThat(diagnosis.firings()).as("run %d", run).extracting(f -> f.rule().id()).contains("ADDED-1");
    }
    assertThat(notices).singleElement().asString().startsWith("compiling");
  }

  @Test
  void withoutABuildIdentityNothingIsCached() throws IOException {
    Path rules = RulesFolder.write(dir, rule(0.5));
    ToolBuild unidentified = new ToolBuild("dev", Optional.empty(), ToolBuild.current().droolsVersion());
    KnowledgeBase kb = new CompiledKnowledgeLoader(new KnowledgeCache(cacheDir), unidentified, notices::add).load(rules);
    assertThat(kb.rule("test", "event seen")).isPresent();
    assertThat(cacheEntries()).isEmpty();
  }

  @Test
  void aFolderThatDoesNotExistIsInvalidInput() {
    assertThatThrownBy(() -> loader().load(dir.resolve("none")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a rules folder");
  }

  @Test
  // on a thread of its own, so that without the limit the test fails rather than hangs
  @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aConditionThatNeverEndsWhileTheRulesLoadIsStoppedNamingTheRule() {
    // the executable model evaluates a condition without variables once, as the rules are assembled
    Path rules = RulesFolder.write(dir, rule(0.5) + """
        rule "waits for ever" @id("T-3") @cause("alpha") @cf(0.2) @sources("doc-high")
        when eval(forever()) then end
        function boolean forever() {
          while (true) { }
        }
        """);
    CompiledKnowledgeLoader loader =
        new CompiledKnowledgeLoader(new KnowledgeCache(cacheDir), ToolBuild.current(), notices::add, java.time.Duration.ofSeconds(2));
    assertThatThrownBy(() -> loader.load(rules))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(InputError::format).containsExactly(
            rules + "/test/rules.drl:8:1: error: rule 'waits for ever' did not finish loading within 2 s: a condition"
                + " evaluated once as the rules load (an eval(...) without variables) may never end"));
  }
}
