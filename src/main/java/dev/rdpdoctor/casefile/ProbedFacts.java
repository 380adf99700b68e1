package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * What a probe of a live host found, as a symptom file: a tree of the keys and spellings a user
 * writes, under the paths of the probe's contract, with how each interpreted value was concluded.
 *
 * @param origin what was probed, as reports name it ({@code probe of rdp01:3389})
 * @param symptoms the symptom file; each call gives a copy, so the findings stay as found
 * @param reasons why a value holds, by symptom-file path or by a section that contains it
 *     ({@code rdp.nla_required}, {@code certificate})
 */
public record ProbedFacts(String origin, ObjectNode symptoms, Map<String, String> reasons) {

  public ProbedFacts {
    Objects.requireNonNull(origin, "origin");
    symptoms = Objects.requireNonNull(symptoms, "symptoms").deepCopy();
    reasons = Map.copyOf(reasons);
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
