package dev.rdpdoctor.knowledge;

import java.util.List;

/** The document {@code causes.yaml}. */
public record CauseCatalog(List<Cause> causes) {

  public CauseCatalog {
    causes = causes == null ? List.of() : List.copyOf(causes);
  }
}
