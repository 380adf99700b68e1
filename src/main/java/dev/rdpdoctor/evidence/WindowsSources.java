package dev.rdpdoctor.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseValuesTree;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.Place;
import dev.rdpdoctor.casefile.vocabulary.RegistryKind;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.ValueReader;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.WindowsSource;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.yaml.ReadLimits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns what the evidence says into the values of a symptom file, through the vocabulary alone:
 * each key that declares where Windows keeps it ({@code windows:}) takes its value from the first
 * of its sources the evidence holds, read as the source says (a registry value's data through its
 * {@code map}, an event seen meaning {@code means}, a command's output through its
 * {@code match}), and the events of the declared logs, providers and ids become the items of the
 * list that declares them. A key the knowledge team declares with a source is imported without a
 * line of Java. A type used in several places ({@code Certificate} is the host's certificate, and
 * the certificates the probe saw) takes the evidence in the first place the vocabulary declares it.
 */
final class WindowsSources {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern CERTIFICATE_LIST = Pattern.compile(
      "(?i)Get-ChildItem\\s+['\"]?(Cert:\\\\[^'\"|]+?)['\"]?\\s*\\|\\s*Format-List\\s+([A-Za-z, ]+?)\\s*");

  /** The values found, as a tree of a symptom file's keys, with where each came from. */
  record Found(ObjectNode symptoms, Map<String, String> reasons, List<InputError> warnings) {}

  /** One value and where it was seen. */
  private record Seen(Object value, Origin origin) {}

  private final Vocabulary vocabulary;
  private final List<Observation> observations;
  private final ObjectNode tree = NODES.objectNode();
  private final Map<String, String> reasons = new LinkedHashMap<>();
  private final List<InputError> warnings = new ArrayList<>();
  private final Map<String, Pattern> patterns = new HashMap<>();
  /** For each source read by both the client's keys and others', the sides that read it. */
  private final Map<String, java.util.Set<Boolean>> sides = new HashMap<>();
  /** The observations this source may take: all, or the client's or the host's where both read it. */
  private java.util.function.Predicate<Origin> mine = o -> true;

  private WindowsSources(Vocabulary vocabulary, List<Observation> observations) {
    this.vocabulary = vocabulary;
    this.observations = observations;
  }

  static Found of(Vocabulary vocabulary, List<Observation> observations) {
    WindowsSources s = new WindowsSources(vocabulary, observations);
    s.run();
    return new Found(s.tree, s.reasons, s.warnings);
  }

  private void run() {
    List<Place> places = places();
    for (Place place : places) {
      for (WindowsSource source : place.key().windows()) {
        sides.computeIfAbsent(signature(source), k -> new java.util.HashSet<>()).add(isClients(place));
      }
    }
    for (Place place : places) {
      Key key = place.key();
      Optional<KeyType.Section> section = key.section();
      if (section.isPresent()) {
        if (key.isList()) {
          mine = o -> true;
          events(place, vocabulary.type(section.get().typeName()).orElseThrow());
        }
        continue;
      }
      for (WindowsSource source : key.windows()) {
        mine = side(source, isClients(place));
        Optional<Seen> seen = find(key, source);
        if (seen.isPresent()) {
          put(place.path(), node(key.type(), seen.get().value()));
          reasons.put(place.path(), seen.get().origin().toString());
          break;
        }
      }
    }
    observed();
  }

  /** The places whose keys declare where Windows keeps them, each type in the first place it is used. */
  private List<Place> places() {
    List<Place> out = new ArrayList<>();
    Map<String, String> firstPlaceOfType = new HashMap<>();
    for (Place place : vocabulary.places().values()) {
      Key key = place.key();
      int dot = place.path().lastIndexOf('.');
      String at = dot < 0 ? "" : place.path().substring(0, dot);
      if (!firstPlaceOfType.computeIfAbsent(place.in().name(), t -> at).equals(at)) {
        continue; // a type used in several places describes what Windows keeps in the first of them only
      }
      if (!key.windows().isEmpty() && !place.path().contains("[]")) {
        out.add(place);
      }
    }
    return out;
  }

  /** The client's keys are those of the section {@code client}; the rest are the host's and the path's. */
  private static boolean isClients(Place place) {
    return place.path().startsWith("client.");
  }

