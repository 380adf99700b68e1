package dev.rdpdoctor.casefile;

import java.util.Objects;

/**
 * A value the user stated that the probe saw differently. The user's statement is used; the
 * report shows both.
 *
 * @param path where in the symptom file ({@code certificate.not_after})
 * @param stated the user's value, as text
 * @param probed the probe's value, as text
 */
public record Conflict(String path, String stated, String probed) {

  public Conflict {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(stated, "stated");
    Objects.requireNonNull(probed, "probed");
  }
}
