package dev.rdpdoctor.ruletools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.ruletools.evaluation.Evaluation;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base on the repository's realistic tickets must not fall below the floor
 * recorded in tickets/floor.properties: the confirmed cause ranked first, and in the first three.
 */
class TicketsFloorTest {

  private static final Path TICKETS = Path.of("tickets");

  @Test
  void theConfirmedCauseRanksFirstAndInTheFirstThreeAtLeastAsOftenAsTheFloorSays() throws Exception {
    Properties floor = new Properties();
    try (Reader in = Files.newBufferedReader(TICKETS.resolve("floor.properties"))) {
      floor.load(in);
    }
    int top1 = Integer.parseInt(floor.getProperty("top1").strip());
    int top3 = Integer.parseInt(floor.getProperty("top3").strip());
    ScenarioRunner runner = new ScenarioRunner(Fixtures.knowledge(),
        new CaseFileReader(Fixtures.knowledge().vocabulary(), Clock.systemDefaultZone()));
    List<TicketRun> runs = ScenarioRunner.samples(List.of(TICKETS)).stream().map(runner::ticket).toList();
    Evaluation e = Evaluation.of(Fixtures.knowledge(), runs);
    assertThat(e.invalid()).as("tickets that could not be measured").isEmpty();
    assertThat(e.skipped()).as("tickets without a resolution").isEmpty();
    assertThat(e.tickets()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(e.top1().k()).as("tickets whose confirmed cause is ranked first (floor %d)", top1).isGreaterThanOrEqualTo(top1);
    assertThat(e.top3().k()).as("tickets whose confirmed cause is in the first three (floor %d)", top3).isGreaterThanOrEqualTo(top3);
  }
}
