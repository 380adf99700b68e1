package dev.rdpdoctor.batch;

import java.nio.file.Path;

/** One case of a batch, in input order. */
public sealed interface BatchItem permits BatchItem.CaseFile, BatchItem.JsonLine {

  /** Its place in the input, from 0: results come out in this order. */
  long index();

  /** A symptom file, read by the worker that diagnoses it. */
  record CaseFile(long index, Path path) implements BatchItem {}

  /**
   * One line of a JSON Lines stream.
   *
   * @param source the stream as shown in messages: the file, or {@code stdin}
   * @param line its line number, from 1
   * @param content the line's bytes, without the line break
   */
  record JsonLine(long index, String source, long line, byte[] content) implements BatchItem {}
}
