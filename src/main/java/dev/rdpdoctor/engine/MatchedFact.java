package dev.rdpdoctor.engine;

import java.util.Optional;

/**
 * A value a rule matched, quoted from the symptom file.
 *
 * @param path where it is in the symptom file ({@code certificate.not_after})
 * @param value the text the user wrote, or the value as the tool holds it
 * @param line the line it was written on; empty for a value the tool worked out
 * @param derivation how the tool worked it out, for such a value
 */
public record MatchedFact(String path, String value, Optional<Integer> line, Optional<String> derivation) {}
