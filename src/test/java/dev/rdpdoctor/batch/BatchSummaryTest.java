package dev.rdpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.problem.InputError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSummaryTest {

  private static BatchOutcome diagnosed(String yaml) {
    Diagnoser d = new Diagnoser(Fixtures.knowledge());
    return new BatchOutcome.Diagnosed(new BatchItem.CaseFile(0, Path.of("x.yaml")),
        d.diagnose(new CaseFileReader().read("x.yaml", yaml.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void itCountsCasesPerTopCauseAndRejectionsAndPrintsThemMostFirst() throws Exception {
    BatchSummary a = new BatchSummary();
    String certExpired = new String(java.nio.file.Files.readAllBytes(Path.of("facts-samples/cert-expired.yaml")), StandardCharsets.UTF_8);
    a.add(diagnosed(certExpired));
    a.add(diagnosed(certExpired));
    a.add(diagnosed("title: nothing said"));
    BatchSummary b = new BatchSummary();
    b.add(new BatchOutcome.Rejected(new BatchItem.CaseFile(3, Path.of("y.yaml")), List.of(InputError.error("y.yaml", 1, 1, "bad")), false));
    b.add(new BatchOutcome.Rejected(new BatchItem.CaseFile(4, Path.of("z.yaml")), List.of(InputError.error("z.yaml", 1, 1, "bug")), true));
    a.add(b);

    assertThat(a.cases()).isEqualTo(5);
    assertThat(a.rejected()).isEqualTo(2);
    assertThat(a.internal()).isEqualTo(1);
    assertThat(a.byTopCause()).containsEntry("cert-expired", 2L);

    StringWriter text = new StringWriter();
    a.print(new PrintWriter(text), 2.5, 2);
    List<String> lines = text.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("rdp-doctor: 5 cases in 2.50 s (2 cases/s, 2 threads): 3 diagnosed, 2 rejected (1 by an internal error)");
    assertThat(lines.get(1)).matches("  cert-expired +2");
    assertThat(lines).anyMatch(l -> l.matches("  rejected +2"));
  }
}
