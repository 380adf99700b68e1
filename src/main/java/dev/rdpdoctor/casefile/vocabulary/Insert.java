package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.yaml.Spelled;

/** Whether a section becomes a fact the rules match. */
public enum Insert implements Spelled {
  /** A fact even when the file does not write the section: every key unknown. */
  ALWAYS,
  /** A fact when the file writes the section. */
  WHEN_WRITTEN,
  /** One fact per item of a list. */
  EACH,
  /** Not a fact of its own (the rules may still read it inside one that is). */
  NEVER
}
