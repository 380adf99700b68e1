package dev.rdpdoctor.batch;

import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.NextCheck;
import dev.rdpdoctor.report.TextReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** The report for people, one after another; a bad case is only reported on stderr. */
public final class TextReports implements ResultFormat {

  private static final byte[] SEPARATOR = (System.lineSeparator()
      + "----------------------------------------------------------------------" + System.lineSeparator()
      + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);

  private final KnowledgeBase knowledge;
  private final boolean explain;
  private final Function<Diagnosis, List<NextCheck>> checks;

  /** @param checks the next checks to suggest for a diagnosis, as for one case file; called from several threads */
  public TextReports(KnowledgeBase knowledge, boolean explain, Function<Diagnosis, List<NextCheck>> checks) {
    this.knowledge = knowledge;
    this.explain = explain;
    this.checks = checks;
  }

  @Override
  public byte[] render(BatchOutcome outcome) {
    if (!(outcome instanceof BatchOutcome.Diagnosed d)) {
      return null;
    }
    StringWriter text = new StringWriter(4096);
    PrintWriter out = new PrintWriter(text);
    new TextReport(knowledge, explain).write(d.diagnosis(), checks.apply(d.diagnosis()), out);
    out.flush();
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] separator() {
    return SEPARATOR;
  }
}
