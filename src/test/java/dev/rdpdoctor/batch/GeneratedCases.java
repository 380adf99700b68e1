package dev.rdpdoctor.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic cases for batch tests and benchmarks, as JSON Lines: each is one of the samples with
 * a few values, or whole sections, taken from other samples. Case {@code n} is always the same
 * for the same samples and seed. Some come out contradictory (a certificate said to be expired
 * with a date that says otherwise) and are rejected, as real tickets sometimes are.
 */
public final class GeneratedCases {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ObjectNode> samples = new ArrayList<>();
  private final Map<String, List<JsonNode>> valuesByPath = new LinkedHashMap<>();
  private final Map<String, List<JsonNode>> sectionsByName = new LinkedHashMap<>();
  private final List<String> paths;
  private final long seed;

  public GeneratedCases(Path samplesDir, long seed) {
    this.seed = seed;
    YAMLMapper yaml = new YAMLMapper();
    try (var files = Files.list(samplesDir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        ObjectNode sample = (ObjectNode) yaml.readTree(p.toFile());
        sample.remove("expect");
        samples.add(sample);
        collect("", sample);
        sample.fields().forEachRemaining(e ->
            sectionsByName.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    paths = List.copyOf(valuesByPath.keySet());
  }

  private void collect(String at, JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(at.isEmpty() ? e.getKey() : at + "." + e.getKey(), e.getValue());
      }
    } else {
      valuesByPath.computeIfAbsent(at, k -> new ArrayList<>()).add(node);
    }
  }

  /** Case {@code n} as one line of JSON. */
  public String line(long n) {
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + n);
    ObjectNode c = samples.get(random.nextInt(samples.size())).deepCopy();
    int changes = random.nextInt(5);
    for (int i = 0; i < changes; i++) {
      switch (random.nextInt(4)) {
        case 0 -> { // a whole section from another sample
          List<String> names = List.copyOf(sectionsByName.keySet());
          String name = names.get(random.nextInt(names.size()));
          List<JsonNode> options = sectionsByName.get(name);
          c.set(name, options.get(random.nextInt(options.size())).deepCopy());
        }
        case 1 -> c.remove(List.copyOf(iterable(c.fieldNames())).get(random.nextInt(c.size())));
        default -> { // one value from another sample
          String path = paths.get(random.nextInt(paths.size()));
          List<JsonNode> options = valuesByPath.get(path);
          put(c, path, options.get(random.nextInt(options.size())).deepCopy());
        }
      }
      if (c.isEmpty()) {
        c.put("title", "nothing known");
      }
    }
    try {
      return JSON.writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = at.get(parts[i]);
      if (!(next instanceof ObjectNode)) {
        next = at.putObject(parts[i]);
      }
      at = (ObjectNode) next;
    }
    at.set(parts[parts.length - 1], value);
  }

  private static <T> List<T> iterable(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
