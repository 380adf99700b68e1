package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a probe of a live host found, as a symptom file: a tree of the keys and spellings a user
 * writes, under the paths of the probe's contract, with how each interpreted value was concluded.
 *
 * @param origin what was probed, as reports name it ({@code probe of rdp01:3389})
 * @param symptoms the symptom file; each call gives a copy, so the findings stay as found
 * @param reasons why a value holds, by symptom-file path or by a section that contains it
 *     ({@code rdp.nla_required}, {@code certificate})
 * @param finder who found them, as a report says it ({@code the probe}, {@code the evidence}); a
 *     finder other than the probe has each value's own reason quoted where it disagrees with the user
 */
public record ProbedFacts(String origin, ObjectNode symptoms, Map<String, String> reasons, String finder) {

  /** The finder of a live host's facts. */
  public static final String PROBE = "the probe";

  public ProbedFacts {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(finder, "finder");
    symptoms = Objects.requireNonNull(symptoms, "symptoms").deepCopy();
    reasons = Map.copyOf(reasons);
  }

  /** What a probe of a live host found. */
  public ProbedFacts(String origin, ObjectNode symptoms, Map<String, String> reasons) {
    this(origin, symptoms, reasons, PROBE);
  }

  /** Where the value at {@code path} was found, to quote beside it where the user says otherwise; none for the probe. */
  public Optional<String> citedReason(String path) {
    return finder.equals(PROBE) ? Optional.empty() : Optional.ofNullable(reasons.get(path));
  }

  @Override
  public ObjectNode symptoms() {
    return symptoms.deepCopy();
  }

  /** The reason for {@code path}: its own, or the nearest section's, or that the probe saw it. */
  public String reasonFor(String path) {
    String p = path;
    while (!p.isEmpty()) {
      String reason = reasons.get(p);
      if (reason != null) {
        return origin + ": " + reason;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return "seen by the " + origin;
  }
}
