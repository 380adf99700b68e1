package dev.rdpdoctor.report;

import java.io.PrintWriter;

/**
 * One format of the report on one case. It lays out an {@link Outline} and decides nothing about
 * what the report says. Used from several threads at once.
 */
public interface Report {

  void write(Outline outline, PrintWriter out);

  /** What goes between two reports on one output; nothing unless the format needs it. */
  default String separator() {
    return "";
  }
}
