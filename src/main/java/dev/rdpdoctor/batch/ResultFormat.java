package dev.rdpdoctor.batch;

/** How each case of a batch is written out. Used from several threads at once. */
public interface ResultFormat {

  /** The output for one case, ending in a line break; null for none. */
  String render(BatchOutcome outcome);

  /** What goes between the outputs of two cases. */
  default String separator() {
    return "";
  }
}
