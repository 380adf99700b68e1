package dev.rdpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.problem.InputError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultLineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ResultLine format = new ResultLine(Fixtures.knowledge());

  private JsonNode render(BatchOutcome outcome) throws Exception {
    String text = new String(format.render(outcome), StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n").doesNotContain("\n\n");
    assertThat(text.strip()).doesNotContain("\n");
    return JSON.readTree(text);
  }

  @Test
  void aDiagnosisIsOneLineWithTheRankingTheRulesBehindItAndTheTrace() throws Exception {
    Path sample = Path.of("facts-samples/cert-expired.yaml");
    Diagnosis d = new Diagnoser(Fixtures.knowledge()).diagnose(new CaseFileReader().read(sample));
    JsonNode line = render(new BatchOutcome.Diagnosed(new BatchItem.CaseFile(0, sample), d));
    assertThat(line.get("schema").asText()).isEqualTo("rdp-doctor/result/1");
    assertThat(line.get("case").toString()).isEqualTo("{\"file\":\"facts-samples/cert-expired.yaml\"}");
    assertThat(line.get("top").asText()).isEqualTo("cert-expired");
    assertThat(line.get("cf").asDouble()).isEqualTo(ResultLine.round(d.top().orElseThrow().cf()));
    assertThat(line.get("first_fix").asText()).isEqualTo("renew-self-signed-cert");
    assertThat(line.get("ranked")).hasSize(d.ranked().size());
    assertThat(line.get("ruled_out")).hasSize(d.ruledOut().size());
    assertThat(line.at("/ranked/0/evidence/0").asText()).isEqualTo(d.top().orElseThrow().evidence().get(0).rule().id());
    for (int i = 0; i < d.ruledOut().size(); i++) {
      assertThat(line.at("/ruled_out/" + i + "/cf").asDouble()).isEqualTo(ResultLine.round(d.ruledOut().get(i).cf()));
    }
    assertThat(line.get("firings")).hasSize(d.firings().size());
    assertThat(line.at("/firings/0/rule").asText()).isEqualTo(d.firing(1).rule().id());
    assertThat(line.at("/firings/0/facts").size()).isEqualTo(d.firing(1).facts().size());
  }

  @Test
  void certaintyFactorsAreWrittenToFourPlaces() throws Exception {
    String text = new String(format.render(new BatchOutcome.Diagnosed(new BatchItem.CaseFile(0, Path.of("x")),
        new Diagnoser(Fixtures.knowledge()).diagnose(new CaseFileReader().read(Path.of("facts-samples/cert-expired.yaml"))))),
        StandardCharsets.UTF_8);
    assertThat(text).containsPattern("\"cf\":-?\\d\\.\\d{1,4}[,}]").doesNotContainPattern("\"cf\":-?\\d\\.\\d{5,}");
    for (String cf : text.split("\"cf\":")) {
      if (Character.isDigit(cf.charAt(0)) || cf.charAt(0) == '-') {
        String number = cf.split("[,}]")[0];
        assertThat(number).doesNotEndWith("0.").matches("-?[01]\\.\\d+").satisfies(n -> {
          if (n.length() > 3) {
            assertThat(n).doesNotEndWith("0");
          }
        });
      }
    }
  }

  @Test
  void aRejectedCaseIsALineOfErrors() throws Exception {
    BatchItem item = new BatchItem.JsonLine(6, "stdin", 7, new byte[0]);
    JsonNode line = render(new BatchOutcome.Rejected(item,
        List.of(InputError.error("stdin", 7, 2, "unknown key 'titel'")), false));
    assertThat(line.toString()).isEqualTo("{\"schema\":\"rdp-doctor/result/1\",\"case\":{\"file\":\"stdin\",\"line\":7},"
        + "\"errors\":[{\"file\":\"stdin\",\"line\":7,\"column\":2,\"message\":\"unknown key 'titel'\"}]}");
    JsonNode internal = render(new BatchOutcome.Rejected(item, List.of(InputError.error("stdin", 7, 1, "boom")), true));
    assertThat(internal.get("internal").asBoolean()).isTrue();
  }
}
