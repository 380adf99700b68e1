package dev.rdpdoctor.casefile.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.Located;
import dev.rdpdoctor.yaml.ReadLimits;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.Spelled;
import dev.rdpdoctor.yaml.StrictYamlReader;
import dev.rdpdoctor.yaml.Suggestions;
import dev.rdpdoctor.yaml.YamlDocument;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a vocabulary folder ({@code rules/vocabulary/*.yaml}) and checks it as a whole: names,
 * types, ranges, value sets, the types sections refer to, derivations and their inputs, and
 * Windows sources against the keys' types. Every problem is reported, located in its file, at
 * once.
 */
public final class VocabularyReader {

  /** The folder of a rules folder that holds the vocabulary. */
  public static final String FOLDER = "vocabulary";

  /** Names a type or a set may not take: the rules would read them as these. */
  private static final Set<String> TAKEN = Set.of("Object", "String", "Boolean", "Long", "Double", "Integer",
      "Number", "Math", "System", "Class", "Enum", "Record", "List", "Map", "Set", "LocalDate", "Finding");

  private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
      "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
      "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
      "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
      "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true",
      "false", "null", "var", "record", "yield", "sealed", "permits",
      "end"); // and DRL's end, which would close the declaration of the fact type

  /** The day an example's words ({@code last week}) are judged against, to check that they read. */
  private static final java.time.LocalDate EXAMPLES_OBSERVED = java.time.LocalDate.of(2026, 11, 20);

  /** Among the names that could not be read: one of the files, whose declarations are all unknown. */
  private static final String A_FILE = "*";

  private final StrictYamlReader yaml = new StrictYamlReader(ReadLimits.KNOWLEDGE_FILE);

  /** Where a type or set was declared: its file's source map and its path there. */
  private record Origin(SourceMap map, String at) {

    /** Located at the value written at {@code sub}, or at its key when it is a section or was not written. */
    InputError error(String sub, String message) {
      String path = sub.isEmpty() ? at : at + "." + sub;
      Optional<Located> value = map.find(path).filter(l -> !l.text().isEmpty());
      Optional<Located> key = map.key(path);
      if (value.isEmpty() && key.isPresent()) {
        return InputError.error(map.file(), key.get().line(), key.get().column(), message);
      }
      return map.errorAt(path, message);
    }
  }

  /** Reads {@code folder/*.yaml}, shown to the user under {@code shownAs}. */
  public Vocabulary read(Path folder, String shownAs) {
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(InputError.error(shownAs, 1, 1,
          "no vocabulary: a rules folder needs " + FOLDER + "/ with the symptom-file keys in *.yaml"));
    }
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(folder)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)) {
          files.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(InputError.error(shownAs, 1, 1, "cannot read the vocabulary: " + e.getMessage()));
    }
    return read(files, shownAs);
  }

  /**
   * @param files each file's bytes by its name in the folder, read in name order
   * @param shownAs the folder as shown to the user; files are shown as {@code shownAs/NAME}
   */
  public Vocabulary read(Map<String, byte[]> files, String shownAs) {
    List<InputError> errors = new ArrayList<>();
    // names whose declaration could not be read or checked: a reference to one is not reported again
    Set<String> broken = new HashSet<>();
    if (files.isEmpty()) {
      throw new InvalidInputException(InputError.error(shownAs, 1, 1,
          "no vocabulary files: " + FOLDER + "/ needs at least one *.yaml declaring the symptom-file keys"));
    }
    Map<String, VocabularyFile.TypeEntry> typeEntries = new LinkedHashMap<>();
    Map<String, Map<String, List<String>>> setEntries = new LinkedHashMap<>();
    Map<String, Origin> origins = new HashMap<>();
    for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
      String shown = shownAs + "/" + f.getKey();
      YamlDocument<VocabularyFile> doc;
      try {
        doc = yaml.read(shown, f.getValue(), VocabularyFile.class);
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
        broken.addAll(declaredIn(f.getValue()));
        continue;
      }
      SourceMap map = doc.sourceMap();
      doc.value().types().forEach((name, entry) -> {
        Origin here = new Origin(map, "types." + name);
        if (origins.containsKey(name)) {
          errors.add(map.errorAt(here.at, "'" + name + "' is declared twice: also at " + where(origins.get(name))));
        } else {
          origins.put(name, here);
          typeEntries.put(name, entry);
        }
      });
      doc.value().sets().forEach((name, entry) -> {
        Origin here = new Origin(map, "sets." + name);
        if (origins.containsKey(name)) {
          errors.add(map.errorAt(here.at, "'" + name + "' is declared twice: also at " + where(origins.get(name))));
        } else {
          origins.put(name, here);
          setEntries.put(name, entry);
        }
      });
    }
    Map<String, ValueSet> sets = new LinkedHashMap<>();
    setEntries.forEach((name, entry) -> {
      Origin origin = origins.get(name);
      checkTypeName(name, "set", origin, errors);
      try {
        List<ValueSet.Choice> choices = new ArrayList<>();
        entry.forEach((spelling, aliases) -> choices.add(new ValueSet.Choice(spelling, aliases)));
        sets.put(name, new ValueSet(name, choices));
      } catch (IllegalArgumentException e) {
        errors.add(origin.error("", "set " + name + ": " + e.getMessage()));
        broken.add(name);
      }
    });
    Map<String, SectionType> types = new LinkedHashMap<>();
    typeEntries.forEach((name, entry) -> {
      Origin origin = origins.get(name);
      checkTypeName(name, "type", origin, errors);
      types.put(name, sectionType(name, entry, origin, typeEntries, sets, broken, errors));
    });
    types.forEach((name, type) -> checkAcrossKeys(type, typeEntries.get(name), origins.get(name), errors));
    List<SectionType> roots = types.values().stream().filter(SectionType::root).toList();
    if (roots.isEmpty() && errors.isEmpty()) {
      errors.add(InputError.error(shownAs, 1, 1, "no type is the 'root: true' of the symptom file"));
    }
    for (SectionType extra : roots.stream().skip(1).toList()) {
      errors.add(origins.get(extra.name()).error("root", "a second root: '" + roots.get(0).name()
          + "' is the root of the symptom file already"));
    }
    if (roots.size() == 1 && broken.isEmpty()) {
      checkStructure(roots.get(0), types, typeEntries, origins, errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Vocabulary(types, sets, roots.get(0));
  }

  /**
   * The names a file that could not be read declares, as far as its YAML can be parsed, so that
   * references to them are not reported as well; {@link #A_FILE} when it cannot be parsed at all.
   */
  private static Set<String> declaredIn(byte[] bytes) {
    try {
      JsonNode tree = YamlMapper.yaml().readTree(bytes);
      Set<String> names = new HashSet<>();
      for (String section : List.of("types", "sets")) {
        tree.path(section).fieldNames().forEachRemaining(names::add);
      }
      return names;
    } catch (IOException | RuntimeException e) {
      return Set.of(A_FILE);
    }
  }

  private static String where(Origin origin) {
    return origin.map.find(origin.at).or(() -> origin.map.key(origin.at))
        .map(l -> origin.map.file() + ":" + l.line()).orElse(origin.map.file());
  }

  private static void checkTypeName(String name, String what, Origin origin, List<InputError> errors) {
    if (!name.matches("[A-Z][A-Za-z0-9]*")) {
      errors.add(origin.error("", what + " '" + name + "': a name is a word in CamelCase, e.g. RdpSettings, as the rules write it"));
    } else if (TAKEN.contains(name)) {
      errors.add(origin.error("", what + " '" + name + "' would hide the type of that name the rules use; choose another"));
    }
  }

  private SectionType sectionType(String name, VocabularyFile.TypeEntry entry, Origin origin,
      Map<String, VocabularyFile.TypeEntry> typeEntries, Map<String, ValueSet> sets, Set<String> broken,
      List<InputError> errors) {
    List<Key> keys = new ArrayList<>();
    Map<String, String> fields = new HashMap<>();
    entry.keys().forEach((keyName, k) -> {
      String at = "keys." + keyName;
      String label = name + "." + keyName;
      if (!keyName.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
        errors.add(origin.error(at, label + ": a key is written in snake_case, e.g. nla_required"));
        return;
      }
      String field = k.field() != null ? k.field() : camel(keyName);
      if (!field.matches("[a-z][A-Za-z0-9]*")) {
        errors.add(origin.error(at + ".field", label + ": field '" + field + "' is not a field name in camelCase, e.g. nlaRequired"));
        return;
      }
      if (JAVA_KEYWORDS.contains(field)) {
        errors.add(origin.error(at, label + ": '" + field + "' is a word of the rule language; give the key a 'field:' the rules can read"));
        return;
      }
      String twin = fields.putIfAbsent(field, keyName);
      if (twin != null) {
        errors.add(origin.error(at, label + ": the rules would read it as '" + field + "', as they read '" + twin + "'"));
        return;
      }
      Optional<KeyType> type = keyType(label, k, at, origin, typeEntries, sets, broken, errors);
      if (type.isEmpty()) {
        return;
      }
      if (k.type() != KeyKind.SECTION && (k.example() == null || k.example().isBlank())) {
        errors.add(origin.error(at, label + ": needs an 'example': a value as a user writes it"));
      } else if (k.example() != null && !k.list() && k.type() != KeyKind.SECTION) {
        try {
          ValueReader.read(type.get(), k.example(), Optional.of(EXAMPLES_OBSERVED));
        } catch (IllegalArgumentException e) {
          errors.add(origin.error(at + ".example", label + ": the example does not read: " + e.getMessage()));
        }
      }
      KeyType item = type.get() instanceof KeyType.ListOf l ? l.item() : type.get();
      if (k.identifies() != null && !(item instanceof KeyType.Text)) {
        errors.add(origin.error(at + ".identifies", label + ": only text names a host, person or certificate"));
      }
      List<WindowsSource> windows = new ArrayList<>();
      for (int i = 0; i < k.windows().size(); i++) {
        windowsSource(label, type.get(), k.windows().get(i), at + ".windows[" + i + "]", origin, errors).ifPresent(windows::add);
      }
      Optional<Key.Derived> derived = Optional.ofNullable(k.derived())
          .map(d -> new Key.Derived(d.by(), d.from(), d.stated()));
      keys.add(new Key(keyName, field, type.get(), k.doc().strip(), Optional.ofNullable(k.example()), k.required(),
          Boolean.TRUE.equals(k.context()), Optional.ofNullable(k.identifies()), derived, windows,
          new Key.Messages(Optional.ofNullable(k.missing()), Optional.ofNullable(k.outOfRange()))));
    });
    return new SectionType(name, entry.doc().strip(), keys, Optional.ofNullable(entry.shorthand()), entry.root(),
        entry.requiredOneOf(), Optional.ofNullable(entry.missing()));
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** The checked type of a key, or empty after reporting why it has none. */
  private static Optional<KeyType> keyType(String label, VocabularyFile.KeyEntry k, String at, Origin origin,
      Map<String, VocabularyFile.TypeEntry> typeEntries, Map<String, ValueSet> sets, Set<String> broken,
      List<InputError> errors) {
    KeyKind kind = k.type();
    boolean number = kind == KeyKind.WHOLE_NUMBER || kind == KeyKind.DECIMAL;
    if (!number && (k.min() != null || k.max() != null)) {
      errors.add(origin.error(at + (k.min() != null ? ".min" : ".max"), label + ": only a number has a range"));
      return Optional.empty();
    }
    boolean needsOf = kind == KeyKind.ONE_OF || kind == KeyKind.SECTION;
    if (!needsOf && k.of() != null) {
      errors.add(origin.error(at + ".of", label + ": 'of:' names the set of a one-of key or the type of a section"));
      return Optional.empty();
    }
    if (kind != KeyKind.SECTION && k.insert() != null) {
      errors.add(origin.error(at + ".insert", label + ": only a section is inserted as a fact"));
      return Optional.empty();
    }
    KeyType type;
    switch (kind) {
      case YES_NO -> type = new KeyType.YesNo();
      case TEXT -> type = new KeyType.Text();
      case DATE -> type = new KeyType.Date();
      case APPROXIMATE_DATE -> type = new KeyType.ApproximateDate();
      case CODE -> type = new KeyType.Code();
      case WHOLE_NUMBER -> {
        if (k.min() != null && k.min() != Math.rint(k.min()) || k.max() != null && k.max() != Math.rint(k.max())) {
          errors.add(origin.error(at + (k.min() != null && k.min() != Math.rint(k.min()) ? ".min" : ".max"),
              label + ": the range of a whole number is whole numbers"));
          return Optional.empty();
        }
        type = new KeyType.WholeNumber(k.min() == null ? Long.MIN_VALUE : k.min().longValue(),
            k.max() == null ? Long.MAX_VALUE : k.max().longValue());
      }
      case DECIMAL -> type = new KeyType.Decimal(k.min() == null ? Double.NEGATIVE_INFINITY : k.min(),
          k.max() == null ? Double.POSITIVE_INFINITY : k.max());
      case ONE_OF -> {
        if (k.of() == null) {
          errors.add(origin.error(at + ".type", label + ": a one-of key needs 'of:', the set of its values (under 'sets:')"));
          return Optional.empty();
        }
        ValueSet set = sets.get(k.of());
        if (set == null && (broken.contains(k.of()) || broken.contains(A_FILE))) {
          return Optional.empty(); // its own error says why
        }
        if (set == null) {
          String hint = typeEntries.containsKey(k.of()) ? " (" + k.of() + " is a section type: use 'type: section')"
              : Suggestions.closest(k.of(), sets.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
          errors.add(origin.error(at + ".of", label + ": no set '" + k.of() + "'" + hint + " sets: " + String.join(", ", sets.keySet())));
          return Optional.empty();
        }
        type = new KeyType.OneOf(set);
      }
      default -> {
        if (k.of() != null && !typeEntries.containsKey(k.of()) && (broken.contains(k.of()) || broken.contains(A_FILE))) {
          return Optional.empty(); // it may be in the file that could not be read
        }
        if (k.of() == null || !typeEntries.containsKey(k.of())) {
          String hint = k.of() == null ? "" : sets.containsKey(k.of()) ? " (" + k.of() + " is a set of values: use 'type: one-of')"
              : Suggestions.closest(k.of(), typeEntries.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
          errors.add(origin.error(at + (k.of() == null ? ".type" : ".of"), label + ": a section needs 'of:', the type of its keys"
              + (k.of() == null ? "" : "; no type '" + k.of() + "'" + hint)));
          return Optional.empty();
        }
        if (typeEntries.get(k.of()).root()) {
          errors.add(origin.error(at + ".of", label + ": " + k.of() + " is the whole symptom file; a section cannot hold it"));
          return Optional.empty();
        }
        Insert insert = k.insert() == null ? Insert.NEVER : k.insert();
        if (k.list() && (insert == Insert.ALWAYS || insert == Insert.WHEN_WRITTEN)) {
          errors.add(origin.error(at + ".insert", label + ": the items of a list are inserted 'each', or 'never'"));
          return Optional.empty();
        }
        if (!k.list() && insert == Insert.EACH) {
          errors.add(origin.error(at + ".insert", label + ": 'each' is for a list of sections; a section is inserted 'always' or 'when-written'"));
          return Optional.empty();
        }
        type = new KeyType.Section(k.of(), insert);
      }
    }
    return Optional.of(k.list() ? new KeyType.ListOf(type) : type);
  }

  private static Optional<WindowsSource> windowsSource(String label, KeyType type, VocabularyFile.WindowsEntry w,
      String at, Origin origin, List<InputError> errors) {
    boolean itemSections = type instanceof KeyType.ListOf l && l.item() instanceof KeyType.Section;
    int before = errors.size();
    if (w.registry() != null) {
      var r = w.registry();
      Map<String, Object> map = mapped(label, type, r.map(), at + ".registry.map", origin, errors);
      Optional<Object> otherwise = value(label, type, r.otherwise(), at + ".registry.otherwise", origin, errors);
      Optional<Object> absent = value(label, type, r.absent(), at + ".registry.absent", origin, errors);
      if (type instanceof KeyType.Section || itemSections) {
        errors.add(origin.error(at + ".registry", label + ": a registry value gives one value, not a section"));
      }
      return errors.size() > before ? Optional.empty() : Optional.of(new WindowsSource.Registry(r.key(), r.value(), r.kind(), map,
          otherwise, absent, Optional.ofNullable(r.note())));
    }
    if (w.event() != null) {
      var e = w.event();
      if (itemSections && e.means() != null) {
        errors.add(origin.error(at + ".event.means", label + ": each event is an item of the list; 'means' is for a key an event sets"));
      } else if (!itemSections && e.means() == null) {
        errors.add(origin.error(at + ".event", label + ": an event source needs 'means': the value the key has when the event is seen"));
      }
      Optional<Object> means = itemSections ? Optional.empty() : value(label, type, e.means(), at + ".event.means", origin, errors);
      return errors.size() > before ? Optional.empty()
          : Optional.of(new WindowsSource.Event(e.log(), e.provider(), e.ids(), means, Optional.ofNullable(e.note())));
    }
    if (w.command() != null) {
      var c = w.command();
      Map<String, Object> match = mapped(label, type, c.match(), at + ".command.match", origin, errors);
      for (String regex : c.match().keySet()) {
        try {
          java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
          errors.add(origin.error(at + ".command.match." + regex, label + ": not a regular expression: "
              + e.getDescription() + " near index " + e.getIndex()));
        }
      }
      return errors.size() > before ? Optional.empty()
          : Optional.of(new WindowsSource.Command(c.run(), c.read(), match, Optional.ofNullable(c.note())));
    }
    var f = w.rdpFile();
    Map<String, Object> map = mapped(label, type, f.map(), at + ".rdp_file.map", origin, errors);
    return errors.size() > before ? Optional.empty()
        : Optional.of(new WindowsSource.RdpFile(f.setting(), f.kind(), map, Optional.ofNullable(f.note())));
  }

  /** Each value of a mapping read as the key's type. */
  private static Map<String, Object> mapped(String label, KeyType type, Map<String, Object> raw, String at, Origin origin,
      List<InputError> errors) {
    Map<String, Object> out = new LinkedHashMap<>();
    raw.forEach((from, to) -> value(label, type, to, at + "." + from, origin, errors).ifPresent(v -> out.put(from, v)));
    return out;
  }

  private static Optional<Object> value(String label, KeyType type, Object raw, String at, Origin origin, List<InputError> errors) {
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ValueReader.read(type, raw));
    } catch (IllegalArgumentException e) {
      errors.add(origin.error(at, label + ": " + e.getMessage()));
      return Optional.empty();
    }
  }

  /** What needs all the keys of a type: derivations and their inputs, the shorthand. */
  private static void checkAcrossKeys(SectionType type, VocabularyFile.TypeEntry entry, Origin origin, List<InputError> errors) {
    Map<String, Key> keys = type.byName();
    if (type.shorthand().isPresent()) {
      String s = type.shorthand().get();
      Key k = keys.get(s);
      if (k == null) {
        errors.add(origin.error("shorthand", type.name() + ": the shorthand names no key of it"
            + Suggestions.closest(s, keys.keySet()).map(x -> "; did you mean '" + x + "'?").orElse("")));
      } else if (k.type() instanceof KeyType.Section || k.type() instanceof KeyType.ListOf) {
        errors.add(origin.error("shorthand", type.name() + ": a bare value fills one value, not a list or a section"));
      }
    }
    for (int i = 0; i < type.requiredOneOf().size(); i++) {
      String one = type.requiredOneOf().get(i);
      Key k = keys.get(one);
      if (!entry.keys().containsKey(one)) {
        errors.add(origin.error("required_one_of[" + i + "]", type.name() + ": required_one_of names '" + one
            + "', which is no key of it" + Suggestions.closest(one, keys.keySet()).map(x -> "; did you mean '" + x + "'?").orElse("")));
      } else if (k != null && k.required()) {
        errors.add(origin.error("required_one_of[" + i + "]", type.name() + ": '" + one
            + "' is required on its own already; required_one_of lists keys any one of which will do"));
      }
    }
    if (type.requiredOneOf().size() == 1) {
      errors.add(origin.error("required_one_of", type.name() + ": required_one_of names one key; write 'required: true' on it instead"));
    }
    for (Key key : type.keys()) {
      if (key.derived().isEmpty()) {
        continue;
      }
      Key.Derived d = key.derived().get();
      String at = "keys." + key.name() + ".derived";
      String label = type.name() + "." + key.name();
      if (!d.by().result.accepts.test(key.type())) {
        errors.add(origin.error(at + ".by", label + ": " + Spelled.spelling(d.by()) + " gives " + d.by().result.description
            + ", not " + key.type().describe()));
      }
      if (d.from().size() != d.by().inputs.size()) {
        errors.add(origin.error(at + ".from", label + ": " + Spelled.spelling(d.by()) + " is worked out from " + d.by().takes()));
        continue;
      }
      for (int i = 0; i < d.from().size(); i++) {
        String input = d.from().get(i);
        Key from = keys.get(input);
        if (from == null || from == key) {
          errors.add(origin.error(at + ".from[" + i + "]", label + ": '" + input + "' is no other key of " + type.name()
              + Suggestions.closest(input, keys.keySet()).map(x -> "; did you mean '" + x + "'?").orElse("")));
        } else if (!d.by().inputs.get(i).accepts.test(from.type())) {
          errors.add(origin.error(at + ".from[" + i + "]", label + ": " + Spelled.spelling(d.by()) + " takes "
              + d.by().inputs.get(i).description + " here, and '" + input + "' is " + from.type().describe()));
        }
      }
    }
  }

  /** Every type is used, and no type holds itself. */
  private static void checkStructure(SectionType root, Map<String, SectionType> types,
      Map<String, VocabularyFile.TypeEntry> entries, Map<String, Origin> origins, List<InputError> errors) {
    // reached as written, so that a key with an error of its own does not leave its type unused too
    Set<String> reached = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(root.name()));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      VocabularyFile.TypeEntry t = entries.get(name);
      if (t == null || !reached.add(name)) {
        continue;
      }
      t.keys().values().stream().filter(k -> k.type() == KeyKind.SECTION && k.of() != null).forEach(k -> todo.push(k.of()));
    }
    for (SectionType t : types.values()) {
      if (!reached.contains(t.name())) {
        errors.add(origins.get(t.name()).error("", "type '" + t.name()
            + "' is declared but no section is of it: give a key 'type: section' and 'of: " + t.name() + "'"));
      } else if (holdsItself(t, t.name(), types, new HashSet<>())) {
        errors.add(origins.get(t.name()).error("", "type '" + t.name() + "' holds itself, through its sections; a symptom file has no end"));
      }
    }
  }

  private static boolean holdsItself(SectionType t, String target, Map<String, SectionType> types, Set<String> seen) {
    for (Key k : t.keys()) {
      Optional<KeyType.Section> s = k.section();
      if (s.isPresent()) {
        if (s.get().typeName().equals(target)) {
          return true;
        }
        SectionType inner = types.get(s.get().typeName());
        if (inner != null && seen.add(inner.name()) && holdsItself(inner, target, types, seen)) {
          return true;
        }
      }
    }
    return false;
  }
}
