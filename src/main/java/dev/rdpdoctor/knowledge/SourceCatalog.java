package dev.rdpdoctor.knowledge;

import java.util.List;

/** The document {@code sources.yaml}. */
public record SourceCatalog(List<Source> sources) {

  public SourceCatalog {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
