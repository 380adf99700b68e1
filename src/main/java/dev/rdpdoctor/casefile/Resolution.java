package dev.rdpdoctor.casefile;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How a ticket was resolved: {@code resolution:}. {@code diagnose} never reads it (it is no
 * fact the rules see); {@code rules evaluate} measures the knowledge base on it and
 * {@code rules check} checks its ids.
 *
 * @param cause the id of the cause that was confirmed, or whose fix worked
 * @param fix the id of the fix that worked, when written
 * @param causeConfirmed whether the cause itself was seen ({@code confirmed: yes}), rather than
 *     only its fix seen to work ({@code confirmed: only-fix-worked})
 * @param date when it was resolved, when written
 * @param by who resolved it, a person or a team, when written
 * @param notes what was done and seen, when written
 */
public record Resolution(
    String cause, Optional<String> fix, boolean causeConfirmed, Optional<LocalDate> date, Optional<String> by,
    Optional<String> notes) {

  /** The value of {@code resolution.confirmed} when the cause itself was seen. */
  public static final String CONFIRMED = "yes";
  /** The value of {@code resolution.confirmed} when only the cause's fix was seen to work. */
  public static final String ONLY_FIX_WORKED = "only-fix-worked";

  public Resolution {
    if (cause == null || cause.isBlank()) {
      throw new IllegalArgumentException("a resolution needs 'cause'");
    }
  }
}
