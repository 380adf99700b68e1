package dev.rdpdoctor.batch;

import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.NextCheck;
import dev.rdpdoctor.report.Outline;
import dev.rdpdoctor.report.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** The report on each case in one format, one after another; a bad case is only reported on stderr. */
public final class CaseReports implements ResultFormat {

  private final Report report;
  private final KnowledgeBase knowledge;
  private final Function<Diagnosis, List<NextCheck>> checks;
  private final byte[] separator;

  /** @param checks the next checks to suggest for a diagnosis, as for one case file; called from several threads */
  public CaseReports(Report report, KnowledgeBase knowledge, Function<Diagnosis, List<NextCheck>> checks) {
    this.report = report;
    this.knowledge = knowledge;
    this.checks = checks;
    this.separator = report.separator().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] render(BatchOutcome outcome) {
    if (!(outcome instanceof BatchOutcome.Diagnosed d)) {
      return null;
    }
    StringWriter text = new StringWriter(8192);
    PrintWriter out = new PrintWriter(text);
    report.write(Outline.of(d.diagnosis(), checks.apply(d.diagnosis()), knowledge), out);
    out.flush();
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] separator() {
    return separator;
  }
}
