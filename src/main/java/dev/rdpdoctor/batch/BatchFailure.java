package dev.rdpdoctor.batch;

/**
 * The batch stopped before the end of its input because the tool failed: the reader of the cases
 * or a worker died (ran out of memory, say). Its message is one line for the user.
 */
public final class BatchFailure extends RuntimeException {

  BatchFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
