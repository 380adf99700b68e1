package dev.rdpdoctor.serve;

import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.yaml.Suggestions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks a resolution against the knowledge base before it is recorded. */
final class Resolutions {

  private Resolutions() {}

  /** Every problem of {@code r}, located in "resolution" at its field's place in the form. */
  static List<InputError> problems(Resolution r, KnowledgeBase knowledge, LocalDate today) {
    List<InputError> out = new ArrayList<>();
    if (r.cause() == null) {
      out.add(InputError.error("resolution", 1, 1, "'cause' is required: the id of the cause that was found"));
    } else if (!knowledge.causes().containsKey(r.cause())) {
      out.add(InputError.error("resolution", 1, 1, "no cause '" + r.cause() + "' in the knowledge base"
          + Suggestions.closest(r.cause(), knowledge.causes().keySet()).map(s -> "; did you mean '" + s + "'?").orElse("")));
    }
    if (r.fix() != null) {
      Set<String> fixes = new TreeSet<>();
      for (Cause c : knowledge.causes().values()) {
        c.fixes().stream().map(Fix::id).forEach(fixes::add);
      }
      if (!fixes.contains(r.fix())) {
        out.add(InputError.error("resolution", 2, 1, "no fix '" + r.fix() + "' in the knowledge base"
            + Suggestions.closest(r.fix(), fixes).map(s -> "; did you mean '" + s + "'?").orElse("")));
      }
    }
    if (r.date() != null && r.date().isAfter(today.plusDays(1))) {
      out.add(InputError.error("resolution", 3, 1, "'date' " + r.date() + " is in the future"));
    }
    if (r.by() != null && r.by().length() > Resolution.MAX_BY) {
      out.add(InputError.error("resolution", 4, 1, "'by' is longer than " + Resolution.MAX_BY + " characters"));
    }
    if (r.note() != null && r.note().length() > Resolution.MAX_NOTE) {
      out.add(InputError.error("resolution", 5, 1, "'note' is longer than " + Resolution.MAX_NOTE + " characters"));
    }
    return out;
  }
}
