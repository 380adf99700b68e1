package dev.rdpdoctor.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.RulesFolder;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {

  @TempDir Path dir;

  private List<String> errors(Path rules) {
    try {
      new KnowledgeLoader().load(rules);
    } catch (InvalidInputException e) {
      return e.errors().stream().map(InputError::format).toList();
    }
    throw new AssertionError("expected the rules to be rejected");
  }

  private String vocabularyMissing() {
    return dir + "/vocabulary:1:1: error: missing: a rules folder needs vocabulary/, the symptom-file keys in *.yaml"
        + " (start from a copy of the bundled rules/vocabulary/)";
  }

  private String drlFile() {
    return dir + "/test/rules.drl";
  }

  @Test
  void loadsTheProjectsKnowledgeBaseWithItsMetadata() {
    KnowledgeBase kb = Fixtures.knowledge();
    assertThat(kb.causes()).containsKeys("cert-expired", "nla-security-mismatch", "gateway-cert-mismatch");
    RuleInfo rule = kb.allRules().stream().filter(r -> r.id().equals("CERT-001")).findFirst().orElseThrow();
    assertThat(rule.cause()).contains("cert-expired");
    assertThat(rule.cf()).contains(0.8);
    assertThat(rule.sources()).contains("ms-event-id-rdp");
    assertThat(rule.file()).isEqualTo("rules/certificate/expired.drl");
    assertThat(rule.fieldsOf("Certificate")).containsExactly("expired");
  }

  @Test
  void theJarCarriesTheSameKnowledgeBase() {
    KnowledgeBase bundled = new KnowledgeLoader().loadBundled();
    assertThat(bundled.origin()).isEqualTo("bundled:rules");
    assertThat(bundled.causes().keySet()).isEqualTo(Fixtures.knowledge().causes().keySet());
    assertThat(bundled.rules().keySet()).isEqualTo(Fixtures.knowledge().rules().keySet());
  }

  @Test
  void aSyntaxErrorIsLocatedByFileLineAndColumn() {
    List<String> errors = errors(RulesFolder.write(dir, """
        rule "broken" @id("T-1")
        when
          Client( app == )
        then end
        """));
    assertThat(errors).singleElement().asString().startsWith(drlFile() + ":6:");
    assertThat(errors.get(0)).matches(".*:6:\\d+: error: .*");
  }

  @Test
  void everySyntaxErrorIsReported() {
    List<String> errors = errors(RulesFolder.write(dir, """
        rule "one" @id("T-1") when Client( app == ) then end
        rule "two" @id("T-2") when Host( name == ) then end
        """));
    assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
    assertThat(errors).anyMatch(e -> e.startsWith(drlFile() + ":4:")).anyMatch(e -> e.startsWith(drlFile() + ":5:"));
  }

  @Test
  void aFieldThatDoesNotExistIsACompileErrorOnItsLine() {
    List<String> errors = errors(RulesFolder.write(dir, """
        rule "typo" @id("T-1") @cause("alpha") @cf(0.5) @sources("doc-high")
        when
          RdpSettings(nlaRequird == true)
        then end
        """));
    assertThat(errors).singleElement().asString()
        .startsWith(drlFile() + ":6:").contains("nlaRequird").doesNotContain("\n");
  }

  @Test
  void anErrorInAConsequenceIsLocated() {
    List<String> errors = errors(RulesFolder.write(dir, """
        rule "bad then" @id("T-1")
        when Client()
        then int x = "text";
        end
        """));
    assertThat(errors).singleElement().asString().isEqualTo(drlFile() + ":6:1: error: in 'int x = \"text\";': cannot assign type java.lang.String to int");
  }

  @Test
  void metadataMustPointIntoTheCatalogs() {
    List<String> errors = errors(RulesFolder.write(dir, """
        rule "a" @id("T-1") @cause("alpah") @cf(0.5) @sources("doc-high") when Client() then end
        rule "b" @id("T-1") @cause("beta") @cf(1.5) @sources("nowhere") when Client() then end
        rule "c" @id("T-3") @cause("beta") when Client() then end
        """));
    assertThat(errors).containsExactlyInAnyOrder(
        drlFile() + ":4:1: error: rule 'a': @cause(\"alpah\") is not in causes.yaml; did you mean 'alpha'?",
        drlFile() + ":5:1: error: rule 'b': duplicate @id(\"T-1\"), also used at " + drlFile() + ":4",
        drlFile() + ":5:1: error: rule 'b': @cf(1.5) is outside [-1, 1]",
        drlFile() + ":5:1: error: rule 'b': @sources cites 'nowhere', which is not in sources.yaml",
        drlFile() + ":6:1: error: rule 'c': a rule with @cause needs @cf(...), its certainty factor in [-1, 1]");
  }

  @Test
  void theCatalogsAreReadStrictly() {
    String causes = RulesFolder.CAUSES.replace("steps: [look]", "steps: [look], rolback: nothing");
    List<String> errors = errors(RulesFolder.write(dir, RulesFolder.SOURCES, causes, ""));
    assertThat(errors).singleElement().asString()
        .startsWith(dir + "/causes.yaml:12:")
        .contains("unknown key 'rolback'").contains("did you mean 'rollback'?");
  }

  @Test
  void aHighRiskFixMustSayHowToRollItBack() {
    String causes = RulesFolder.CAUSES.replace(", rollback: undo it", "");
    List<String> errors = errors(RulesFolder.write(dir, RulesFolder.SOURCES, causes, ""));
    assertThat(errors).singleElement().asString()
        .startsWith(dir + "/causes.yaml:6:")
        .contains("fix 'alpha-risky' is high risk and must say how to roll it back");
  }

  @Test
  void aCatalogMayOnlyCiteKnownSources() {
    String withSources = RulesFolder.CAUSES.replaceFirst("area: test\n", "area: test\n    sources: [doc-high, doc-gone]\n");
    List<String> errors = errors(RulesFolder.write(dir, RulesFolder.SOURCES, withSources, ""));
    assertThat(errors).singleElement().asString()
        .isEqualTo(dir + "/causes.yaml:5:25: error: unknown source 'doc-gone': not in sources.yaml");
  }

  @Test
  void aFolderWithoutCatalogsOrRulesIsRejected() throws Exception {
    assertThat(errors(dir)).containsExactly(
        dir + "/sources.yaml:1:1: error: missing: a rules folder needs sources.yaml",
        dir + "/causes.yaml:1:1: error: missing: a rules folder needs causes.yaml",
        vocabularyMissing(),
        dir + ":1:1: error: no .drl rule files in the rules folder");
    Files.writeString(dir.resolve("sources.yaml"), RulesFolder.SOURCES);
    Files.writeString(dir.resolve("causes.yaml"), RulesFolder.CAUSES);
    assertThat(errors(dir)).containsExactly(vocabularyMissing(), dir + ":1:1: error: no .drl rule files in the rules folder");
    Files.createDirectories(dir.resolve("vocabulary"));
    assertThat(errors(dir)).as("a vocabulary folder without a file").contains(vocabularyMissing());
    RulesFolder.writeVocabulary(dir);
    assertThat(errors(dir)).singleElement().asString().isEqualTo(dir + ":1:1: error: no .drl rule files in the rules folder");
    assertThat(errors(dir.resolve("none"))).singleElement().asString().contains("not a rules folder");
  }

  @Test
  void theKnowledgeBaseCarriesTheVocabularyOfItsFolder() {
    assertThat(Fixtures.knowledge().vocabulary()).isEqualTo(Fixtures.vocabulary());
    assertThat(new KnowledgeLoader().inspect(Fixtures.RULES).vocabulary()).contains(Fixtures.vocabulary());
  }

  @Test
  void theBundledVocabularyFilesAreNotReadAgainButAnEditedOneIs() throws Exception {
    Path rules = RulesFolder.write(dir, "");
    Vocabulary kept = new KnowledgeLoader().inspect(Fixtures.RULES).vocabulary().orElseThrow();
    assertThat(new KnowledgeLoader().inspect(rules).vocabulary()).as("the build's, as it checked it").containsSame(kept);
    Path rdp = rules.resolve("vocabulary/rdp.yaml");
    Files.writeString(rdp, Files.readString(rdp).replace("doc: The host's Remote Desktop settings.", "doc: Edited."));
    Vocabulary edited = new KnowledgeLoader().inspect(rules).vocabulary().orElseThrow();
    assertThat(edited.type("RdpSettings").orElseThrow().doc()).isEqualTo("Edited.");
  }

  @Test
  void aBrokenVocabularyFileIsALocatedErrorOfTheRulesFolder() throws Exception {
    Path rules = RulesFolder.write(dir, "");
    Path rdp = rules.resolve("vocabulary/rdp.yaml");
    Files.writeString(rdp, Files.readString(rdp).replaceFirst("(?m)^        type: yes-no$", "        type: yes-or-no"));
    List<String> errors = errors(rules);
    assertThat(errors).singleElement().asString()
        .matches(java.util.regex.Pattern.quote(rdp.toString()) + ":\\d+:\\d+: error: .*yes-or-no.*");
    assertThat(new KnowledgeLoader().inspect(rules).errors()).extracting(InputError::format).containsExactlyElementsOf(errors);
  }

  @Test
  void aCoreKeyDeclaredWithAnotherTypeIsRefusedWhereItIsDeclared() throws Exception {
    Path rules = RulesFolder.write(dir, "");
    Path error = rules.resolve("vocabulary/error.yaml");
    Files.writeString(error, Files.readString(error).replaceFirst("(?m)^        type: code$", "        type: text"));
    assertThat(errors(rules)).containsExactly(error + ":7:15: error: error.code is read by the reports' heading and the"
        + " code catalog as a code, not text; declare it so");
  }

  @Test
  void aMissingCoreKeyIsRefusedAtTheKeysOfItsSection() throws Exception {
    Path rules = RulesFolder.write(dir, "");
    Path root = rules.resolve("vocabulary/symptom-file.yaml");
    Files.writeString(root, Files.readString(root).replace("""
              title:
                type: text
                doc: one-line summary of the ticket
                example: "every user gets 0x904 / 0x7 since this morning"
        """, ""));
    List<String> lines = Files.readAllLines(root);
    int keys = lines.indexOf("    keys:") + 1; // the keys of SymptomFile, the first type of the file
    assertThat(errors(rules)).containsExactly(root + ":" + keys + ":5: error: type SymptomFile declares no key 'title': title is"
        + " read by the reports' heading as text; declare it");
  }

  @Test
  void aMissingCoreSectionIsOneErrorNotOnePerKeyInIt() throws Exception {
    Path rules = RulesFolder.write(dir, "");
    Path root = rules.resolve("vocabulary/symptom-file.yaml");
    Files.writeString(root, Files.readString(root).replace("""
              expect:
                type: section
                of: Expectation
        """, """
              expect:
                type: section
                of: Expectation
                list: true
        """));
    assertThat(errors(rules)).singleElement().asString()
        .startsWith(root + ":").endsWith(": error: expect is read by rules test as a section that is never inserted, not list of Expectation;"
            + " declare it so");
  }

  @Test
  void aResolutionTheRulesCouldSeeIsRefusedSoNoDiagnosisReadsTheOutcome() throws Exception {
    Path rules = RulesFolder.write(dir, "");
    Path root = rules.resolve("vocabulary/symptom-file.yaml");
    Files.writeString(root, Files.readString(root).replace("""
              resolution:
                type: section
                of: Resolution
        """, """
              resolution:
                type: section
                of: Resolution
                insert: always
        """));
    assertThat(errors(rules)).singleElement().asString()
        .startsWith(root + ":").endsWith(": error: resolution is read by rules evaluate as a section that is never inserted,"
            + " not a section with insert: always; declare it so");
  }

  @Test
  void aFolderWithMoreDrlThanAKnowledgeBaseMayHoldIsRefusedBeforeAnythingIsCompiled() throws Exception {
    Path rules = RulesFolder.write(dir, "");
    StringBuilder big = new StringBuilder(RulesFolder.IMPORTS);
    for (int i = 0; big.length() <= RuleFiles.MAX_DRL_BYTES; i++) {
      big.append("// ").append("padding ".repeat(120)).append(i).append('\n');
    }
    Files.writeString(rules.resolve("test/zz-big.drl"), big);
    String message = "error: the rules folder holds more than 2 MiB of DRL (%,d bytes up to this file), the most a knowledge"
        + " base may hold; is it the right folder?";
    long total = Files.size(rules.resolve("test/rules.drl")) + Files.size(rules.resolve("test/zz-big.drl"));
    String expected = rules.resolve("test/zz-big.drl") + ":1:1: " + String.format(java.util.Locale.ROOT, message, total);
    assertThat(errors(rules)).containsExactly(expected);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new KnowledgeLoader().inspect(rules)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than 2 MiB of DRL");
  }

  @Test
  void aFolderWithMoreRulesThanAKnowledgeBaseMayHoldIsRefusedAtTheFirstRuleTooMany() throws Exception {
    StringBuilder drl = new StringBuilder();
    for (int i = 1; i <= KnowledgeLoader.MAX_RULES + 5; i++) {
      drl.append("rule \"r").append(i).append("\" @id(\"T-").append(i).append("\") when Client() then end\n");
    }
    Path rules = RulesFolder.write(dir, drl.toString());
    String tooMany = drlFile() + ":" + (3 + KnowledgeLoader.MAX_RULES + 1) + ":1: error: the rules folder holds 2,005 rules,"
        + " more than the 2,000 a knowledge base may hold (this is rule 2,001); is it the right folder?";
    assertThat(errors(rules)).containsExactly(tooMany);
    assertThat(new KnowledgeLoader().inspect(rules).errors()).extracting(InputError::format).containsExactly(tooMany);
  }
}
