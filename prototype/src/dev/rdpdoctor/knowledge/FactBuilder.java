package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.casefile.Fact;
import dev.rdpdoctor.casefile.vocabulary.Insert;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;

/**
 * Prototype: the facts of a case, as instances of the types the knowledge base declared from
 * the vocabulary, made through the KieBase's {@link FactType}s (or, to compare, through method
 * handles on their setters). Everything per type and key is looked up once per knowledge base.
 */
final class FactBuilder {

  /** How a field is set. */
  enum Via { FACT_TYPE, METHOD_HANDLE }

  private record Field(Key key, String name, MethodHandle setter, Class<?> enumType) {}

  private record Shape(FactType factType, List<Field> fields) {}

  private final Vocabulary vocabulary;
  private final Via via;
  private final Map<String, Shape> shapes = new HashMap<>();
  private final Map<Class<?>, Map<String, Object>> constants = new HashMap<>();

  FactBuilder(KieBase kieBase, Vocabulary vocabulary, Via via) throws ReflectiveOperationException {
    this.vocabulary = vocabulary;
    this.via = via;
    for (SectionType type : vocabulary.readableTypes()) {
      FactType ft = kieBase.getFactType(DeclaredTypes.PACKAGE, type.name());
      if (ft == null) {
        throw new IllegalStateException("the knowledge base declares no " + type.name());
      }
      List<Field> fields = new ArrayList<>();
      for (Key k : type.keys()) {
        Class<?> fieldType = ft.getField(k.field()).getType();
        MethodHandle setter = MethodHandles.publicLookup().findVirtual(ft.getFactClass(),
            "set" + Character.toUpperCase(k.field().charAt(0)) + k.field().substring(1), MethodType.methodType(void.class, fieldType));
        fields.add(new Field(k, k.field(), setter, fieldType.isEnum() ? fieldType : null));
        if (fieldType.isEnum()) {
          Map<String, Object> byConstant = new HashMap<>();
          for (Object c : fieldType.getEnumConstants()) {
            byConstant.put(((Enum<?>) c).name(), c);
          }
          constants.put(fieldType, byConstant);
        }
      }
      shapes.put(type.name(), new Shape(ft, fields));
    }
  }

  /** The facts to insert, with the path each came from, in the order of the vocabulary. */
  List<Fact> facts(CaseValues.Section root) {
    List<Fact> out = new ArrayList<>();
    collect(root, "", out);
    return out;
  }

  private void collect(CaseValues.Section section, String path, List<Fact> out) {
    for (Key key : section.type().keys()) {
      java.util.Optional<KeyType.Section> s = key.section();
      if (s.isEmpty()) {
        continue;
      }
      String at = path.isEmpty() ? key.name() : path + "." + key.name();
      Object value = section.values().get(key.name());
      SectionType inner = vocabulary.type(s.get().typeName()).orElseThrow();
      Insert insert = s.get().insert();
      if (value instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          CaseValues.Section item = (CaseValues.Section) items.get(i);
          if (insert == Insert.EACH) {
            out.add(new Fact(at + "[" + i + "]", instance(item)));
          }
          collect(item, at + "[" + i + "]", out);
        }
        continue;
      }
      CaseValues.Section written = (CaseValues.Section) value;
      if (insert == Insert.ALWAYS && written == null) {
        written = new CaseValues.Section(inner, Map.of()); // unknown, every key of it
      }
      if (written == null) {
        continue;
      }
      if (insert == Insert.ALWAYS || insert == Insert.WHEN_WRITTEN) {
        out.add(new Fact(at, instance(written)));
      }
      collect(written, at, out);
    }
  }

  private Object instance(CaseValues.Section section) {
    Shape shape = shapes.get(section.type().name());
    try {
      Object fact = shape.factType().newInstance();
      for (Field f : shape.fields()) {
        Object v = section.values().get(f.key().name());
        if (v == null) {
          continue;
        }
        Object value = convert(f, v);
        if (via == Via.FACT_TYPE) {
          shape.factType().set(fact, f.name(), value);
        } else {
          f.setter().invoke(fact, value);
        }
      }
      return fact;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot make a " + section.type().name() + ": " + e, e);
    }
  }

  private Object convert(Field f, Object v) {
    if (v instanceof CaseValues.Section s) {
      return instance(s);
    }
    if (v instanceof List<?> items) {
      List<Object> out = new ArrayList<>(items.size());
      for (Object item : items) {
        out.add(convert(f, item));
      }
      return List.copyOf(out);
    }
    if (f.enumType() != null) {
      return constants.get(f.enumType()).get(((String) v).toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return v;
  }
}
