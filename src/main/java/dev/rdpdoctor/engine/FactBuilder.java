package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseValues;
import dev.rdpdoctor.casefile.CaseValues.Section;
import dev.rdpdoctor.casefile.vocabulary.DateEstimate;
import dev.rdpdoctor.casefile.vocabulary.Insert;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;

/**
 * Makes a case's facts: for each section the vocabulary inserts, an instance of the type the
 * knowledge base declared for it ({@code facts.RdpSettings}), through the KieBase's
 * {@link FactType}s, or, for the build's own fact classes on the class path, through their
 * getters and setters. Everything per type and key is looked up once per knowledge base.
 */
final class FactBuilder {

  private record Field(Key key, Class<?> enumType) {}

  /** How a declared type is made and filled. */
  private interface Maker {
    Object newInstance() throws ReflectiveOperationException;

    void set(Object fact, String field, Object value) throws ReflectiveOperationException;

    Class<?> fieldType(String field) throws ReflectiveOperationException;
  }

  private record Shape(Maker maker, List<Field> fields) {}

  private final Vocabulary vocabulary;
  private final Map<String, Shape> shapes = new HashMap<>();
  private final Map<Class<?>, Map<String, Object>> constants = new HashMap<>();

  FactBuilder(KieBase kieBase, Vocabulary vocabulary) {
    this(vocabulary, name -> {
      FactType declared = kieBase.getFactType(KnowledgeBase.FACT_PACKAGE, name);
      if (declared == null) {
        throw new IllegalStateException("the knowledge base declares no " + KnowledgeBase.FACT_PACKAGE + "." + name);
      }
      return new Maker() {
        public Object newInstance() throws ReflectiveOperationException {
          return declared.newInstance();
        }

        public void set(Object fact, String field, Object value) {
          declared.set(fact, field, value);
        }

        public Class<?> fieldType(String field) {
          return declared.getField(field).getType();
        }
      };
    });
  }

  /** Facts of the classes the build compiled from the bundled vocabulary, found on the class path: no rules needed. */
  static FactBuilder ofClasses(ClassLoader classes, Vocabulary vocabulary) {
    return new FactBuilder(vocabulary, name -> {
      try {
        Class<?> type = Class.forName(KnowledgeBase.FACT_PACKAGE + "." + name, true, classes);
        return new Maker() {
          public Object newInstance() throws ReflectiveOperationException {
            return type.getConstructor().newInstance();
          }

          public void set(Object fact, String field, Object value) throws ReflectiveOperationException {
            type.getMethod("set" + Character.toUpperCase(field.charAt(0)) + field.substring(1), fieldType(field))
                .invoke(fact, value);
          }

          public Class<?> fieldType(String field) throws ReflectiveOperationException {
            return type.getDeclaredField(field).getType();
          }
        };
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("no class " + KnowledgeBase.FACT_PACKAGE + "." + name + " on the class path", e);
      }
    });
  }

  private FactBuilder(Vocabulary vocabulary, Function<String, Maker> makers) {
    this.vocabulary = vocabulary;
    for (SectionType type : vocabulary.readableTypes()) {
      Maker declared = makers.apply(type.name());
      List<Field> fields = new ArrayList<>();
      for (Key k : type.keys()) {
        Class<?> fieldType;
        try {
          fieldType = declared.fieldType(k.field());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + type.name() + "." + k.field() + ": " + e, e);
        }
        fields.add(new Field(k, fieldType.isEnum() ? fieldType : null));
        if (fieldType.isEnum()) {
          Map<String, Object> byName = new HashMap<>();
          for (Object c : fieldType.getEnumConstants()) {
            byName.put(((Enum<?>) c).name(), c);
          }
          constants.put(fieldType, byName);
        }
      }
      shapes.put(type.name(), new Shape(declared, fields));
    }
  }

  /** The facts to insert, each with the path and the section it came from, in the order of the vocabulary. */
  List<CaseFact> facts(CaseValues values) {
    List<CaseFact> out = new ArrayList<>();
    collect(values.root(), "", out);
    return out;
  }

  private void collect(Section section, String path, List<CaseFact> out) {
    for (Key key : section.type().keys()) {
      Optional<KeyType.Section> s = key.section();
      if (s.isEmpty()) {
        continue;
      }
      String at = path.isEmpty() ? key.name() : path + "." + key.name();
      Object value = section.values().get(key.name());
      Insert insert = s.get().insert();
      if (value instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          Section item = (Section) items.get(i);
          if (insert == Insert.EACH) {
            out.add(new CaseFact(at + "[" + i + "]", instance(item), item));
          }
          collect(item, at + "[" + i + "]", out);
        }
        continue;
      }
      Section written = (Section) value;
      if (written == null && insert == Insert.ALWAYS) {
        written = new Section(vocabulary.type(s.get().typeName()).orElseThrow(), Map.of());
      }
      if (written == null) {
        continue;
      }
      if (insert == Insert.ALWAYS || insert == Insert.WHEN_WRITTEN) {
        out.add(new CaseFact(at, instance(written), written));
      }
      collect(written, at, out);
    }
  }

  private Object instance(Section section) {
    Shape shape = shapes.get(section.type().name());
    try {
      Object fact = shape.maker().newInstance();
      for (Field f : shape.fields()) {
        Object v = section.values().get(f.key().name());
        if (v != null) {
          shape.maker().set(fact, f.key().field(), convert(f, v));
        }
      }
      return fact;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + section.type().name() + ": " + e, e);
    }
  }

  private Object convert(Field f, Object v) {
    if (v instanceof Section s) {
      return instance(s);
    }
    if (v instanceof List<?> items) {
      List<Object> out = new ArrayList<>(items.size());
      for (Object item : items) {
        out.add(convert(f, item));
      }
      return List.copyOf(out);
    }
    if (v instanceof DateEstimate d) {
      return d.estimate();
    }
    if (f.enumType() != null) {
      return constants.get(f.enumType()).get(((String) v).toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return v;
  }
}
