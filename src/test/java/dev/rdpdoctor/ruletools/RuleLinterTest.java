package dev.rdpdoctor.ruletools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.Expectation;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.knowledge.load.KnowledgeLoader;
import dev.rdpdoctor.knowledge.RulesFolder;
import dev.rdpdoctor.problem.InputError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each lint finding, produced by a rules folder broken in just that way. */
class RuleLinterTest {

  /** Both causes have a rule, a complete fix, and cite a source; the rule cites the other. */
  private static final String CLEAN_CAUSES = """
      causes:
        - id: alpha
          title: Cause alpha
          sources: [doc-low]
          fixes:
            - {id: alpha-fix, title: Fix, risk: low, steps: [do it], rollback: undo it, verify: look}
        - id: beta
          title: Cause beta
          fixes:
            - {id: beta-fix, title: Fix, risk: low, steps: [do it], rollback: undo it, verify: look}
      """;

  private static final String CLEAN_RULES = """
      rule "a" @id("T-1") @cause("alpha") @cf(0.5) @sources("doc-high") when Client(app == ClientApp.MSTSC) then end
      rule "b" @id("T-2") @cause("beta") @cf(0.5) @sources("doc-high") when Client(app == ClientApp.FREERDP) then end
      """;

  private static final List<Expectation> BOTH_SAMPLED = List.of(
      new Expectation("alpha", null, null, null, null), new Expectation("beta", null, null, null, null));

  @TempDir Path dir;

  private List<String> lint(String causes, String drl) {
    return lint(causes, drl, Optional.of(BOTH_SAMPLED));
  }

  private List<String> lint(String causes, String drl, Optional<List<Expectation>> samples) {
    Inspection in = new KnowledgeLoader().inspect(RulesFolder.write(dir, RulesFolder.SOURCES, causes, drl));
    return findings(in, samples);
  }

  /**
   * The findings, files relative to the folder, without the warnings about keys no rule reads
   * (these small folders read few of the vocabulary's keys) and causes without a base rate: tests
   * of their own check those.
   */
  private List<String> findings(Inspection in, Optional<List<Expectation>> samples) {
    return allFindings(in, samples).stream().filter(f -> !f.contains(UNREAD) && !f.contains(NO_BASE_RATE)).toList();
  }

  private List<String> allFindings(Inspection in, Optional<List<Expectation>> samples) {
    return new RuleLinter().lint(in, samples).stream().map(InputError::format).map(s -> s.replace(dir + "/", "")).toList();
  }

  private static final String UNREAD = " is declared but no rule reads it";
  private static final String NO_BASE_RATE = " has no base_rate: ";

  @Test
  void aCauseWithoutABaseRateIsWarnedAndOneFromAnUnknownSourceIsAnError() {
    String causes = CLEAN_CAUSES.replace("title: Cause beta\n", "title: Cause beta\n    base_rate: {share: 0.4, from: doc-hihg}\n");
    Inspection in = new KnowledgeLoader().inspect(RulesFolder.write(dir, RulesFolder.SOURCES, causes, CLEAN_RULES));
    assertThat(allFindings(in, Optional.of(BOTH_SAMPLED))).anySatisfy(f -> assertThat(f).startsWith("causes.yaml:2:")
            .contains("warning: cause 'alpha' has no base_rate"))
        .anySatisfy(f -> assertThat(f).contains("error: cause 'beta': base_rate comes from 'doc-hihg', which is not in sources.yaml"));
  }

  @Test
  void aFixThatDoesNotApplyWhenAKeyNoSymptomFileHasIsAnError() {
    String causes = CLEAN_CAUSES.replace("{id: beta-fix, title: Fix,", "{id: beta-fix, not_when: {rdp.nla_requird: false}, title: Fix,");
    assertThat(lint(causes, CLEAN_RULES)).anySatisfy(f -> assertThat(f)
        .contains("error: fix 'beta-fix' does not apply when rdp.nla_requird is ..., but no symptom file has that key;"
            + " did you mean 'rdp.nla_required'?"));
  }

