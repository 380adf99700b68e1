package dev.rdpdoctor.problem;

import java.util.List;

/** Input (a case file, a catalog, a rule file) that cannot be used; exit code 3. */
public class InvalidInputException extends RuntimeException {

  private final transient List<InputError> errors;

  public InvalidInputException(List<InputError> errors) {
    super(errors.isEmpty() ? "invalid input" : errors.get(0).format());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid-input failure needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(InputError error) {
    this(List.of(error));
  }

  public List<InputError> errors() {
    return errors;
  }
}
