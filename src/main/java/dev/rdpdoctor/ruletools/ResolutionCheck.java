package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.Resolution;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.yaml.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a ticket's {@code resolution:} names a cause and a fix the knowledge base has: an
 * unknown id is an error located at the value, with the closest id as a did-you-mean; a fix that
 * belongs to another cause than the one resolved is a warning (the fix worked, so one of the two
 * is likely mistyped).
 */
public final class ResolutionCheck {

  private final Map<String, Cause> causes;

  public ResolutionCheck(Map<String, Cause> causes) {
    this.causes = causes;
  }

  /** The findings on one case; none when it has no resolution. */
  public List<InputError> check(CaseFile caseFile) {
    Optional<Resolution> resolution = caseFile.resolution();
    if (resolution.isEmpty()) {
      return List.of();
    }
    List<InputError> out = new ArrayList<>();
    Resolution r = resolution.get();
    Cause cause = causes.get(r.cause());
    if (cause == null) {
      out.add(caseFile.sourceMap().errorAt("resolution.cause", "resolution.cause: no cause '" + r.cause()
          + "' in the knowledge base" + didYouMean(r.cause(), causes.keySet().stream().toList())));
    }
    r.fix().ifPresent(fix -> {
      if (cause != null && cause.fixes().stream().anyMatch(f -> f.id().equals(fix))) {
        return;
      }
      Optional<Cause> owner = causes.values().stream().filter(c -> c.fixes().stream().anyMatch(f -> f.id().equals(fix))).findFirst();
      if (owner.isPresent()) {
        if (cause != null) {
          out.add(caseFile.sourceMap().warningAt("resolution.fix", "resolution.fix: '" + fix + "' is a fix of '"
              + owner.get().id() + "', not of '" + cause.id() + "'; one of the two is likely mistyped"
              + didYouMean(fix, cause.fixes().stream().map(Fix::id).toList())));
        }
        return;
      }
      List<String> candidates = cause != null ? cause.fixes().stream().map(Fix::id).toList()
          : causes.values().stream().flatMap(c -> c.fixes().stream()).map(Fix::id).toList();
      Optional<String> closest = Suggestions.closest(fix, candidates);
      if (closest.isEmpty() && cause != null) {
        closest = Suggestions.closest(fix, causes.values().stream().flatMap(c -> c.fixes().stream()).map(Fix::id).toList());
      }
      out.add(caseFile.sourceMap().errorAt("resolution.fix", "resolution.fix: no fix '" + fix + "' in the knowledge base"
          + closest.map(s -> " (did you mean '" + s + "'?)").orElse("")
          + (cause != null && closest.isEmpty() ? "; the fixes of '" + cause.id() + "' are "
              + String.join(", ", cause.fixes().stream().map(Fix::id).toList()) : "")));
    });
    return out;
  }

  private static String didYouMean(String word, List<String> candidates) {
    return Suggestions.closest(word, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }
}
