package dev.rdpdoctor.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RulesFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;

/**
 * The fact types declared from the vocabulary compile with the rules on both paths (plain DRL,
 * and the executable model that precompiles and caches), start every field unknown, and can be
 * made, set and inserted through the knowledge base's {@link FactType}s for rules to match.
 */
class DeclaredFactTypesTest {

  @TempDir Path dir;
  @TempDir Path cacheDir;

  private final List<String> notices = new ArrayList<>();

  /** Rules on the declared types, beside the test folder's rules on the records. */
  private static final String DECLARED_RULES = """
      package declared;
      import facts.*;
      import function dev.rdpdoctor.knowledge.FactFunctions.mentions;

      rule "NLA is required" @id("D-1") @cause("alpha") @cf(0.5) @sources("doc-high")
      when RdpSettings(nlaRequired == true, securityLayer == SecurityLayer.TLS)
      then end

      rule "The error comes mid-session" @id("D-2") @cause("alpha") @cf(0.5) @sources("doc-high")
      when ErrorReport(when == ErrorTiming.MID_SESSION)
      then end

      rule "Schannel says 10013" @id("D-3") @cause("beta") @cf(0.5) @sources("doc-high")
      when WindowsEvent(id == 36871, mentions(text, "10013"))
      then end

      rule "The error began within the week, after the update" @id("D-5") @cause("alpha") @cf(0.5) @sources("doc-high")
      when ErrorReport(sinceDays <= 7, since.isAfter(java.time.LocalDate.of(2026, 11, 1)))
      then end
      """;

  private Path rules() throws IOException {
    Path rules = RulesFolder.write(dir, """
        rule "event seen" @id("T-1") @cause("alpha") @cf(0.5) @sources("doc-high")
        when WindowsEvent(id == 1058) then end
        """);
    Files.createDirectories(rules.resolve("declared"));
    Files.writeString(rules.resolve("declared/rules.drl"), DECLARED_RULES);
    return rules;
  }

  /** Compiled by the executable model into the cache, not by the plain DRL path it falls back to. */
  private KnowledgeBase executableModel(Path rules) {
    KnowledgeBase kb = new CompiledKnowledgeLoader(new KnowledgeCache(cacheDir), ToolBuild.current(), notices::add).load(rules);
    assertThat(notices).as("no fallback to the plain DRL path").singleElement().asString()
        .startsWith("compiling the rules in ");
    return kb;
  }

  private static void assertEveryFieldStartsUnknown(KnowledgeBase kb) throws Exception {
    FactType rdp = kb.kieBase().getFactType(KnowledgeBase.FACT_PACKAGE, "RdpSettings");
    Object settings = rdp.newInstance();
    assertThat(rdp.get(settings, "nlaRequired")).as("a Boolean").isNull();
    assertThat(rdp.get(settings, "port")).as("a Long").isNull();
    assertThat(rdp.get(settings, "securityLayer")).as("a value of a set").isNull();
    FactType event = kb.kieBase().getFactType(KnowledgeBase.FACT_PACKAGE, "WindowsEvent");
    assertThat(event.get(event.newInstance(), "id")).as("a Long").isNull();
    FactType error = kb.kieBase().getFactType(KnowledgeBase.FACT_PACKAGE, "ErrorReport");
    assertThat(error.getField("since").getType()).as("an approximate date, read as the day taken for it")
        .isEqualTo(java.time.LocalDate.class);
    assertThat(error.get(error.newInstance(), "since")).isNull();
  }

