package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.yaml.Spelled;

/** The risk of a fix, in the order a careful admin tries them. */
public enum Risk implements Spelled {
  /** Reversible, no security impact. */
  LOW,
  /** Restarts a service, drops sessions, or needs a backup first. */
  MEDIUM,
  /** Weakens security or is hard to undo: test only, or last resort. */
  HIGH
}
