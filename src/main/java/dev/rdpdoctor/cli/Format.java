package dev.rdpdoctor.cli;

import dev.rdpdoctor.report.HtmlReport;
import dev.rdpdoctor.report.JsonReport;
import dev.rdpdoctor.report.MarkdownReport;
import dev.rdpdoctor.report.Report;
import dev.rdpdoctor.report.TextReport;

/**
 * What {@code diagnose --format} writes. Each format but jsonl makes the report on one case;
 * adding one is a constant here and a class that implements {@link Report}.
 */
enum Format {
  text(true, (explain, alone) -> new TextReport(explain)),
  json(true, (explain, alone) -> new JsonReport(alone)),
  markdown(false, (explain, alone) -> new MarkdownReport()),
  html(false, (explain, alone) -> new HtmlReport()),
  /** One line of JSON per case, for many cases: no report on one case. */
  jsonl(true, null);

  /** Makes a format's report. */
  private interface Maker {
    Report make(boolean explain, boolean alone);
  }

  private final boolean manyCases;
  private final Maker maker;

  /** @param manyCases whether a batch may write it, or it is a whole document: the report of one case */
  Format(boolean manyCases, Maker maker) {
    this.manyCases = manyCases;
    this.maker = maker;
  }

  /** Whether a batch may write it; markdown and html are each a whole document, the report of one case. */
  boolean manyCases() {
    return manyCases;
  }

  /**
   * The report in this format.
   *
   * @param explain with the rules, facts and sources behind each cause
   * @param alone the only report on the output, rather than one of many
   */
  Report report(boolean explain, boolean alone) {
    if (maker == null) {
      throw new IllegalStateException("--format " + this + " writes result lines, not the report on one case");
    }
    return maker.make(explain, alone);
  }
}
