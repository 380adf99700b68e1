package dev.rdpdoctor.batch;

import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.problem.InputError;
import java.util.List;

/** What became of one case of a batch. */
public sealed interface BatchOutcome permits BatchOutcome.Diagnosed, BatchOutcome.Rejected {

  BatchItem item();

  record Diagnosed(BatchItem item, Diagnosis diagnosis) implements BatchOutcome {}

  /**
   * The case could not be diagnosed: its input is invalid, or (when {@code internal}) the tool
   * failed on it.
   */
  record Rejected(BatchItem item, List<InputError> errors, boolean internal) implements BatchOutcome {

    public Rejected {
      errors = List.copyOf(errors);
    }
  }
}
