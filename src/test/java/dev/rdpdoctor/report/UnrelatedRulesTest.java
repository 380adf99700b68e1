package dev.rdpdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing in a report depends on the knowledge base as a whole (a rule count, a hash): a new
 * cause whose rule fires on no golden sample leaves every golden report as it is.
 */
class UnrelatedRulesTest {

  @TempDir Path dir;

  @Test
  void aNewCauseWhoseRuleFiresOnNoGoldenSampleLeavesTheJsonGoldensAsTheyAre() throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Files.writeString(rules.resolve("causes.yaml"), """

          - id: unrelated-cause
            title: A cause none of the golden samples shows
            area: host
            summary: Added by a test.
            sources: [technet-disconnect-codes]
            fixes:
              - {id: unrelated-fix, title: Nothing, risk: low, restart: none, steps: [nothing], rollback: nothing, verify: nothing}
        """, StandardOpenOption.APPEND);
    Files.writeString(rules.resolve("host/unrelated.drl"), """
        package host;

        import facts.ErrorReport;

        rule "Code 0x999: a code no golden sample has"
          @id("HOST-990") @cause("unrelated-cause") @cf(0.5)
          @sources("technet-disconnect-codes")
        when
          ErrorReport(code == 0x999)
        then
        end
        """);
    for (String sample : GoldenReportsTest.SAMPLES) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = Main.run(new String[] {"diagnose", "--explain", "--format", "json", "--rules", rules.toString(),
          Fixtures.SAMPLES.resolve(sample + ".yaml").toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(exit).as("stderr: %s", err).isZero();
      String json = out.toString(StandardCharsets.UTF_8).replace(rules.toString(), Fixtures.RULES.toString());
      assertThat(json).as(sample).isEqualTo(Files.readString(GoldenReportsTest.GOLDEN.resolve(sample + ".json")));
    }
  }
}
