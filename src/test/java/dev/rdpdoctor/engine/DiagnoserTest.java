package dev.rdpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.knowledge.BoundedRun;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.load.KnowledgeLoader;
import dev.rdpdoctor.knowledge.RulesFolder;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DiagnoserTest {

  @TempDir Path dir;

  private Diagnosis diagnose(String drl, String yaml) {
    KnowledgeBase kb = new KnowledgeLoader().load(RulesFolder.write(dir, drl));
    CaseFile c = new CaseFileReader().read("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    return new Diagnoser(kb, 200).diagnose(c);
  }

  @Test
  void aRuleCountsOnceForItsCauseHoweverManyFactsItMatches() {
    Diagnosis d = diagnose("""
        rule "event seen" @id("T-1") @cause("alpha") @cf(0.5) @sources("doc-high")
        when WindowsEvent(id == 1058) then end
        """, "events: [1058, 1058, 1058]");
    CauseAssessment alpha = d.top().orElseThrow();
    assertThat(alpha.cf()).isCloseTo(0.5, within(1e-12));
    assertThat(alpha.evidence()).singleElement().satisfies(e -> assertThat(e.firings()).hasSize(3));
  }

  @Test
  void theTraceQuotesTheUsersPathsValuesAndLines() {
    Diagnosis d = diagnose("""
        rule "nla on rdp" @id("T-1") @cause("alpha") @cf(0.7) @sources("doc-high")
        when RdpSettings(securityLayer == SecurityLayer.RDP, nlaRequired == true) then end
        """, "title: t\nrdp:\n  nla_required: yes\n  security_layer: 0\n");
    Firing f = d.top().orElseThrow().evidence().get(0).firings().get(0);
    assertThat(f.facts()).extracting(MatchedFact::path, MatchedFact::value, m -> m.line().orElse(-1))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("rdp.nla_required", "yes", 3),
            org.assertj.core.groups.Tuple.tuple("rdp.security_layer", "0", 4));
  }

  @Test
  void anApproximateDateIsReadByTheRulesAsItsEstimateAndQuotedWithItsWords() {
    Diagnosis d = diagnose("""
        rule "began within ten days" @id("T-1") @cause("alpha") @cf(0.5) @sources("doc-high")
        when ErrorReport(sinceDays <= 10, since == java.time.LocalDate.of(2026, 11, 12)) then end
        """, "observed: 2026-11-20\nerror:\n  code: 0x904\n  since: last week\n");
    Firing f = d.top().orElseThrow().evidence().get(0).firings().get(0);
    assertThat(f.facts()).extracting(MatchedFact::path, MatchedFact::value, m -> m.line().orElse(-1), m -> m.derivation().orElse(""))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("error.since", "last week (about 2026-11-12)", 4, ""),
            org.assertj.core.groups.Tuple.tuple("error.since_days", "8", -1,
                "since last week (about 2026-11-12) is 8 days before the observed date 2026-11-20"));
  }

  @Test
  void aRuleMatchesAnEventSeenOnlyByItsSource() {
    Diagnosis d = diagnose("""
        rule "Schannel errors without an id" @id("T-1") @cause("alpha") @cf(0.4) @sources("doc-high")
        when WindowsEvent(id == null, source == "Schannel") then end
        rule "event 36870" @id("T-2") @cause("beta") @cf(0.4) @sources("doc-high")
        when WindowsEvent(id == 36870) then end
        """, "events:\n  - {source: Schannel, text: Schannel errors}\n");
    assertThat(d.ranked()).extracting(a -> a.cause().id()).containsExactly("alpha");
    assertThat(d.top().orElseThrow().evidence().get(0).firings().get(0).facts())
        .extracting(MatchedFact::path, MatchedFact::value).contains(org.assertj.core.groups.Tuple.tuple("events[0].source", "Schannel"));
  }

  @Test
  void aChainOfFindingsIsTraced() {
    Diagnosis d = diagnose("""
        rule "derive" @id("T-1")
        when Certificate(expired == true) then insertLogical(new Finding("tls-broken")); end
        rule "conclude" @id("T-2") @cause("alpha") @cf(0.6) @sources("doc-high")
        when Finding(name == "tls-broken") then end
        """, "observed: 2026-11-20\ncertificate: {not_after: 2026-01-01}");
    Firing conclude = d.top().orElseThrow().evidence().get(0).firings().get(0);
    assertThat(conclude.findings()).extracting(Finding::name).containsExactly("tls-broken");
    assertThat(conclude.premises()).hasSize(1);
    Firing derive = d.firing(conclude.premises().get(0));
    assertThat(derive.rule().id()).isEqualTo("T-1");
    assertThat(derive.facts()).singleElement().satisfies(m -> {
      assertThat(m.path()).isEqualTo("certificate.expired");
      assertThat(m.value()).isEqualTo("true");
      assertThat(m.derivation()).hasValueSatisfying(s -> assertThat(s).contains("2026-01-01"));
    });
  }

  @Test
  void onlyNegativeEvidenceRulesACauseOut() {
    Diagnosis d = diagnose("""
        rule "for" @id("T-1") @cause("beta") @cf(0.4) @sources("doc-high") when Client(app == ClientApp.MSTSC) then end
        rule "against" @id("T-2") @cause("alpha") @cf(-0.6) @sources("doc-high") when Client(app == ClientApp.MSTSC) then end
        """, "client: {app: mstsc}");
    assertThat(d.ranked()).extracting(a -> a.cause().id()).containsExactly("beta");
    assertThat(d.ruledOut()).extracting(a -> a.cause().id()).containsExactly("alpha");
  }

  @Test
  void aTieGoesToTheCauseWhoseFirstFixIsSafer() {
    // alpha's safest fix is medium risk, beta's is low: beta first although alpha sorts first by name.
    Diagnosis d = diagnose("""
        rule "a" @id("T-1") @cause("alpha") @cf(0.5) @sources("doc-high") when Client(app == ClientApp.MSTSC) then end
        rule "b" @id("T-2") @cause("beta") @cf(0.5) @sources("doc-high") when Client(app == ClientApp.MSTSC) then end
        """, "client: {app: mstsc}");
    assertThat(d.ranked()).extracting(a -> a.cause().id()).containsExactly("beta", "alpha");
  }

  @Test
  void unknownFactsMatchNoRule() {
    Diagnosis d = diagnose("""
        rule "nla off" @id("T-1") @cause("alpha") @cf(0.5) @sources("doc-high") when RdpSettings(nlaRequired == false) then end
        rule "nla on" @id("T-2") @cause("beta") @cf(0.5) @sources("doc-high") when RdpSettings(nlaRequired == true) then end
        """, "title: nothing about nla");
    assertThat(d.firings()).isEmpty();
    assertThat(d.ranked()).isEmpty();
  }

  @Test
  void aLoopStopsAtTheFireLimitNamingTheRule() {
    assertThatThrownBy(() -> diagnose("""
        rule "flip" @id("T-9")
        when $f : Finding(name == "x") then delete($f); insert(new Finding("x")); end
        rule "seed" @id("T-8") when Client() then insert(new Finding("x")); end
        """, "title: t"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).format())
            .contains("test/rules.drl:").contains("rule 'flip' fired").contains("the rules loop"));
  }

  @Test
  void aConsequenceThatThrowsIsReportedWithItsRule() {
    assertThatThrownBy(() -> diagnose("""
        rule "boom" @id("T-1")
        when Client() then Integer.parseInt("kaput"); end
        """, "title: t"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          InputError err = ((InvalidInputException) e).errors().get(0);
          assertThat(err.file()).endsWith("test/rules.drl");
          assertThat(err.line()).isEqualTo(4);
          assertThat(err.message()).contains("rule 'boom' failed in its consequence").contains("kaput");
        });
  }

  private static final String HEALTHY_CASE = "client: {app: mstsc}";

  /** A knowledge base with the rules given and a rule that concludes for alpha on an mstsc client. */
  private Diagnoser diagnoserWith(String drl, Duration timeLimit) {
    return diagnoserWith(drl, new dev.rdpdoctor.knowledge.BoundedRun.Limits(timeLimit, Diagnoser.DEFAULT_MEMORY_LIMIT));
  }

  private Diagnoser diagnoserWith(String drl, dev.rdpdoctor.knowledge.BoundedRun.Limits limits) {
    KnowledgeBase kb = new KnowledgeLoader().load(RulesFolder.write(dir, drl + """
        rule "healthy" @id("T-100") @cause("alpha") @cf(0.5) @sources("doc-high")
        when Client(app == ClientApp.MSTSC) then end
        """));
    return new Diagnoser(kb, 200, limits);
  }

  private static CaseFile caseOf(String yaml) {
    return new CaseFileReader().read("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** The diagnoser still works after a failure: the next case is diagnosed as usual. */
  private static void assertStillHealthy(Diagnoser diagnoser) {
    assertThat(diagnoser.diagnose(caseOf(HEALTHY_CASE)).top()).hasValueSatisfying(
        a -> assertThat(a.cause().id()).isEqualTo("alpha"));
  }

  private static InputError onlyError(Throwable e) {
    assertThat(e).isInstanceOf(InvalidInputException.class);
    return ((InvalidInputException) e).errors().get(0);
  }

  @Test
  @Timeout(20)
  void aConsequenceThatNeverEndsIsStoppedWithinTheTimeLimitNamingTheRule() {
    Diagnoser diagnoser = diagnoserWith("""
        rule "spin" @id("T-1")
        when Host(name == "spin") then
          long n = 0; while (n >= 0) { n = n + 1; if (n == Long.MAX_VALUE) { n = 0; } }
        end
        """, new dev.rdpdoctor.knowledge.BoundedRun.Limits(Duration.ofMillis(500), Long.MAX_VALUE)); // the time limit alone
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> diagnoser.diagnose(caseOf("host: {name: spin}")));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    InputError error = onlyError(thrown);
    assertThat(error.file()).endsWith("test/rules.drl");
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.message()).startsWith("rule 'spin' did not finish within 500 ms: its consequence may never end");
    assertStillHealthy(diagnoser);
  }

  @Test
  @Timeout(20)
  void aConsequenceThatSleepsForeverIsStoppedToo() {
    Diagnoser diagnoser = diagnoserWith("""
        rule "sleeper" @id("T-1")
        when Host(name == "sleep") then Thread.sleep(Long.MAX_VALUE); end
        """, Duration.ofMillis(300));
    InputError error = onlyError(catchThrowable(() -> diagnoser.diagnose(caseOf("host: {name: sleep}"))));
    assertThat(error.message()).isEqualTo("rule 'sleeper' did not finish within 300 ms: its consequence may never end");
    assertStillHealthy(diagnoser);
  }

  @Test
  @Timeout(20)
  void twoRulesThatRetractEachOthersFactsStopAtTheFireLimitNamingBoth() {
    Diagnoser diagnoser = diagnoserWith("""
        rule "seed" @id("T-1") when Host(name == "ping") then insert(new Finding("ping")); end
        rule "ping" @id("T-2")
        when $f : Finding(name == "ping") then delete($f); insert(new Finding("pong")); end
        rule "pong" @id("T-3")
        when $f : Finding(name == "pong") then delete($f); insert(new Finding("ping")); end
        """, Duration.ofSeconds(10));
    Throwable thrown = catchThrowable(() -> diagnoser.diagnose(caseOf("host: {name: ping}")));
    assertThat(((InvalidInputException) thrown).errors()).extracting(InputError::format)
        .anySatisfy(line -> assertThat(line).contains("test/rules.drl:5:1: error: rule 'ping' fired"))
        .anySatisfy(line -> assertThat(line).contains("test/rules.drl:7:1: error: rule 'pong' fired"));
    assertStillHealthy(diagnoser);
  }

  @Test
  @Timeout(20)
  void aRuleThatUpdatesWhatItMatchesStopsAtTheFireLimit() {
    Diagnoser diagnoser = diagnoserWith("""
        rule "again" @id("T-1") when $h : Host(name == "loop") then modify($h) { setName("loop") }; end
        """, Duration.ofSeconds(10));
    InputError error = onlyError(catchThrowable(() -> diagnoser.diagnose(caseOf("host: {name: loop}"))));
    assertThat(error.format()).contains("test/rules.drl:4:1: error: rule 'again' fired 200 times: the rules loop");
    assertStillHealthy(diagnoser);
  }

  @Test
  void aConsequenceThatThrowsLeavesTheDiagnoserHealthy() {
    Diagnoser diagnoser = diagnoserWith("""
        rule "boom" @id("T-1") when Host(name == "boom") then Integer.parseInt("kaput"); end
        """, Duration.ofSeconds(10));
    InputError error = onlyError(catchThrowable(() -> diagnoser.diagnose(caseOf("host: {name: boom}"))));
    assertThat(error.message()).startsWith("rule 'boom' failed in its consequence: NumberFormatException");
    assertStillHealthy(diagnoser);
  }

  @Test
  @Timeout(30)
  void aConsequenceThatAllocatesWithoutEndIsStoppedAtTheAllocationLimitNamingTheRule() {
    KnowledgeBase kb = new KnowledgeLoader().load(RulesFolder.write(dir, """
        rule "hoard" @id("T-1") dialect "java"
        when Host(name == "hoard") then
          java.util.List<long[]> all = new java.util.ArrayList<>();
          while (true) { all.add(new long[1 << 17]); }
        end
        rule "healthy" @id("T-100") @cause("alpha") @cf(0.5) @sources("doc-high")
        when Client(app == ClientApp.MSTSC) then end
        """));
    Diagnoser diagnoser = new Diagnoser(kb, 200, new BoundedRun.Limits(Duration.ofSeconds(60), 32L << 20));
    InputError error = onlyError(catchThrowable(() -> diagnoser.diagnose(caseOf("host: {name: hoard}"))));
    assertThat(error.file()).endsWith("test/rules.drl");
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.message())
        .isEqualTo("rule 'hoard' allocated more than 32 MiB on one case: its consequence may allocate without end");
    assertStillHealthy(diagnoser);
  }

  @Test
  void aConditionThatAllocatesWithoutEndIsStoppedWhileTheFactsAreInserted() {
    KnowledgeBase kb = new KnowledgeLoader().load(RulesFolder.write(dir, """
        rule "hoards in its condition" @id("T-1")
        when Host(name == "hoard", eval(hoard())) then end
        function boolean hoard() {
          java.util.List all = new java.util.ArrayList();
          while (true) { all.add(new long[1 << 17]); }
        }
        rule "healthy" @id("T-100") @cause("alpha") @cf(0.5) @sources("doc-high")
        when Client(app == ClientApp.MSTSC) then end
        """));
    Diagnoser diagnoser = new Diagnoser(kb, 200, new BoundedRun.Limits(Duration.ofSeconds(60), 32L << 20));
    InputError error = onlyError(catchThrowable(() -> diagnoser.diagnose(caseOf("host: {name: hoard}"))));
    assertThat(error.message()).startsWith("the rules allocated more than 32 MiB on one case and no consequence was running");
    assertStillHealthy(diagnoser);
  }

  @Test
  void aCaseThatRunsOutOfMemoryTwiceFailsNamingTheRuleAndTheNextCaseRuns() {
    Diagnoser diagnoser = diagnoserWith("""
        rule "exhausts" @id("T-1") dialect "java"
        when Host(name == "exhaust") then if (true) { throw new OutOfMemoryError("Java heap space"); } end
        """, Duration.ofSeconds(10));
    InputError error = onlyError(catchThrowable(() -> diagnoser.diagnose(caseOf("host: {name: exhaust}"))));
    assertThat(error.format()).contains("test/rules.drl:4:1: error: rule 'exhausts' ran out of memory in its consequence");
    assertStillHealthy(diagnoser);
  }

  @Test
  void aCaseThatRunsOutOfMemoryOnceIsRunAgainForAnotherCaseMayHaveFilledTheHeap() {
    OutOfMemoryOnce.CALLS.set(0);
    Diagnoser diagnoser = diagnoserWith("""
        rule "unlucky" @id("T-1") dialect "java"
        when Host(name == "unlucky") then dev.rdpdoctor.engine.OutOfMemoryOnce.call(); end
        """, Duration.ofSeconds(10));
    Diagnosis d = diagnoser.diagnose(caseOf("host: {name: unlucky}\nclient: {app: mstsc}"));
    assertThat(OutOfMemoryOnce.CALLS).hasValue(2);
    assertThat(d.top()).hasValueSatisfying(a -> assertThat(a.cause().id()).isEqualTo("alpha"));
  }

  @Test
  void aLoopErrorNamesOnlyTheRulesThatFiredManyTimesNotTheOneThatStartedIt() {
    Diagnoser diagnoser = diagnoserWith("""
        rule "seed" @id("T-1") when Host(name == "loop") then insert(new Finding("x")); end
        rule "flip" @id("T-2")
        when $f : Finding(name == "x") then delete($f); insert(new Finding("x")); end
        """, Duration.ofSeconds(10));
    Throwable thrown = catchThrowable(() -> diagnoser.diagnose(caseOf("host: {name: loop}")));
    assertThat(((InvalidInputException) thrown).errors()).extracting(InputError::format).singleElement().asString()
        .startsWith(dir + "/test/rules.drl:5:1: error: rule 'flip' fired ")
        .endsWith(" times: the rules loop (the limit of 200 firings was reached); a consequence probably modifies what"
            + " its own condition reads");
  }

  @Test
  void aRuleThatFiredOnceIsSaidToHaveFiredOneTime() {
    KnowledgeBase kb = new KnowledgeLoader().load(RulesFolder.write(dir, """
        rule "once" @id("T-1") when Host(name == "h") then end
        """));
    InputError error = onlyError(catchThrowable(() -> new Diagnoser(kb, 1).diagnose(caseOf("host: {name: h}"))));
    assertThat(error.message()).startsWith("rule 'once' fired 1 time: the rules loop (the limit of 1 firings was reached)");
  }
}
