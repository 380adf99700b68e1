package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.yaml.Spelled;

/** How far a source can be trusted. */
public enum Reliability implements Spelled {
  /** Microsoft documentation or the protocol specification. */
  HIGH("official: Microsoft documentation or the protocol specification"),
  /** Maintainers and engineers in public issue trackers, vendor wikis. */
  MEDIUM("community: maintainers and engineers in public issue trackers or wikis"),
  /** Unofficial web articles, often generated, that contradict each other. */
  LOW("unofficial: web articles without a named author or primary source");

  private final String meaning;

  Reliability(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
