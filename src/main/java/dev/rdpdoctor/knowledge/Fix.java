package dev.rdpdoctor.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fix for a cause: {@code causes.yaml → fixes[]}.
 *
 * @param steps exact steps: GUI path, PowerShell, registry path and value
 * @param restart what must be restarted for the fix to take effect
 * @param rollback how to undo it
 * @param verify how to see that it worked
 * @param testOnly a diagnostic step to undo after the test, never a permanent fix
 * @param note how this fix differs from what some sources say, or what to watch for
 * @param notWhen when it does not apply: symptom-file keys and the values that make it pointless
 *     ({@code host.disable_domain_creds: false} for "set disabledomaincreds to 0"), all of which
 *     must hold
 */
public record Fix(
    String id,
    String title,
    Risk risk,
    Restart restart,
    List<String> steps,
    String rollback,
    String verify,
    List<String> sources,
    Boolean testOnly,
    String note,
    Map<String, Object> notWhen) {

  public Fix {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a fix needs an 'id'");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("fix '" + id + "' needs a 'title'");
    }
    Objects.requireNonNull(risk, () -> "fix '" + id + "' needs a 'risk': low, medium or high");
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("fix '" + id + "' needs its 'steps'");
    }
    if (risk == Risk.HIGH && (rollback == null || rollback.isBlank())) {
      throw new IllegalArgumentException("fix '" + id + "' is high risk and must say how to roll it back ('rollback')");
    }
    restart = restart == null ? Restart.NONE : restart;
    steps = List.copyOf(steps);
    sources = sources == null ? List.of() : List.copyOf(sources);
    testOnly = Boolean.TRUE.equals(testOnly);
    notWhen = notWhen == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(notWhen));
  }

  public Fix(String id, String title, Risk risk, Restart restart, List<String> steps, String rollback, String verify,
      List<String> sources, Boolean testOnly, String note) {
    this(id, title, risk, restart, steps, rollback, verify, sources, testOnly, note, null);
  }

  public boolean isTestOnly() {
    return testOnly;
  }
}
