package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.knowledge.RulesFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules evaluate} on a small world whose truth is known: three causes, a rule for each, and
 * one rule (M-1, for gamma) that fires on FreeRDP connections, which in these tickets were always
 * alpha's or beta's. The tickets are in src/test/resources/evaluation/tickets/.
 */
class RulesEvaluateTest {

  static final Path TICKETS = Path.of("src/test/resources/evaluation/tickets");
  static final Path GOLDEN = Path.of("src/test/resources/evaluation/small-world.txt");

  static final String CAUSES = """
      causes:
        - id: alpha
          title: Cause alpha
          area: test
          fixes:
            - {id: alpha-risky, title: Risky fix, risk: high, steps: [do it], rollback: undo it}
        - id: beta
          title: Cause beta
          area: test
          fixes:
            - {id: beta-safe, title: Safe fix, risk: low, steps: [look]}
        - id: gamma
          title: Cause gamma
          area: test
          fixes:
            - {id: gamma-safe, title: Safe fix, risk: low, steps: [look]}
      """;

  static String drl(double misleadingCf) {
    return """
        rule "nla" @id("A-1") @cause("alpha") @cf(0.6) @sources("doc-high")
        when RdpSettings(nlaRequired == true) then end
        rule "rdp off" @id("B-1") @cause("beta") @cf(0.5) @sources("doc-high")
        when RdpSettings(enabled == false) then end
        rule "event 1058" @id("G-1") @cause("gamma") @cf(0.6) @sources("doc-high")
        when WindowsEvent(id == 1058) then end
        rule "freerdp" @id("M-1") @cause("gamma") @cf(%s) @sources("doc-high")
        when Client(app == ClientApp.FREERDP) then end
        """.formatted(misleadingCf);
  }

  @TempDir Path dir;

  private Path rules(String name, double misleadingCf) throws Exception {
    return RulesFolder.write(Files.createDirectories(dir.resolve(name)), RulesFolder.SOURCES, CAUSES, drl(misleadingCf));
  }