  /** Fires the rules on facts made through the fact types; the ids of the rules that fired. */
  private static List<String> fire(KnowledgeBase kb, Map<String, Map<String, Object>> facts) throws Exception {
    KieSession session = kb.kieBase().newKieSession();
    try {
      for (Map.Entry<String, Map<String, Object>> fact : facts.entrySet()) {
        FactType type = kb.kieBase().getFactType(KnowledgeBase.FACT_PACKAGE, fact.getKey());
        Object made = type.newInstance();
        for (Map.Entry<String, Object> field : fact.getValue().entrySet()) {
          Object value = field.getValue();
          Class<?> fieldType = type.getField(field.getKey()).getType();
          if (fieldType.isEnum()) {
            value = constant(fieldType, (String) value);
          }
          type.set(made, field.getKey(), value);
        }
        session.insert(made);
      }
      List<String> fired = new ArrayList<>();
      session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
          fired.add(String.valueOf(event.getMatch().getRule().getMetaData().get("id")));
        }
      });
      session.fireAllRules();
      return fired;
    } finally {
      session.dispose();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object constant(Class<?> enumType, String name) {
    return Enum.valueOf((Class) enumType, name);
  }

  private static final Map<String, Map<String, Object>> MATCHING = Map.of(
      "RdpSettings", Map.of("nlaRequired", true, "securityLayer", "TLS", "port", 3389L),
      "ErrorReport", Map.of("when", "MID_SESSION", "code", 0x904L, "since", java.time.LocalDate.of(2026, 11, 12), "sinceDays", 8L - 1),
      "WindowsEvent", Map.of("id", 36871L, "text", "A fatal alert was generated: 10013."));

  private static final Map<String, Map<String, Object>> NOT_MATCHING = Map.of(
      "RdpSettings", Map.of("securityLayer", "TLS"),
      "ErrorReport", Map.of("when", "AFTER_CREDENTIALS", "since", java.time.LocalDate.of(2026, 10, 12), "sinceDays", 39L),
      "WindowsEvent", Map.of("id", 36871L));

  /** A key the bundled vocabulary lacks, so the folder's fact types are not the precompiled ones. */
  private static void declareANewKey(Path rules) throws IOException {
    Path rdp = rules.resolve("vocabulary/rdp.yaml");
    Files.writeString(rdp, Files.readString(rdp).replace("      nla_required:\n", """
              domain_credentials_disabled:
                type: yes-no
                doc: "`disabledomaincreds` = 1"
                example: "true"
              nla_required:
        """));
  }

  @Test
  void onThePlainDrlPathTheDeclaredTypesCompileAndStartUnknown() throws Exception {
    Path rules = rules();
    assertEveryFieldStartsUnknown(new KnowledgeLoader().load(rules));
    declareANewKey(rules);
    KnowledgeBase own = new KnowledgeLoader().load(rules);
    assertThat(own.kieBase().getFactType(KnowledgeBase.FACT_PACKAGE, "RdpSettings").getFactClass().getClassLoader())
        .as("declared by the plain DRL path itself").isNotSameAs(DeclaredFactTypesTest.class.getClassLoader());
    assertEveryFieldStartsUnknown(own);
  }

  @Test
  void onTheExecutableModelTheDeclaredTypesCompileAndStartUnknown() throws Exception {
    KnowledgeBase kb = executableModel(rules());
    assertEveryFieldStartsUnknown(kb);
    assertEveryFieldStartsUnknown(new CompiledKnowledgeLoader(new KnowledgeCache(cacheDir), ToolBuild.current(), notices::add)
        .load(dir));
    assertThat(notices).as("the second load came from the cache").hasSize(1);
  }

  @Test
  void theBundledRulesCarryTheirDeclaredTypesPrecompiled() throws Exception {
    KnowledgeBase kb = new CompiledKnowledgeLoader(new KnowledgeCache(cacheDir), ToolBuild.current(), notices::add)
        .load(Fixtures.RULES);
    assertThat(notices).isEmpty();
    assertEveryFieldStartsUnknown(kb);
    assertThat(kb.kieBase().getFactType(KnowledgeBase.FACT_PACKAGE, "RdpSettings").getFactClass().getClassLoader())
        .as("the class path's").isSameAs(DeclaredFactTypesTest.class.getClassLoader());
  }

  @Test
  void thePlainDrlPathUsesThePrecompiledFactClassesForTheBundledVocabularyAndItsOwnForAnother() throws Exception {
    Path rules = rules();
    ClassLoader tool = DeclaredFactTypesTest.class.getClassLoader();
    assertThat(new KnowledgeLoader().load(rules).kieBase().getFactType(KnowledgeBase.FACT_PACKAGE, "RdpSettings")
        .getFactClass().getClassLoader()).isSameAs(tool);
    Path rdp = rules.resolve("vocabulary/rdp.yaml");
    Files.writeString(rdp, Files.readString(rdp).replace("doc: The host's Remote Desktop settings.", "doc: Edited."));
    assertThat(new KnowledgeLoader().load(rules).kieBase().getFactType(KnowledgeBase.FACT_PACKAGE, "RdpSettings")
        .getFactClass().getClassLoader()).as("a new text declares the same types").isSameAs(tool);
    declareANewKey(rules);
    assertThat(new KnowledgeLoader().load(rules).kieBase().getFactType(KnowledgeBase.FACT_PACKAGE, "RdpSettings")
        .getFactClass().getClassLoader()).as("a new key declares other types").isNotSameAs(tool);
  }

  @Test
  void factsMadeThroughTheirFactTypesAreMatchedByRulesOnThePlainDrlPath() throws Exception {
    KnowledgeBase kb = new KnowledgeLoader().load(rules());
    assertThat(fire(kb, MATCHING)).containsExactlyInAnyOrder("D-1", "D-2", "D-3", "D-5");
    assertThat(fire(kb, NOT_MATCHING)).isEmpty();
  }

  @Test
  void factsMadeThroughTheirFactTypesAreMatchedByRulesOnTheExecutableModel() throws Exception {
    KnowledgeBase kb = executableModel(rules());
    assertThat(fire(kb, MATCHING)).containsExactlyInAnyOrder("D-1", "D-2", "D-3", "D-5");
    assertThat(fire(kb, NOT_MATCHING)).isEmpty();
  }

  @Test
  void declarationsThatDoNotCompileAreReportedAtTheVocabularyNotAtLinesTheUserNeverWrote() {
    RuleCompiler.Compiled compiled = new RuleCompiler().compile(
        java.util.Optional.of(new RuleCompiler.Declarations("package facts;\ndeclare T\n  end : Boolean = null\nend\n", "r/vocabulary")),
        Map.of("r/a.drl", "package a;\n"), Map.of(), false);
    assertThat(compiled.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.format())
        .startsWith("r/vocabulary:1:1: error: the fact types declared from the vocabulary do not compile: "));
  }

  @Test
  void aKeyTheBundledVocabularyLacksIsAFieldOfTheFoldersOwnTypeOnBothPaths() throws Exception {
    Path rules = rules();
    declareANewKey(rules);
    Files.writeString(rules.resolve("declared/more.drl"), """
        package declared;
        import facts.RdpSettings;
        rule "Domain credentials are disabled" @id("D-4") @cause("beta") @cf(0.5) @sources("doc-high")
        when RdpSettings(domainCredentialsDisabled == true)
        then end
        """);
    Map<String, Map<String, Object>> facts = Map.of("RdpSettings", Map.of("domainCredentialsDisabled", true));
    assertThat(fire(new KnowledgeLoader().load(rules), facts)).containsExactly("D-4");
    assertThat(fire(executableModel(rules), facts)).containsExactly("D-4");
  }
}
