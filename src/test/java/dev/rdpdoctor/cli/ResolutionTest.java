package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outcome of a resolved ticket ({@code resolution:}): read strictly, checked by rules check, never weighed by diagnose. */
class ResolutionTest {

  private static final Path TICKETS = Path.of("tickets");

  @TempDir Path dir;

  @Test
  void aResolutionChangesNoRankingOfAnyTicket() throws Exception {
    CaseFileReader reader = new CaseFileReader(Fixtures.knowledge().vocabulary(), Clock.systemDefaultZone());
    Diagnoser diagnoser = new Diagnoser(Fixtures.knowledge());
    List<Path> tickets;
    try (Stream<Path> files = Files.list(TICKETS)) {
      tickets = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(tickets).hasSizeGreaterThanOrEqualTo(60);
    for (Path ticket : tickets) {
      String text = Files.readString(ticket);
      int at = text.indexOf("\nresolution:\n");
      assertThat(at).as("%s has a resolution", ticket).isPositive();
      CaseFile with = reader.read(ticket);
      Path without = dir.resolve(ticket.getFileName().toString());
      Files.writeString(without, text.substring(0, at + 1));
      CaseFile stripped = reader.read(without);
      assertThat(with.resolution()).isPresent();
      assertThat(stripped.resolution()).isEmpty();
      assertThat(ranking(diagnoser.diagnose(with))).as("%s with and without its resolution", ticket)
          .isEqualTo(ranking(diagnoser.diagnose(stripped)));
    }
  }

  private static List<String> ranking(Diagnosis d) {
    return Stream.concat(d.ranked().stream(), d.ruledOut().stream())
        .map((CauseAssessment a) -> a.cause().id() + " " + a.cf() + " " + a.evidence().size()).toList();
  }

  @Test
  void aResolutionIsNotListedAmongTheFactsNoRuleRead() throws Exception {
    CliRun run = CliRun.of("diagnose", "--format", "json", "--rules", Fixtures.RULES.toString(),
        TICKETS.resolve("35-nla-dc-secure-channel-rich.yaml").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode notRead = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("not_read");
    assertThat(notRead).isNotEmpty();
    assertThat(notRead.toString()).contains("notes").doesNotContain("resolution").doesNotContain("Reset-ComputerMachinePassword");
  }

  @Test
  void aMalformedResolutionIsALocatedErrorForEachProblemWithADidYouMean() throws Exception {
    Path ticket = dir.resolve("t.yaml");
    Files.writeString(ticket, """
        title: t
        error: {code: 0x904}
        resolution:
          casue: cert-expired
          confirmed: maybe
          date: yesterday
        """);
    CliRun run = CliRun.of("diagnose", "--rules", Fixtures.RULES.toString(), ticket.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err().lines()).containsExactly(
        ticket + ":4:3: error: unknown key 'casue' in 'resolution'; did you mean 'cause'? allowed keys: by, cause, confirmed,"
            + " date, fix, notes",
        ticket + ":5:14: error: resolution.confirmed: 'maybe' is not allowed; allowed: yes, only-fix-worked",
        ticket + ":6:9: error: resolution.date: malformed date 'yesterday': write it as YYYY-MM-DD, e.g. 2026-11-20");
    Files.writeString(ticket, """
        title: t
        resolution:
          confirmed: fix only
        """);
    assertThat(CliRun.of("diagnose", "--rules", Fixtures.RULES.toString(), ticket.toString()).err())
        .isEqualTo(ticket + ":3:3: error: resolution: a resolution needs 'cause': the id of the cause (in causes.yaml) that"
            + " was confirmed, or whose fix worked\n");
  }

  @Test
  void confirmedReadsYesAndTheWordsPeopleUseForOnlyTheFixWorked() throws Exception {
    CaseFileReader reader = new CaseFileReader(Fixtures.knowledge().vocabulary(), Clock.systemDefaultZone());
    Path ticket = dir.resolve("t.yaml");
    for (String confirmed : List.of("yes", "true", "confirmed", "\"yes\"")) {
      Files.writeString(ticket, "resolution: {cause: cert-expired, confirmed: " + confirmed + "}\n");
      assertThat(reader.read(ticket).resolution().orElseThrow().causeConfirmed()).as(confirmed).isTrue();
    }
    for (String confirmed : List.of("only-fix-worked", "no", "false", "fix only")) {
      Files.writeString(ticket, "resolution: {cause: cert-expired, confirmed: " + confirmed + "}\n");
      assertThat(reader.read(ticket).resolution().orElseThrow().causeConfirmed()).as(confirmed).isFalse();
    }
  }

  @Test
  void rulesCheckNamesAResolutionWhoseCauseOrFixTheKnowledgeBaseLacksWithADidYouMean() throws Exception {
    Path tickets = Files.createDirectories(dir.resolve("tickets"));
    Files.writeString(tickets.resolve("a.yaml"), """
        title: a
        resolution:
          cause: cert-expird
          fix: renew-self-signed-cer
          confirmed: yes
        """);
    Files.writeString(tickets.resolve("b.yaml"), """
        title: b
        resolution:
          cause: cert-expired
          fix: reset-machinekeys-acl
          confirmed: yes
        """);
    CliRun run = CliRun.of("rules", "check", "--rules", Fixtures.RULES.toString(), "--tickets", tickets.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(run.err().lines()).containsExactly(
        tickets.resolve("a.yaml") + ":3:10: error: resolution.cause: no cause 'cert-expird' in the knowledge base (did you"
            + " mean 'cert-expired'?)",
        tickets.resolve("a.yaml") + ":4:8: error: resolution.fix: no fix 'renew-self-signed-cer' in the knowledge base (did"
            + " you mean 'renew-self-signed-cert'?)",
        tickets.resolve("b.yaml") + ":4:8: warning: resolution.fix: 'reset-machinekeys-acl' is a fix of"
            + " 'machinekeys-inaccessible', not of 'cert-expired'; one of the two is likely mistyped");
    assertThat(run.out()).contains("2 errors, 1 warning");
  }

  @Test
  void rulesCheckFindsNothingWrongWithTheResolutionsOfTheBundledTickets() {
    CliRun run = CliRun.of("rules", "check", "--rules", Fixtures.RULES.toString(), "--tickets", TICKETS.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
  }
}