  private static CliRun evaluate(Path rules, String... more) {
    List<String> args = new ArrayList<>(List.of("rules", "evaluate", "--rules", rules.toString(), TICKETS.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aRuleKnownToMisleadIsNamedWithLowPrecisionAndALowerSuggestedWeight() throws Exception {
    CliRun run = evaluate(rules("rules", 0.7), "--format", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("schema").asText()).isEqualTo("rdp-doctor/evaluation/1");
    assertThat(json.get("tickets").asInt()).isEqualTo(7);
    assertThat(json.get("top1").get("k").asInt()).isEqualTo(4);
    assertThat(json.get("top3").get("k").asInt()).isEqualTo(7);
    JsonNode misleading = rule(json, "M-1");
    assertThat(misleading.get("fired").asInt()).isEqualTo(3);
    assertThat(misleading.get("right").get("k").asInt()).isZero();
    assertThat(misleading.get("lift").asDouble()).isZero();
    assertThat(misleading.get("misleads").asBoolean()).isTrue();
    assertThat(misleading.get("suggested_cf").asDouble()).isLessThan(0.7);
    JsonNode good = rule(json, "G-1");
    assertThat(good.get("right").get("k").asInt()).isEqualTo(2);
    assertThat(good.get("misleads").asBoolean()).isFalse();
    assertThat(good.get("suggested_cf").asDouble()).isGreaterThan(0.6);
    assertThat(json.get("rules").get(0).get("id").asText()).as("the misleading rule comes first").isEqualTo("M-1");
    assertThat(json.get("skipped")).extracting(JsonNode::asText).containsExactly(TICKETS.resolve("t08-open.yaml").toString());

    CliRun text = evaluate(rules("again", 0.7));
    assertThat(text.out()).contains("Rules that mislead").containsPattern("\\n  M-1 \\(gamma, CF \\+0\\.70\\): right on 0 / 3 "
        + "\\(0 %, 0-56 %\\), lift 0\\.0; suggested CF \\+0\\.\\d\\d  ");
  }

  private static JsonNode rule(JsonNode json, String id) {
    for (JsonNode r : json.get("rules")) {
      if (r.get("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no rule " + id + " in " + json.get("rules"));
  }

  @Test
  void compareReportsExactlyTheTicketsWhoseRankChanged() throws Exception {
    Path before = rules("before", 0.7);
    Path after = rules("after", 0.3);
    CliRun run = evaluate(after, "--compare", before.toString(), "--format", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode compared = new ObjectMapper().readTree(run.out()).get("compared_with");
    List<String> changed = new ArrayList<>();
    for (JsonNode c : compared.get("changed")) {
      changed.add(c.get("file").asText() + " " + c.get("rank_before").asInt() + "->" + c.get("rank_after").asInt()
          + " " + c.get("better").asBoolean());
    }
    assertThat(changed).containsExactly(
        TICKETS.resolve("t01-alpha-freerdp.yaml") + " 2->1 true",
        TICKETS.resolve("t03-alpha-freerdp.yaml") + " 2->1 true",
        TICKETS.resolve("t04-beta-freerdp.yaml") + " 2->1 true");
    assertThat(compared.get("top1").get("k").asInt()).isEqualTo(4);
    assertThat(new ObjectMapper().readTree(run.out()).get("top1").get("k").asInt()).isEqualTo(7);

    CliRun text = evaluate(after, "--compare", before.toString());
    assertThat(text.out()).contains("  ranked first:       4 -> 7 of 7\n")
        .contains("  3 tickets whose confirmed cause ranks elsewhere (before -> after):\n"
            + "    better 2 -> 1  " + TICKETS.resolve("t01-alpha-freerdp.yaml") + "  alpha (first: gamma -> alpha)\n"
            + "    better 2 -> 1  " + TICKETS.resolve("t03-alpha-freerdp.yaml") + "  alpha (first: gamma -> alpha)\n"
            + "    better 2 -> 1  " + TICKETS.resolve("t04-beta-freerdp.yaml") + "  beta (first: gamma -> beta)\n");
    CliRun same = evaluate(after, "--compare", after.toString());
    assertThat(same.out()).contains("  0 tickets whose confirmed cause ranks elsewhere");
  }

  @Test
  void theTextReportMatchesItsGoldenFile() throws Exception {
    Path rules = rules("rules", 0.7);
    CliRun run = evaluate(rules);
    assertThat(run.exit()).as(run.err()).isZero();
    String actual = run.out().replace(rules.toString(), "RULES");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void theHtmlReportIsOneFileWithItsChartsAndNoScriptOrNetwork() throws Exception {
    Path out = dir.resolve("report.html");
    CliRun run = evaluate(rules("rules", 0.7), "--format", "html", "-o", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("rules evaluate: wrote " + out + " (7 tickets)");
    Document html = Jsoup.parse(Files.readString(out));
    assertThat(html.select("script")).isEmpty();
    assertThat(html.select("[src], link[href]")).isEmpty();
    assertThat(html.select("figure svg")).hasSize(3);
    assertThat(html.select("figure svg").eachAttr("id")).containsExactly("per-cause", "confusion", "precision");
    assertThat(html.select("#per-cause svg text").eachText()).contains("alpha (3)", "beta (2)", "gamma (2)");
    assertThat(html.select("#confusion svg text").eachText()).contains("alpha", "beta", "gamma");
    assertThat(html.select("#rules svg text").eachText()).anyMatch(t -> t.contains("M-1"));
    assertThat(html.select("#rules tr.misleads code").eachText()).contains("M-1");
    assertThat(html.select("#headline .figure b").eachText()).containsExactly("57 %", "100 %", "1.4", "1");
    assertThat(CliRun.of("rules", "evaluate", "--rules", dir.resolve("rules").toString(), TICKETS.toString(), "--format", "html",
        "-o", out.toString()).exit()).as("an existing file is not replaced").isEqualTo(ExitCode.USAGE);
  }

  @Test
  void theMarkdownReportHasTheHeadlineAndEveryTable() throws Exception {
    CliRun run = evaluate(rules("rules", 0.7), "--format", "markdown");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("| ranked first | 4 / 7 (57 %, 25-84 %) |").contains("## Per confirmed cause")
        .contains("| alpha | gamma 2 | 1 |").contains("| M-1 | gamma | +0.70 | 3 | 0 % |");
  }

  @Test
  void aTicketWhoseResolutionNamesAnUnknownCauseIsALocatedErrorAndTheRestIsStillMeasured() throws Exception {
    Path tickets = Files.createDirectories(dir.resolve("tickets"));
    for (String t : List.of("t02-alpha.yaml", "t05-beta.yaml")) {
      Files.copy(TICKETS.resolve(t), tickets.resolve(t));
    }
    Files.writeString(tickets.resolve("t09-typo.yaml"), "title: t\nresolution:\n  cause: alpah\n  confirmed: yes\n");
    CliRun run = CliRun.of("rules", "evaluate", "--rules", rules("rules", 0.7).toString(), tickets.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).isEqualTo(tickets.resolve("t09-typo.yaml") + ":3:10: error: resolution.cause: no cause 'alpah' in the"
        + " knowledge base (did you mean 'alpha'?)\n");
    assertThat(run.out()).contains("on 2 resolved tickets; 1 invalid (errors on stderr)")
        .contains("Invalid, not measured (their errors are on stderr):\n  " + tickets.resolve("t09-typo.yaml"));
  }

  @Test
  void folderWithoutAnyResolutionIsAnErrorNotAnEmptyReport() throws Exception {
    Path tickets = Files.createDirectories(dir.resolve("tickets"));
    Files.copy(TICKETS.resolve("t08-open.yaml"), tickets.resolve("t08-open.yaml"));
    CliRun run = CliRun.of("rules", "evaluate", "--rules", rules("rules", 0.7).toString(), tickets.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(tickets + ":1:1: error: none of the 1 tickets has a resolution: block; nothing to measure\n");
  }

  @Test
  void aMissingFolderOrComparedFolderIsAUsageError() throws Exception {
    Path rules = rules("rules", 0.7);
    CliRun missing = CliRun.of("rules", "evaluate", "--rules", rules.toString(), dir.resolve("none").toString());
    assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).startsWith("rdp-doctor: " + dir.resolve("none") + ": no such file or folder");
    CliRun compare = evaluate(rules, "--compare", dir.resolve("none").toString());
    assertThat(compare.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(compare.err()).startsWith("rdp-doctor: --compare " + dir.resolve("none") + ": no such folder");
    CliRun format = evaluate(rules, "--format", "pdf");
    assertThat(format.exit()).isEqualTo(ExitCode.USAGE);
  }
}
