package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.yaml.YamlMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges what a probe found into what the user stated. The user's statements win; the probe
 * fills in what the user left unknown; a value both give differently is kept as the user wrote
 * it and listed as a conflict. The {@code probe:} section holds raw findings, not statements: a
 * fresh probe's replaces one the file carries from an earlier probe. A worked-out value the user stated ({@code certificate.expired},
 * {@code path.gateway.name_matches}) is not contradicted by probed inputs: those are left out
 * and the disagreement listed instead.
 */
final class SymptomMerger {

  /** Not facts: the user's are kept without comparing. */
  private static final Set<String> NOT_COMPARED = Set.of("title", "notes", "observed", "expect");

  /**
   * @param provenance for each value the probe filled in, by path, how it was found
   */
  record Merged(SymptomFile symptoms, List<Conflict> conflicts, Map<String, String> provenance) {}

  private static final ObjectMapper MAPPER = YamlMapper.yaml();

  Merged merge(SymptomFile stated, ProbedFacts probed) {
    ObjectNode mine = tree(stated);
    ObjectNode theirs = tree(probed.symptoms());
    if (theirs.has("probe")) {
      mine.remove("probe"); // an earlier probe's raw findings give way to the fresh ones
    }
    List<Conflict> conflicts = new ArrayList<>();
    Map<String, String> provenance = new LinkedHashMap<>();
    merge(mine, theirs, "", conflicts, provenance, probed);
    keepWorkedOutStatements(stated, mine, conflicts, provenance);
    try {
      return new Merged(MAPPER.treeToValue(mine, SymptomFile.class), conflicts, provenance);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("merged symptoms do not read back: " + e.getOriginalMessage(), e);
    }
  }

  private ObjectNode tree(SymptomFile file) {
    ObjectNode node = MAPPER.valueToTree(file);
    if (file.events().isEmpty()) {
      node.remove("events");
    }
    return node;
  }

  private void merge(ObjectNode mine, ObjectNode theirs, String prefix, List<Conflict> conflicts,
      Map<String, String> provenance, ProbedFacts probed) {
    for (Iterator<Map.Entry<String, JsonNode>> it = theirs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      JsonNode probedValue = field.getValue();
      JsonNode statedValue = mine.get(name);
      if (statedValue == null || statedValue.isNull()) {
        mine.set(name, probedValue);
        if (!prefix.isEmpty() || !NOT_COMPARED.contains(name)) {
          leaves(probedValue, path, provenance, probed);
        }
      } else if (prefix.isEmpty() && NOT_COMPARED.contains(name)) {
        continue;
      } else if (statedValue.isObject() && probedValue.isObject()) {
        merge((ObjectNode) statedValue, (ObjectNode) probedValue, path, conflicts, provenance, probed);
      } else if (!same(statedValue, probedValue)) {
        conflicts.add(new Conflict(path, text(statedValue), text(probedValue)));
      }
    }
  }

  /**
   * A worked-out value the user stated stands; a probed input that would contradict it is left
   * out, so the case reads as the user described it, and the disagreement is listed.
   */
  private void keepWorkedOutStatements(SymptomFile stated, ObjectNode merged, List<Conflict> conflicts,
      Map<String, String> provenance) {
    Certificate mine = stated.certificate();
    JsonNode notAfter = merged.path("certificate").get("not_after");
    if (mine != null && mine.expired() != null && mine.notAfter() == null && notAfter != null) {
      LocalDate observed = stated.observed() != null ? stated.observed() : LocalDate.parse(merged.path("observed").asText());
      boolean expired = LocalDate.parse(notAfter.asText()).isBefore(observed);
      if (expired != mine.expired()) {
        conflicts.add(new Conflict("certificate.expired", String.valueOf(mine.expired()),
            expired + " (not_after " + notAfter.asText() + ")"));
        ((ObjectNode) merged.get("certificate")).remove("not_after");
        provenance.remove("certificate.not_after");
      }
    }
    Gateway gateway = stated.path() == null ? null : stated.path().gateway();
    JsonNode names = merged.path("path").path("gateway").get("certificate_names");
    String fqdn = merged.path("path").path("gateway").path("fqdn").asText(null);
    if (gateway != null && gateway.nameMatches() != null && gateway.certificateNames() == null
        && names != null && fqdn != null) {
      List<String> list = new ArrayList<>();
      names.forEach(n -> list.add(n.asText()));
      boolean covered = HostNames.covered(fqdn, list);
      if (covered != gateway.nameMatches()) {
        conflicts.add(new Conflict("path.gateway.name_matches", String.valueOf(gateway.nameMatches()),
            covered + " (certificate names " + String.join(", ", list) + ")"));
        ((ObjectNode) merged.path("path").get("gateway")).remove("certificate_names");
        provenance.remove("path.gateway.certificate_names");
      }
    }
  }

  /** Records how each value under {@code node} was found, by the paths the rules' trace quotes. */
  private static void leaves(JsonNode node, String path, Map<String, String> provenance, ProbedFacts probed) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> leaves(f.getValue(), path + "." + f.getKey(), provenance, probed));
    } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), path + "[" + i + "]", provenance, probed);
      }
    } else {
      provenance.put(path, probed.reasonFor(path));
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.asDouble() == b.asDouble();
    }
    if (a.isTextual() && b.isTextual()) {
      return a.asText().strip().equalsIgnoreCase(b.asText().strip());
    }
    if (a.isArray() && b.isArray() && allScalar(a) && allScalar(b)) {
      return folded(a).equals(folded(b));
    }
    return a.equals(b);
  }

  private static boolean allScalar(JsonNode array) {
    for (JsonNode n : array) {
      if (n.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> folded(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(n -> values.add(n.asText().strip().toLowerCase(Locale.ROOT)));
    return values;
  }

  private static String text(JsonNode node) {
    if (node.isArray() && allScalar(node)) {
      List<String> values = new ArrayList<>();
      ((ArrayNode) node).forEach(n -> values.add(n.asText()));
      return "[" + String.join(", ", values) + "]";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
