package dev.rdpdoctor.casefile.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every section and key a symptom file may hold, as the knowledge base declares them
 * ({@code rules/vocabulary/*.yaml}): their types, meanings, the facts and fields the rules read,
 * and where Windows keeps them. Read and checked by {@link VocabularyReader}; immutable.
 */
public final class Vocabulary {

  private final Map<String, SectionType> types;
  private final Map<String, ValueSet> sets;
  private final SectionType root;
  private final Map<String, Place> places;
  private final Map<String, List<String>> insertedAt;

  Vocabulary(Map<String, SectionType> types, Map<String, ValueSet> sets, SectionType root) {
    this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    this.sets = Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    this.root = root;
    Map<String, Place> p = new LinkedHashMap<>();
    Map<String, List<String>> inserted = new LinkedHashMap<>();
    walk(root, "", Optional.empty(), p, inserted);
    this.places = Collections.unmodifiableMap(p);
    inserted.replaceAll((k, v) -> List.copyOf(v));
    this.insertedAt = Collections.unmodifiableMap(inserted);
  }

  /**
   * Lays out every place of {@code type} under {@code prefix}, with the fact the rules read it on.
   *
   * @param fact the fact being read and the field path to this section inside it, if any
   */
  private void walk(SectionType type, String prefix, Optional<Place.FactField> fact,
      Map<String, Place> out, Map<String, List<String>> inserted) {
    for (Key key : type.keys()) {
      String path = prefix + key.name();
      Optional<Place.FactField> readAs = fact.map(f -> new Place.FactField(f.type(),
          f.field().isEmpty() ? key.field() : f.field() + "." + key.field()));
      out.put(path, new Place(path, key, type, readAs));
      Optional<KeyType.Section> section = key.section();
      if (section.isPresent()) {
        SectionType inner = types.get(section.get().typeName());
        String innerPrefix = path + (key.isList() ? "[]." : ".");
        Optional<Place.FactField> innerFact;
        if (section.get().insert() != Insert.NEVER) {
          innerFact = Optional.of(new Place.FactField(inner.name(), ""));
          inserted.computeIfAbsent(inner.name(), n -> new ArrayList<>()).add(path);
        } else {
          innerFact = readAs;
        }
        walk(inner, innerPrefix, innerFact, out, inserted);
      }
    }
  }

  /** Equal when they declare the same types and sets, in the same order, with the same keys. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && types.equals(v.types) && sets.equals(v.sets)
        && List.copyOf(types.keySet()).equals(List.copyOf(v.types.keySet()))
        && List.copyOf(sets.keySet()).equals(List.copyOf(v.sets.keySet()));
  }

  @Override
  public int hashCode() {
    return types.hashCode() * 31 + sets.hashCode();
  }

  @Override
  public String toString() {
    return "Vocabulary" + types.keySet() + sets.keySet();
  }

  public SectionType root() {
    return root;
  }

  /** Every section type by name, the root's included, in the order declared. */
  public Map<String, SectionType> types() {
    return types;
  }

  public Optional<SectionType> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  public Map<String, ValueSet> sets() {
    return sets;
  }

  /** Every place a key may be written, by path ({@code events[].id}), in reading order. */
  public Map<String, Place> places() {
    return places;
  }

  /** The place of a written value: {@code events[3].id} is the place {@code events[].id}. */
  public Optional<Place> place(String path) {
    return Optional.ofNullable(places.get(Place.pattern(path)));
  }

  /**
   * The fact types, by name, with the places they are inserted from: {@code RdpSettings} from
   * {@code rdp}, {@code WindowsEvent} from {@code events} (one fact per item).
   */
  public Map<String, List<String>> factTypes() {
    return insertedAt;
  }

  /**
   * The types the rules can see: the fact types and every type used inside one
   * ({@code Certificate} inside {@code ProbeTls}), in the order declared.
   */
  public List<SectionType> readableTypes() {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    places.values().stream()
        .filter(p -> p.readAs().isPresent() || insertedAt.containsKey(p.in().name()))
        .forEach(p -> {
          names.add(p.in().name());
          p.key().section().ifPresent(s -> names.add(s.typeName()));
        });
    insertedAt.keySet().forEach(names::add);
    return types.values().stream().filter(t -> names.contains(t.name())).toList();
  }

  /** The value sets read by a key of a readable type, in the order declared. */
  public List<ValueSet> readableSets() {
    java.util.Set<String> used = new java.util.HashSet<>();
    for (SectionType t : readableTypes()) {
      for (Key k : t.keys()) {
        KeyType item = k.type() instanceof KeyType.ListOf l ? l.item() : k.type();
        if (item instanceof KeyType.OneOf o) {
          used.add(o.set().name());
        }
      }
    }
    return sets.values().stream().filter(s -> used.contains(s.name())).toList();
  }
}
