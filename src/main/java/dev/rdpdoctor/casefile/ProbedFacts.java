package dev.rdpdoctor.casefile;

import java.util.Map;
import java.util.Objects;

/**
 * What a probe of a live host found, as a symptom file, with how each interpreted value was
 * concluded.
 *
 * @param origin what was probed, as reports name it ({@code probe of rdp01:3389})
 * @param reasons why a value holds, by symptom-file path or by a section that contains it
 *     ({@code rdp.nla_required}, {@code certificate})
 */
public record ProbedFacts(String origin, SymptomFile symptoms, Map<String, String> reasons) {

  public ProbedFacts {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(symptoms, "symptoms");
    reasons = Map.copyOf(reasons);
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
