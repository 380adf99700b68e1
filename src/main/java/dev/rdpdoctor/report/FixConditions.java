package dev.rdpdoctor.report;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.knowledge.Fix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a fix does not apply to a case: every condition of its {@code not_when:} holds, each a
 * symptom-file key and the value that makes the fix pointless. An unknown value never holds.
 */
final class FixConditions {

  private FixConditions() {}

  /** Why the fix does not apply to this case ("host.disable_domain_creds is already false"); empty when it may. */
  static Optional<String> whyNot(Fix fix, CaseFile caseFile) {
    if (fix.notWhen().isEmpty()) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    for (Map.Entry<String, Object> condition : fix.notWhen().entrySet()) {
      Optional<Object> value = caseFile.values().at(condition.getKey());
      if (value.isEmpty() || !same(value.get(), condition.getValue())) {
        return Optional.empty();
      }
      reasons.add(condition.getKey() + " is already " + shown(value.get()));
    }
    return Optional.of(String.join(" and ", reasons));
  }

  private static boolean same(Object value, Object wanted) {
    if (value instanceof Number a && wanted instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    if (value instanceof Boolean || wanted instanceof Boolean) {
      return String.valueOf(value).equalsIgnoreCase(String.valueOf(wanted));
    }
    return String.valueOf(value).toLowerCase(Locale.ROOT).equals(String.valueOf(wanted).toLowerCase(Locale.ROOT));
  }

  private static String shown(Object value) {
    return value instanceof Long l && l > 9 ? Long.toString(l) : String.valueOf(value);
  }
}