  /**
   * Which observations a source may take: where the client's keys and others read the same source
   * (the operating system's build, the CredSSP policy), the client's take what was collected on a
   * client, the others the rest; otherwise any.
   */
  private java.util.function.Predicate<Origin> side(WindowsSource source, boolean clients) {
    if (sides.getOrDefault(signature(source), java.util.Set.of()).size() < 2) {
      return o -> true;
    }
    return o -> role(o).map(r -> r.equals("client")).orElse(false) == clients;
  }

  /** The machine a file was collected on: the role the nearest collector's note above it gives. */
  private Optional<String> role(Origin origin) {
    String folder = folder(origin.file());
    Optional<String> best = Optional.empty();
    int depth = -1;
    for (Observation.Collected c : all(Observation.Collected.class)) {
      String at = folder(c.origin().file());
      if (c.role().isPresent() && (at.isEmpty() || folder.equals(at) || folder.startsWith(at + "/")) && at.length() > depth) {
        best = c.role();
        depth = at.length();
      }
    }
    return best;
  }

  private static String folder(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }

  /** What a source reads, the same for every key that declares it. */
  private static String signature(WindowsSource source) {
    if (source instanceof WindowsSource.Registry r) {
      return "registry " + RegistryPath.normal(r.key()).toLowerCase(Locale.ROOT) + "\\" + r.value().toLowerCase(Locale.ROOT);
    } else if (source instanceof WindowsSource.Command c) {
      return "command " + String.join(" ", CommandWords.of(c.run())).toLowerCase(Locale.ROOT);
    } else if (source instanceof WindowsSource.RdpFile f) {
      return "rdp " + f.setting().toLowerCase(Locale.ROOT);
    }
    WindowsSource.Event e = (WindowsSource.Event) source;
    return "event " + e.log() + " " + e.provider() + " " + e.ids();
  }

  /** The day the evidence was collected, else the day of its newest event, when the vocabulary has an observed date. */
  private void observed() {
    mine = o -> true;
    if (vocabulary.root().key("observed").isEmpty()) {
      return;
    }
    Optional<Observation.Collected> collected = of(Observation.Collected.class).stream().findFirst();
    if (collected.isPresent()) {
      tree.put("observed", collected.get().date().toString());
      reasons.put("observed", collected.get().origin().toString());
      return;
    }
    of(Observation.Event.class).stream().filter(e -> e.date().isPresent())
        .max(Comparator.comparing((Observation.Event e) -> e.date().get()))
        .ifPresent(e -> {
          tree.put("observed", e.date().get().toString());
          reasons.put("observed", "the newest event in the evidence, " + e.origin());
        });
  }

  private Optional<Seen> find(Key key, WindowsSource source) {
    if (source instanceof WindowsSource.Registry r) {
      return registry(key, r);
    } else if (source instanceof WindowsSource.RdpFile f) {
      return rdpFile(key, f);
    } else if (source instanceof WindowsSource.Event e) {
      return of(Observation.Event.class).stream().filter(o -> matches(e, o)).findFirst()
          .flatMap(o -> e.means().map(m -> new Seen(m, o.origin())));
    } else if (source instanceof WindowsSource.Command c) {
      Optional<Seen> matched = command(c);
      return matched.isPresent() ? matched : listed(key, c);
    }
    return Optional.empty();
  }

