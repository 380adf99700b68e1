package dev.rdpdoctor.knowledge;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.rdpdoctor.yaml.Spelled;
import java.util.List;
import java.util.Objects;

/**
 * What a code in the Remote Desktop error dialog means: {@code codes.yaml → codes[]}.
 *
 * @param name the symbolic name in Microsoft's documentation, when the sources give one
 */
public record CodeMeaning(Long code, Kind kind, String name, String means, List<String> sources) {

  /** Which of the dialog's two codes it is. */
  public enum Kind implements Spelled {
    DISCONNECT,
    EXTENDED
  }

  public CodeMeaning {
    Objects.requireNonNull(code, "a code needs its 'code'");
    Objects.requireNonNull(kind, () -> "code " + code + " needs its 'kind': disconnect or extended");
    if (means == null || means.isBlank()) {
      throw new IllegalArgumentException("code " + code + " needs 'means': what it says");
    }
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
