package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * The error the user saw: {@code error:} in the symptom file.
 *
 * @param code the error code (0x904 is 2308, "socket closed")
 * @param extended the extended error code (0x7, "the server denied the connection")
 * @param when when in the connection it appears
 * @param frequency every attempt, or now and then
 * @param affects everyone at once, some users, or one user
 * @param message the text of the dialog, if copied
 */
public record ErrorReport(
    @Hex @JsonDeserialize(using = CodeDeserializer.class) @JsonSerialize(using = CodeSerializer.class)
        Long code,
    @Hex @JsonDeserialize(using = CodeDeserializer.class) @JsonSerialize(using = CodeSerializer.class)
        Long extended,
    ErrorTiming when,
    Frequency frequency,
    Affected affects,
    String message) {

  public static final long SOCKET_CLOSED = 0x904;
  public static final long SERVER_DENIED_CONNECTION = 0x7;

  static ErrorReport unknown() {
    return new ErrorReport(null, null, null, null, null, null);
  }

  /** True when the code pair is the one this tool is about: 0x904 with extended 0x7. */
  @JsonIgnore
  public boolean isSocketClosedDenied() {
    return code != null && code == SOCKET_CLOSED && extended != null && extended == SERVER_DENIED_CONNECTION;
  }
}
