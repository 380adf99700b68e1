package dev.rdpdoctor.batch;

import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.TextReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** The report for people, one after another; a bad case is only reported on stderr. */
public final class TextReports implements ResultFormat {

  private static final byte[] SEPARATOR = (System.lineSeparator()
      + "----------------------------------------------------------------------" + System.lineSeparator()
      + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);

  private final KnowledgeBase knowledge;
  private final boolean explain;

  public TextReports(KnowledgeBase knowledge, boolean explain) {
    this.knowledge = knowledge;
    this.explain = explain;
  }

  @Override
  public byte[] render(BatchOutcome outcome) {
    if (!(outcome instanceof BatchOutcome.Diagnosed d)) {
      return null;
    }
    StringWriter text = new StringWriter(4096);
    PrintWriter out = new PrintWriter(text);
    new TextReport(knowledge, explain).write(d.diagnosis(), out);
    out.flush();
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] separator() {
    return SEPARATOR;
  }
}
