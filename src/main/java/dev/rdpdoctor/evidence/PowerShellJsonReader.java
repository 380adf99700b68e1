package dev.rdpdoctor.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PowerShell 5.1's {@code ConvertTo-Json} writes of objects the commands list: events
 * ({@code Get-WinEvent}, each with {@code Id}, {@code ProviderName}, {@code LogName},
 * {@code Message}, {@code TimeCreated}) and certificates ({@code Get-ChildItem Cert:\...}, each with
 * {@code Thumbprint}, {@code Subject}, {@code NotAfter}..., and {@code PSParentPath} naming its
 * store). One object is written bare, several as an array.
 */
final class PowerShellJsonReader implements FormatReader {

  private static final Pattern STORE = Pattern.compile("(?i)Certificate::(.+)$");

  @Override
  public String kind() {
    return "PowerShell objects as JSON";
  }

  @Override
  public boolean recognises(DecodedText text) {
    String first = text.firstLine();
    if (!first.startsWith("[") && !first.startsWith("{")) {
      return false;
    }
    String head = text.text().length() > 8000 ? text.text().substring(0, 8000) : text.text();
    return head.contains("\"ProviderName\"") && head.contains("\"Id\"") || head.contains("\"Thumbprint\"")
        || head.strip().matches("\\[\\s*]"); // what ConvertTo-Json makes of nothing listed
  }

  @Override
  public void read(FileReading reading) {
    DecodedText text = reading.text();
    JsonNode root;
    try (JsonParser parser = factory(reading.limits()).createParser(text.text())) {
      root = new ObjectMapper().readTree(parser);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        reading.error((int) at.getLineNr(), (int) at.getColumnNr(), "more after the JSON value: one value is one export");
        return;
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String message = e.getOriginalMessage().replaceAll("\\s+", " ");
      reading.error(at == null ? 1 : (int) at.getLineNr(), at == null ? 1 : (int) at.getColumnNr(),
          message.contains("end-of-input") ? "the JSON ends before its value does: it was cut short" : "malformed JSON: " + message);
      return;
    } catch (IOException e) {
      reading.error(1, 1, "unreadable JSON: " + e.getMessage());
      return;
    }
    List<JsonNode> objects = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(objects::add);
    } else if (root != null) {
      objects.add(root);
    }
    List<Observation.Listed> listed = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      JsonNode o = objects.get(i);
      int line = lineOf(text, o, i, objects.size());
      if (!o.isObject()) {
        reading.error(line, 1, "expected an object PowerShell listed, got " + o.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        continue;
      }
      if (o.has("Id") && o.has("ProviderName")) {
        event(reading, o, line);
      } else if (o.has("Thumbprint")) {
        listed.add(certificate(reading, o, line));
      }
    }
    Map<String, Integer> perStore = new LinkedHashMap<>();
    listed.forEach(l -> perStore.merge(l.where().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
    for (Observation.Listed l : listed) {
      reading.add(new Observation.Listed(l.where(), l.properties(), perStore.get(l.where().toLowerCase(java.util.Locale.ROOT)),
          l.origin()));
    }
  }

  /** The line an object starts on: a tree keeps no locations, so it is looked for in the text. */
  private static int lineOf(DecodedText text, JsonNode o, int index, int count) {
    if (count == 1) {
      return 1;
    }
    int seen = -1;
    for (int n = 1; n <= text.lineCount(); n++) {
      String l = text.line(n).strip();
      if (l.startsWith("{") && text.line(n).indexOf('{') <= 4) {
        if (++seen == index) {
          return n;
        }
      }
    }
    return 1;
  }

  private static void event(FileReading reading, JsonNode o, int line) {
    JsonNode idNode = o.get("Id");
    if (!idNode.canConvertToLong() || idNode.asLong() < 0 || idNode.asLong() > 65535) {
      reading.error(line, 1, "an event's Id must be a number from 0 to 65535, got " + Quoted.of(idNode.toString()));
      return;
    }
    long id = idNode.asLong();
    String provider = o.path("ProviderName").asText("");
    String message = o.path("Message").isTextual() ? o.get("Message").asText() : "";
    if (message.isBlank() && o.path("Properties").isArray()) {
      StringBuilder data = new StringBuilder();
      o.get("Properties").forEach(p -> {
        JsonNode v = p.has("Value") ? p.get("Value") : p;
        if (v.isValueNode()) {
          data.append(data.length() == 0 ? "" : "; ").append(v.asText());
        }
      });
      message = data.toString();
    }
    int limit = reading.limits().maxEventText();
    if (message.length() > limit) {
      message = message.substring(0, limit - 3) + "...";
    }
    Optional<String> log = Optional.of(o.path("LogName").asText("")).filter(s -> !s.isBlank());
    if (o.path("MachineName").isTextual()) {
      reading.machine(o.get("MachineName").asText());
    }
    Optional<java.time.LocalDate> date = LooseDate.parse(o.path("TimeCreated").asText(""));
    reading.add(new Observation.Event(log, provider, id, message.strip(), date,
        reading.origin(line, "event " + id + " from " + provider + date.map(d -> " on " + d).orElse(""))));
  }

  private static Observation.Listed certificate(FileReading reading, JsonNode o, int line) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode v = field.getValue();
      if (v.isValueNode() && !v.isNull()) {
        properties.put(field.getKey(), v.asText());
      } else if (v.isArray() && field.getKey().equalsIgnoreCase("DnsNameList")) {
        List<String> names = new ArrayList<>();
        v.forEach(n -> names.add(n.isObject() ? n.path("Unicode").asText(n.path("Punycode").asText("")) : n.asText()));
        properties.put(field.getKey(), String.join(", ", names));
      }
    }
    String parent = o.path("PSParentPath").asText("");
    Matcher store = STORE.matcher(parent);
    String where = store.find() ? "Cert:\\" + store.group(1) : "Cert:";
    String thumb = properties.getOrDefault("Thumbprint", "");
    return new Observation.Listed(where, properties, 1, reading.origin(line, "certificate " + thumb + " in " + where));
  }

  private static JsonFactory factory(EvidenceLimits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxJsonDepth())
            .maxStringLength(1_000_000)
            .maxNumberLength(100)
            .maxNameLength(1_000)
            .maxDocumentLength(limits.maxFileBytes())
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }
}
