package dev.rdpdoctor.casefile;

import java.util.Objects;
import java.util.Optional;

/**
 * A value the user stated that the probe, or the evidence, saw differently. The user's statement
 * is used; the report shows both.
 *
 * @param path where in the symptom file ({@code certificate.not_after})
 * @param stated the user's value, as text
 * @param probed the value found, as text
 * @param by who found it, as a report says it: {@code the probe}, {@code the evidence}
 * @param origin where it was found, when that is worth quoting (a file and line of the evidence)
 */
public record Conflict(String path, String stated, String probed, String by, Optional<String> origin) {

  public Conflict {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(stated, "stated");
    Objects.requireNonNull(probed, "probed");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(origin, "origin");
  }

  /** A value the probe saw differently. */
  public Conflict(String path, String stated, String probed) {
    this(path, stated, probed, ProbedFacts.PROBE, Optional.empty());
  }

  /** What was found, with where when that is known: {@code true (RDP-Tcp.reg line 16: ...)}. */
  public String found() {
    return probed + origin.map(o -> " (" + o + ")").orElse("");
  }
}
