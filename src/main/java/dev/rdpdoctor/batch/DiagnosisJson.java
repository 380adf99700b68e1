package dev.rdpdoctor.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.JsonReport;
import dev.rdpdoctor.report.NextCheck;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;

/**
 * The full diagnosis of {@code --format json}, one object per line. For a line of JSON Lines
 * its {@code case} also gives the line, and a bad line gets the error line of
 * {@link ResultLine}, so every line in has a line out.
 */
public final class DiagnosisJson implements ResultFormat {

  private final KnowledgeBase knowledge;
  private final ThreadLocal<JsonReport> reports;

  private final Function<Diagnosis, List<NextCheck>> checks;

  /**
   * @param checks the next checks to suggest for a case file's diagnosis, as for one case file;
   *     called from several threads. A line of JSON Lines gets none: it is for scripts.
   */
  public DiagnosisJson(KnowledgeBase knowledge, Function<Diagnosis, List<NextCheck>> checks) {
    this.knowledge = knowledge;
    this.checks = checks;
    this.reports = ThreadLocal.withInitial(() -> new JsonReport(this.knowledge, false));
  }

  @Override
  public byte[] render(BatchOutcome outcome) {
    if (outcome instanceof BatchOutcome.Rejected r) {
      return r.item() instanceof BatchItem.JsonLine ? ResultLine.errorLine(r) : null;
    }
    BatchOutcome.Diagnosed d = (BatchOutcome.Diagnosed) outcome;
    JsonReport report = reports.get();
    StringWriter out = new StringWriter(16 << 10);
    if (d.item() instanceof BatchItem.JsonLine l) {
      ObjectNode root = report.toJson(d.diagnosis());
      ((ObjectNode) root.get("case")).put("line", l.line());
      out.write(root.toString());
      out.write(System.lineSeparator());
    } else {
      report.write(d.diagnosis(), checks.apply(d.diagnosis()), out);
    }
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