  private Optional<Seen> registry(Key key, WindowsSource.Registry source) {
    for (Observation.RegistryValue v : of(Observation.RegistryValue.class)) {
      if (!RegistryPath.same(v.key(), source.key()) || !v.name().equalsIgnoreCase(source.value())) {
        continue;
      }
      if (!source.map().isEmpty() || source.otherwise().isPresent()) {
        Object mapped = mapped(source.map(), v.data()).orElse(source.otherwise().orElse(null));
        if (mapped != null) {
          return Optional.of(new Seen(mapped, v.origin()));
        }
        continue; // data the source does not say the meaning of: another source may
      }
      Object raw = v.kind() == RegistryKind.REG_DWORD || v.kind() == RegistryKind.REG_QWORD ? (Object) Long.parseUnsignedLong(v.data())
          : v.data();
      Optional<Object> value = read(key, raw, v.origin());
      if (value.isPresent()) {
        return Optional.of(new Seen(value.get(), v.origin()));
      }
    }
    if (source.absent().isPresent()) {
      for (Observation.RegistryKey k : of(Observation.RegistryKey.class)) {
        if (RegistryPath.same(k.key(), source.key())) {
          return Optional.of(new Seen(source.absent().get(), new Origin(k.origin().file(), k.origin().line(),
              k.origin().excerpt() + " has no " + source.value())));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Seen> rdpFile(Key key, WindowsSource.RdpFile source) {
    for (Observation.RdpSetting s : of(Observation.RdpSetting.class)) {
      if (!s.name().equalsIgnoreCase(source.setting().strip()) || !s.kind().equalsIgnoreCase(source.kind().strip())) {
        continue;
      }
      if (!source.map().isEmpty()) {
        Optional<Object> mapped = mapped(source.map(), s.value());
        if (mapped.isPresent()) {
          return Optional.of(new Seen(mapped.get(), s.origin()));
        }
        continue;
      }
      if (s.value().isEmpty()) {
        continue; // an empty setting says nothing
      }
      Object raw = s.kind().equals("i") ? (Object) Long.parseLong(s.value()) : s.value();
      Optional<Object> value = read(key, raw, s.origin());
      if (value.isPresent()) {
        return Optional.of(new Seen(value.get(), s.origin()));
      }
    }
    return Optional.empty();
  }

  /** The value a map gives data: by its spelling, the case of text aside. */
  private static Optional<Object> mapped(Map<String, Object> map, String data) {
    Object exact = map.get(data.strip());
    if (exact != null) {
      return Optional.of(exact);
    }
    return map.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(data.strip())).map(Map.Entry::getValue).findFirst();
  }

  private Optional<Seen> command(WindowsSource.Command source) {
    if (source.match().isEmpty()) {
      return Optional.empty();
    }
    for (Observation.CommandOutput out : of(Observation.CommandOutput.class)) {
      if (!CommandWords.fits(out.command(), source.run())) {
        continue;
      }
      for (Map.Entry<String, Object> m : source.match().entrySet()) {
        Pattern p = pattern(m.getKey());
        if (p == null) {
          continue;
        }
        Matcher found = p.matcher(out.text().text());
        if (found.find()) {
          int line = out.text().lineOf(found.start());
          return Optional.of(new Seen(m.getValue(), new Origin(out.file(), line, out.text().line(line))));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A property of the object a {@code Get-ChildItem Cert:\... | Format-List PROPERTY} source lists;
   * {@code Format-List Subject,Issuer} on a yes-no key asks whether the two are the same (a
   * self-signed certificate).
   */
  private Optional<Seen> listed(Key key, WindowsSource.Command source) {
    Matcher m = CERTIFICATE_LIST.matcher(source.run().strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String where = m.group(1).strip();
    List<String> properties = List.of(m.group(2).replace(" ", "").split(","));
    for (Observation.Listed listed : of(Observation.Listed.class)) {
      if (!listed.where().equalsIgnoreCase(where)) {
        continue;
      }
      Origin origin = listed.count() > 1 ? new Origin(listed.origin().file(), listed.origin().line(),
          listed.origin().excerpt() + " (the first of " + listed.count() + " listed)") : listed.origin();
      if (properties.size() == 2 && key.type() instanceof KeyType.YesNo) {
        Optional<String> a = listed.property(properties.get(0));
        Optional<String> b = listed.property(properties.get(1));
        if (a.isPresent() && b.isPresent()) {
          return Optional.of(new Seen(a.get().strip().equalsIgnoreCase(b.get().strip()), origin));
        }
        return Optional.empty();
      }
      if (properties.size() != 1) {
        return Optional.empty();
      }
      Optional<String> raw = listed.property(properties.get(0)).filter(v -> !v.isBlank());
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      KeyType item = key.type() instanceof KeyType.ListOf l ? l.item() : key.type();
      if (item instanceof KeyType.Date || item instanceof KeyType.ApproximateDate) {
        Optional<LocalDate> day = LooseDate.parse(raw.get());
        return day.map(d -> new Seen(d, origin));
      }
      if (key.isList()) {
        List<Object> items = new ArrayList<>();
        for (String part : raw.get().split(",\\s*")) {
          if (!part.isBlank()) {
            read(key, part.strip(), origin).ifPresent(items::add);
          }
        }
        return items.isEmpty() ? Optional.empty() : Optional.of(new Seen(items, origin));
      }
      return read(key, raw.get(), origin).map(v -> new Seen(v, origin));
    }
    return Optional.empty();
  }

  /** The list of sections whose source is events: one item per event of a declared provider and id. */
  private void events(Place place, SectionType item) {
    List<WindowsSource.Event> sources = place.key().windows().stream()
        .filter(WindowsSource.Event.class::isInstance).map(WindowsSource.Event.class::cast).toList();
    Map<String, List<Observation.Event>> same = new LinkedHashMap<>();
    for (Observation.Event e : of(Observation.Event.class)) {
      if (sources.stream().anyMatch(s -> matches(s, e))) {
        same.computeIfAbsent(e.id() + "\n" + provider(e.provider()) + "\n" + e.text(), k -> new ArrayList<>()).add(e);
      }
    }
    if (same.isEmpty()) {
      return;
    }
    ArrayNode items = NODES.arrayNode();
    int max = ReadLimits.SYMPTOM_FILE.maxItems();
    int i = 0;
    for (List<Observation.Event> group : same.values()) {
      if (i == max) {
        Origin first = group.get(0).origin();
        warnings.add(InputError.warning(first.file(), first.line(), 1, "more than " + max
            + " different events: the rest are left out, as a symptom file holds no more"));
        break;
      }
      Observation.Event e = group.get(0);
      ObjectNode node = items.addObject();
      set(item, node, "id", e.id());
      set(item, node, "source", e.provider());
      if (!e.text().isEmpty()) {
        set(item, node, "text", e.text());
      }
      e.log().ifPresent(log -> set(item, node, "log", log));
      role(e.origin()).ifPresent(machine -> set(item, node, "machine", machine));
      if (group.size() > 1) {
        set(item, node, "count", (long) group.size());
      }
      reasons.put(place.path().replace("[]", "") + "[" + i + "]", e.origin()
          + (group.size() > 1 ? " (and " + (group.size() - 1) + " more like it)" : ""));
      i++;
    }
    put(place.path(), items);
  }

  private static JsonNode node(KeyType type, Object value) {
    if (value instanceof List<?> items && type instanceof KeyType.ListOf list) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(v -> array.add(CaseValuesTree.node(list.item(), v)));
      return array;
    }
    return CaseValuesTree.node(type instanceof KeyType.ListOf list ? list.item() : type, value);
  }

  /** Sets {@code name} on an item when its type declares such a key, as that key reads the value. */
  private static void set(SectionType type, ObjectNode node, String name, Object value) {
    type.key(name).ifPresent(k -> {
      try {
        node.set(name, CaseValuesTree.node(k.type(), ValueReader.read(k.type(), value)));
      } catch (IllegalArgumentException e) {
        // a key of that name that cannot hold this value: left out
      }
    });
  }

  private static boolean matches(WindowsSource.Event source, Observation.Event event) {
    return source.ids().contains(event.id()) && provider(source.provider()).equals(provider(event.provider()))
        && (event.log().isEmpty() || event.log().get().equalsIgnoreCase(source.log().strip()));
  }

  /** A provider as Event Viewer and the XML name it, one spelling: {@code Microsoft-Windows-} left out. */
  private static String provider(String name) {
    String p = name.strip().toLowerCase(Locale.ROOT);
    return p.startsWith("microsoft-windows-") ? p.substring("microsoft-windows-".length()) : p;
  }

  /** A value read as the key's type; empty, with a warning where it was seen, when it cannot be. */
  private Optional<Object> read(Key key, Object raw, Origin origin) {
    try {
      return Optional.of(ValueReader.read(key.type(), raw));
    } catch (IllegalArgumentException e) {
      warnings.add(InputError.warning(origin.file(), origin.line(), 1, e.getMessage() + " for " + key.name()
          + ": it is left unknown"));
      return Optional.empty();
    }
  }

  private Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, r -> {
      try {
        return Pattern.compile(r);
      } catch (PatternSyntaxException e) {
        return null;
      }
    });
  }

  private void put(String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode at = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = at.get(parts[i]);
      at = next instanceof ObjectNode o ? o : at.putObject(parts[i]);
    }
    at.set(parts[parts.length - 1], Objects.requireNonNull(value));
  }

  private <T extends Observation> List<T> all(Class<T> kind) {
    return observations.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The observations of a kind this source may take. */
  private <T extends Observation> List<T> of(Class<T> kind) {
    return observations.stream().filter(kind::isInstance).map(kind::cast).filter(o -> mine.test(o.origin())).toList();
  }
}
