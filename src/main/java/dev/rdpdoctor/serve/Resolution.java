package dev.rdpdoctor.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * What fixed a ticket, recorded in the case's {@code resolution:} section so that the knowledge
 * team can measure the rules on resolved tickets.
 *
 * @param cause the id of the cause that was found
 * @param fix the id of the fix that worked; null when none of the catalog's did
 * @param date when it was resolved
 * @param by who resolved it (a person or a team); null when not said
 * @param note free text; null when none
 * @param confirmed whether the cause was confirmed, rather than only the fix having worked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"cause", "fix", "date", "by", "confirmed", "note"})
public record Resolution(String cause, String fix, LocalDate date, String by, String note, boolean confirmed) {

  /** The longest {@code by}, in characters. */
  public static final int MAX_BY = 100;
  /** The longest {@code note}, in characters. */
  public static final int MAX_NOTE = 2000;
}
