package dev.rdpdoctor.batch;

/** How each case of a batch is written out. Used from several threads at once. */
public interface ResultFormat {

  /** The output for one case in UTF-8, ending in a line break; null for none. */
  byte[] render(BatchOutcome outcome);

  /** What goes between the outputs of two cases, in UTF-8. */
  default byte[] separator() {
    return new byte[0];
  }
}