  @Test
  void aDeclaredKeyThatNoRuleReadsIsWarnedAtItsDeclaration() throws Exception {
    Path folder = RulesFolder.write(dir, RulesFolder.SOURCES, CLEAN_CAUSES, CLEAN_RULES);
    List<String> unread = allFindings(new KnowledgeLoader().inspect(folder), Optional.of(BOTH_SAMPLED)).stream()
        .filter(f -> f.contains(UNREAD)).toList();
    int line = (int) java.nio.file.Files.readString(folder.resolve("vocabulary/client.yaml")).lines()
        .takeWhile(l -> !l.equals("      network:")).count() + 1;
    assertThat(unread).contains("vocabulary/client.yaml:" + line + ":7: warning: client.network" + UNREAD
        + " (Client.network) and no question asks it: write the rule that weighs it, or mark it 'context: true' if it is"
        + " kept only for the report");
    assertThat(unread).as("read by the rules, kept for the report, or not a fact")
        .noneMatch(f -> f.contains(" client.app ") || f.contains(" host.name ") || f.contains(" title ") || f.contains(" error "));
  }

  @Test
  void aCleanFolderHasNoFindings() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES)).isEmpty();
  }

  @Test
  void theProjectsKnowledgeBaseHasNoErrors() {
    Inspection in = new KnowledgeLoader().inspect(Fixtures.RULES);
    assertThat(new RuleLinter().lint(in, Optional.empty())).noneMatch(InputError::isError);
  }

  @Test
  void aRuleWithoutAnId() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + "rule \"c\" @cause(\"alpha\") @cf(0.1) @sources(\"doc-high\") when Host() then end\n"))
        .containsExactly("test/rules.drl:6:1: error: rule 'c' has no @id(...): give it a stable id, e.g. @id(\"CERT-010\")");
  }

  @Test
  void aDuplicateIdAnUnknownCauseAnUnknownSourceAndABadCf() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + """
        rule "c" @id("T-1") @cause("gamma") @cf(0.2) @sources("doc-high") when Host() then end
        rule "d" @id("T-4") @cause("alpha") @cf(2) @sources("doc-nowhere") when Host() then end
        rule "e" @id("T-5") @cause("alpha") @sources("doc-high") when Host() then end
        """)).containsExactly(
        "test/rules.drl:6:1: error: rule 'c': @cause(\"gamma\") is not in causes.yaml;",
        "test/rules.drl:6:1: error: rule 'c': duplicate @id(\"T-1\"), also used at test/rules.drl:4",
        "test/rules.drl:7:1: error: rule 'd': @cf(2.0) is outside [-1, 1]",
        "test/rules.drl:7:1: error: rule 'd': @sources cites 'doc-nowhere', which is not in sources.yaml",
        "test/rules.drl:8:1: error: rule 'e': a rule with @cause needs @cf(...), its certainty factor in [-1, 1]");
  }

  @Test
  void evidenceWithoutASource() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + "rule \"c\" @id(\"T-3\") @cause(\"alpha\") @cf(0.1) when Host() then end\n"))
        .containsExactly("test/rules.drl:6:1: error: rule 'c' gives evidence but cites no @sources(...)");
  }

  @Test
  void aCauseWithNoRuleNoFixOrNoSample() {
    String causes = CLEAN_CAUSES + "  - {id: gamma, title: Cause gamma}\n";
    assertThat(lint(causes, CLEAN_RULES)).containsExactly(
        "causes.yaml:11:10: error: cause 'gamma' has no fix",
        "causes.yaml:11:10: error: cause 'gamma' has no rule: no @cause(\"gamma\") in any .drl file",
        "causes.yaml:11:10: warning: cause 'gamma' has no sample: no sample expects it as top or ranked");
  }

  @Test
  void noSampleFindingWithoutSamplesToLookAt() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES, Optional.empty())).isEmpty();
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES, Optional.of(List.of()))).hasSize(2)
        .allMatch(f -> f.contains("warning: cause '") && f.contains("has no sample"));
  }

  @Test
  void aFixWithoutRollbackOrVerify() {
    String causes = CLEAN_CAUSES.replace("{id: beta-fix, title: Fix, risk: low, steps: [do it], rollback: undo it, verify: look}",
        "{id: beta-fix, title: Fix, risk: low, steps: [do it]}");
    assertThat(lint(causes, CLEAN_RULES)).containsExactly(
        "causes.yaml:10:14: error: fix 'beta-fix' does not say how to roll it back ('rollback')",
        "causes.yaml:10:14: error: fix 'beta-fix' does not say how to verify it ('verify')");
  }

  @Test
  void aFixWithoutRiskIsRejectedByTheStrictReader() {
    String causes = CLEAN_CAUSES.replace("{id: beta-fix, title: Fix, risk: low,", "{id: beta-fix, title: Fix,");
    assertThat(lint(causes, CLEAN_RULES)).filteredOn(f -> f.contains("error:")).singleElement().asString()
        .startsWith("causes.yaml:10:").contains("fix 'beta-fix' needs a 'risk': low, medium or high");
  }

  @Test
  void aSourceCitedByNothing() {
    String causes = CLEAN_CAUSES.replace("sources: [doc-low]", "sources: []");
    assertThat(lint(causes, CLEAN_RULES))
        .containsExactly("sources.yaml:3:10: warning: source 'doc-low' is cited by no rule, cause or fix");
  }

  @Test
  void sideEffectsInAConsequence() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + """
        rule "print" @id("T-3") when Host() then
          System.out.println("hello");
        end
        rule "read" @id("T-4") when Host() then java.util.Scanner s = new java.util.Scanner("x"); end
        rule "file" @id("T-5") when Host() then java.nio.file.Files.exists(java.nio.file.Path.of("/etc/passwd")); end
        rule "stop" @id("T-6") when Host() then drools.halt(); end
        """)).containsExactly(
        "test/rules.drl:7:1: error: rule 'print' has a side effect in its consequence (System.out): a consequence may only insertLogical(...) findings; evidence comes from @cause and @cf",
        "test/rules.drl:9:1: error: rule 'read' has a side effect in its consequence (Scanner): a consequence may only insertLogical(...) findings; evidence comes from @cause and @cf",
        "test/rules.drl:10:1: error: rule 'file' has a side effect in its consequence (java.nio.): a consequence may only insertLogical(...) findings; evidence comes from @cause and @cf",
        "test/rules.drl:11:1: error: rule 'stop' has a side effect in its consequence (halt(): a consequence may only insertLogical(...) findings; evidence comes from @cause and @cf");
  }

  @Test
  void aFieldThatDoesNotExistMeansTheRuleCanNeverMatch() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + """
        rule "typo" @id("T-3") @cause("alpha") @cf(0.2) @sources("doc-high")
        when
          RdpSettings(nlaRequird == true)
        then end
        """)).containsExactly("test/rules.drl:8:1: error: rule 'typo' reads 'nlaRequird' on RdpSettings: "
            + "RdpSettings has no field 'nlaRequird' (did you mean 'nlaRequired'?), so the rule can never match; "
            + "to add a key, declare it under RdpSettings in vocabulary/");
  }

  @Test
  void aNestedFieldIsCheckedThroughTheVocabularyAndAFactHasNoMethods() {
    var vocabulary = dev.rdpdoctor.casefile.vocabulary.BundledVocabulary.get();
    var tls = vocabulary.type("ProbeTls").orElseThrow();
    assertThat(RuleLinter.unknownField(vocabulary, tls, "certificate.expired")).isEmpty();
    assertThat(RuleLinter.unknownField(vocabulary, tls, "certificate.expird"))
        .contains("Certificate has no field 'expird' (did you mean 'expired'?), so the rule can never match; to add a key, declare it"
            + " under Certificate in vocabulary/");
    assertThat(RuleLinter.unknownField(vocabulary, vocabulary.type("WindowsEvent").orElseThrow(), "mentions()"))
        .contains("WindowsEvent has no method 'mentions': a fact has fields only; call a function of them, e.g. mentions(text, \"10013\")");
  }

  @Test
  void aTypeThatIsNeverAFact() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + "rule \"t\" @id(\"T-3\") when String() then end\n"))
        .singleElement().asString()
        .startsWith("test/rules.drl:6:1: error: rule 't' matches 'String', which is never a fact, so it can never match;");
  }

  @Test
  void notEqualsTrueAlsoMatchesUnknown() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + "rule \"n\" @id(\"T-3\") @cause(\"alpha\") @cf(0.1) @sources(\"doc-high\") when RdpSettings(enabled != true) then end\n"))
        .containsExactly("test/rules.drl:6:1: warning: rule 'n': 'enabled != true' also matches when enabled is unknown; write 'enabled == false' to match only a known value");
  }

  @Test
  void findingsThatAreNeverCreatedOrNeverUsed() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + """
        rule "uses" @id("T-3") @cause("alpha") @cf(0.1) @sources("doc-high") when Finding(name == "ghost") then end
        rule "makes" @id("T-4") when Host() then insertLogical(new Finding("orphan")); end
        """)).containsExactly(
        "test/rules.drl:6:1: error: rule 'uses' matches the finding \"ghost\", which no rule creates, so it can never match",
        "test/rules.drl:7:1: warning: rule 'makes' creates the finding \"orphan\", which no rule uses");
  }

  @Test
  void unofficialClaimsKeepASmallWeight() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + "rule \"s\" @id(\"T-3\") @cause(\"alpha\") @cf(0.6) @sources(\"doc-low\") when Host() then end\n"))
        .containsExactly("test/rules.drl:6:1: warning: rule 's' cites only unofficial sources but carries @cf(0.6); "
            + "keep such claims within +/-0.4 or cite an official source");
  }

  @Test
  void compileErrorsAreReportedAlongsideTheLint() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + """
        rule "c" @id("T-3")
        when Host()
        then int x = "text";
        end
        """)).containsExactly("test/rules.drl:8:1: error: in 'int x = \"text\";': cannot assign type java.lang.String to int");
  }

  @Test
  void aRuleReadingAFactNoQuestionAsks() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + "rule \"q\" @id(\"T-3\") @cause(\"alpha\") @cf(0.1) @sources(\"doc-high\") when DifferentialTests(otherUserWorks == true) then end\n"))
        .containsExactly("test/rules.drl:6:1: error: rule 'q' reads tests.other_user_works, which no question in questions.yaml asks and the probe does not find");
  }

  @Test
  void probedFactsNeedNoQuestion() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + "rule \"p\" @id(\"T-3\") @cause(\"alpha\") @cf(0.1) @sources(\"doc-high\") when ProbeTcp(outcome == TcpOutcome.REFUSED) then end\n"))
        .isEmpty();
  }

  @Test
  void aQuestionAboutNoRealFactOrWithoutAnswers() throws Exception {
    java.nio.file.Files.writeString(RulesFolder.write(dir, RulesFolder.SOURCES, CLEAN_CAUSES, CLEAN_RULES).resolve("questions.yaml"),
        RulesFolder.QUESTIONS + """
          - {fact: rdp.nla_requird, ask: "Typo?", cost: low}
          - {fact: host.clock_skew_minutes, ask: "How far apart are the clocks?", cost: low}
          - {fact: path.gateway.name_matches, ask: "Names?", cost: low, requires: {path.knd: [rd-gateway]}}
        """);
    Inspection in = new KnowledgeLoader().inspect(dir);
    assertThat(findings(in, Optional.of(BOTH_SAMPLED)).stream())
        .containsExactly(
            "questions.yaml:8:12: error: question about 'rdp.nla_requird': no such key in a symptom file; did you mean 'rdp.nla_required'?",
            "questions.yaml:9:12: error: question about 'host.clock_skew_minutes' needs its 'answers': the values a user can give",
            "questions.yaml:10:75: error: question about 'path.gateway.name_matches' requires 'path.knd', which is no key in a symptom file");
  }

  @Test
  void aFolderWithoutQuestionsIsWarned() throws Exception {
    java.nio.file.Files.delete(RulesFolder.write(dir, RulesFolder.SOURCES, CLEAN_CAUSES, CLEAN_RULES).resolve("questions.yaml"));
    Inspection in = new KnowledgeLoader().inspect(dir);
    assertThat(findings(in, Optional.of(BOTH_SAMPLED)).stream())
        .containsExactly("questions.yaml:1:1: warning: no questions.yaml: the consultation has nothing to ask");
  }

  @Test
  void catalogsAreCheckedStrictly() {
    assertThat(lint(CLEAN_CAUSES.replace("title: Cause beta", "titel: Cause beta"), CLEAN_RULES))
        .anyMatch(f -> f.startsWith("causes.yaml:8:5: error: unknown key 'titel' in 'causes[1]'; did you mean 'title'?"));
    assertThat(lint(CLEAN_CAUSES.replace("rollback: undo it, verify: look}\n  - id: beta", "rolback: undo it, verify: look}\n  - id: beta"), CLEAN_RULES))
        .anyMatch(f -> f.startsWith("causes.yaml:6:") && f.contains("unknown key 'rolback'") && f.contains("did you mean 'rollback'?"));
  }

  private static final String MARKER = """
      declare Marker
        name : String
      end
      """;

  @Test
  void aTypeTheRulesDeclareAndAConsequenceInsertsIsAFact() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + MARKER + """
        rule "marks" @id("T-3") when Client(app == ClientApp.MSTSC) then insert(new Marker("x")); end
        rule "reads the mark" @id("T-4") @cause("alpha") @cf(0.1) @sources("doc-high") when Marker(name == "x") then end
        """)).isEmpty();
  }

  @Test
  void aTypeTheRulesDeclareButNoConsequenceInsertsCanNeverMatch() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + MARKER + """
        rule "reads the mark" @id("T-4") @cause("alpha") @cf(0.1) @sources("doc-high") when Marker(name == "x") then end
        """)).containsExactly("test/rules.drl:9:1: error: rule 'reads the mark' matches 'Marker', which the rules declare"
            + " (at test/rules.drl:6) but no consequence inserts, so it can never match");
  }

  @Test
  void aFieldADeclaredTypeDoesNotDeclareMeansTheRuleCanNeverMatch() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES + MARKER + """
        rule "marks" @id("T-3") when Client(app == ClientApp.MSTSC) then insert(new Marker("x")); end
        rule "reads the mark" @id("T-4") @cause("alpha") @cf(0.1) @sources("doc-high") when Marker(nam == "x") then end
        """)).containsExactly("test/rules.drl:10:1: error: rule 'reads the mark' reads 'nam' on Marker: Marker declares no"
            + " field 'nam' (did you mean 'name'?), so the rule can never match");
  }

  @Test
  void aCapitalisedTrueIsExplainedInTheRulesTermsWithoutDroolsInternals() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES
        + "rule \"t\" @id(\"T-3\") @cause(\"alpha\") @cf(0.1) @sources(\"doc-high\") when RdpSettings(nlaRequired == True) then end\n"))
        .containsExactly("test/rules.drl:6:72: error: in 'nlaRequired == True': RdpSettings has no field or method 'True';"
            + " did you mean true? (true, false and null are written in lower case)");
  }

  @Test
  void anUnknownSourceGetsADidYouMean() {
    assertThat(lint(CLEAN_CAUSES, CLEAN_RULES
        + "rule \"s\" @id(\"T-3\") @cause(\"alpha\") @cf(0.1) @sources(\"doc-hihg\") when Host() then end\n"))
        .containsExactly("test/rules.drl:6:1: error: rule 's': @sources cites 'doc-hihg', which is not in sources.yaml;"
            + " did you mean 'doc-high'?");
  }

  @Test
  void aFileWithASyntaxErrorIsSaidToBeSkippedAndItsCausesAreNotReportedAsHavingNoRule() throws Exception {
    RulesFolder.write(dir, RulesFolder.SOURCES, CLEAN_CAUSES, """
        rule "a" @id("T-1") @cause("alpha") @cf(0.5) @sources("doc-high") when Client(app == ClientApp.MSTSC) then end
        """);
    java.nio.file.Files.writeString(dir.resolve("test/broken.drl"), RulesFolder.IMPORTS + """
        rule "b" @id("T-2") @cause("beta") @cf(0.5) @sources("doc-high")
        when Client(app == ) then insertLogical(new Finding("made-here")); end
        """);
    Inspection in = new KnowledgeLoader().inspect(dir);
    assertThat(findings(in, Optional.of(BOTH_SAMPLED)).stream())
        .singleElement().asString()
        .startsWith("test/broken.drl:5:")
        .endsWith("; the whole file is skipped until it parses");
  }
}
