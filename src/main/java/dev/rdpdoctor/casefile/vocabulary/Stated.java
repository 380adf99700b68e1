package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.yaml.Spelled;

/** What becomes of a worked-out value the user states. */
public enum Stated implements Spelled {
  /** It must agree with what is worked out; a contradiction is a located error. */
  MUST_AGREE,
  /** The worked-out value replaces it. */
  REPLACED
}
