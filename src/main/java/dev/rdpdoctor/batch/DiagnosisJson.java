package dev.rdpdoctor.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.JsonReport;
import dev.rdpdoctor.report.NextCheck;
import dev.rdpdoctor.report.Outline;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The full diagnosis of {@code --format json}, one object per line: for a case file the report
 * as for one case file, on one line. For a line of JSON Lines its {@code case} also gives the
 * line, and a bad line gets the error line of {@link ResultLine}, so every line in has a line out.
 */
public final class DiagnosisJson implements ResultFormat {

  private final KnowledgeBase knowledge;
  private final JsonReport report = new JsonReport(false);
  private final CaseReports files;

  /**
   * @param checks the next checks to suggest for a case file's diagnosis, as for one case file;
   *     called from several threads. A line of JSON Lines gets none: it is for scripts.
   */
  public DiagnosisJson(KnowledgeBase knowledge, Function<Diagnosis, List<NextCheck>> checks) {
    this.knowledge = knowledge;
    this.files = new CaseReports(report, knowledge, checks);
  }

  @Override
  public byte[] render(BatchOutcome outcome) {
    if (outcome instanceof BatchOutcome.Rejected r) {
      return r.item() instanceof BatchItem.JsonLine ? ResultLine.errorLine(r) : null;
    }
    BatchOutcome.Diagnosed d = (BatchOutcome.Diagnosed) outcome;
    if (!(d.item() instanceof BatchItem.JsonLine l)) {
      return files.render(outcome);
    }
    ObjectNode root = report.toJson(Outline.of(d.diagnosis(), List.of(), knowledge));
    ((ObjectNode) root.get("case")).put("line", l.line());
    return (root + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
  }
}
