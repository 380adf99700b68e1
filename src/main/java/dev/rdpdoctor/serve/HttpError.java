package dev.rdpdoctor.serve;

import dev.rdpdoctor.problem.InputError;
import java.util.List;

/** A request the server refuses, with its status and one sentence saying why (and located errors, for a bad case). */
final class HttpError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<InputError> errors;

  HttpError(int status, String message) {
    this(status, message, List.of());
  }

  HttpError(int status, String message, List<InputError> errors) {
    super(message, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  List<InputError> errors() {
    return errors;
  }
}
