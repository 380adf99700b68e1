package dev.rdpdoctor.batch;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/** Where the cases of a batch come from, a chunk at a time, in order. */
public interface CaseSource {

  /**
   * Up to {@code max} more cases, stopping after the one that brings the bytes held to
   * {@code maxBytes} or more; fewer when no more are at hand without waiting, so a slow producer
   * still sees its results promptly; empty at the end.
   */
  List<BatchItem> next(int max, long maxBytes) throws IOException;

  /** How many cases there are, when known in advance. */
  OptionalLong size();
}
