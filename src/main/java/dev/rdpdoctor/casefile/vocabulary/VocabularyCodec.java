package dev.rdpdoctor.casefile.vocabulary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked vocabulary in binary, as the compiled knowledge carries it next to its causes and
 * sources, so that a start from compiled rules does not read and check the YAML again. It holds
 * what {@link VocabularyReader} made, not what was written: reading it back gives an equal
 * {@link Vocabulary} without checking it again (the compiled file's checksum and version guard it).
 */
public final class VocabularyCodec {

  private VocabularyCodec() {}

  public static byte[] write(Vocabulary v) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (DataOutputStream data = new DataOutputStream(bytes)) {
      Out out = new Out(data);
      data.writeInt(v.sets().size());
      for (ValueSet s : v.sets().values()) {
        out.string(s.name());
        data.writeInt(s.choices().size());
        for (ValueSet.Choice c : s.choices()) {
          out.string(c.spelling());
          out.strings(c.aliases());
        }
      }
      data.writeInt(v.types().size());
      for (SectionType t : v.types().values()) {
        out.string(t.name());
        out.string(t.doc());
        data.writeBoolean(t.root());
        out.optional(t.shorthand());
        out.strings(t.requiredOneOf());
        out.optional(t.missing());
        data.writeInt(t.keys().size());
        for (Key k : t.keys()) {
          out.key(k);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: does not happen
    }
    return bytes.toByteArray();
  }

  /** @throws IOException when the bytes are not a vocabulary this codec wrote */
  public static Vocabulary read(byte[] bytes) throws IOException {
    In in = new In(new DataInputStream(new ByteArrayInputStream(bytes)));
    try {
      Map<String, ValueSet> sets = new LinkedHashMap<>();
      for (int i = in.count(); i > 0; i--) {
        String name = in.string();
        List<ValueSet.Choice> choices = new ArrayList<>();
        for (int j = in.count(); j > 0; j--) {
          choices.add(new ValueSet.Choice(in.string(), in.strings()));
        }
        sets.put(name, new ValueSet(name, choices));
      }
      Map<String, SectionType> types = new LinkedHashMap<>();
      SectionType root = null;
      for (int i = in.count(); i > 0; i--) {
        String name = in.string();
        String doc = in.string();
        boolean isRoot = in.data.readBoolean();
        Optional<String> shorthand = in.optional();
        List<String> requiredOneOf = in.strings();
        Optional<String> missing = in.optional();
        List<Key> keys = new ArrayList<>();
        for (int j = in.count(); j > 0; j--) {
          keys.add(in.key(sets));
        }
        SectionType t = new SectionType(name, doc, keys, shorthand, isRoot, requiredOneOf, missing);
        types.put(name, t);
        root = isRoot ? t : root;
      }
      if (in.data.read() != -1) {
        throw new IOException("bytes after the end of the vocabulary");
      }
      if (root == null) {
        throw new IOException("a vocabulary without a root type");
      }
      for (SectionType t : types.values()) {
        for (Key k : t.keys()) {
          if (k.section().isPresent() && !types.containsKey(k.section().get().typeName())) {
            throw new IOException("a section of the undeclared type " + k.section().get().typeName());
          }
        }
      }
      return new Vocabulary(types, sets, root);
    } catch (RuntimeException e) {
      throw new IOException("not a vocabulary: " + e.getMessage(), e);
    }
  }

  private static final class Out {
    final DataOutputStream data;

    Out(DataOutputStream data) {
      this.data = data;
    }

    void string(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      data.writeInt(b.length);
      data.write(b);
    }

    void strings(List<String> list) throws IOException {
      data.writeInt(list.size());
      for (String s : list) {
        string(s);
      }
    }

    void optional(Optional<String> s) throws IOException {
      data.writeBoolean(s.isPresent());
      if (s.isPresent()) {
        string(s.get());
      }
    }

    void key(Key k) throws IOException {
      string(k.name());
      string(k.field());
      type(k.type());
      string(k.doc());
      optional(k.example());
      data.writeBoolean(k.required());
      data.writeBoolean(k.context());
      optional(k.identifies().map(Enum::name));
      data.writeBoolean(k.derived().isPresent());
      if (k.derived().isPresent()) {
        Key.Derived d = k.derived().get();
        string(d.by().name());
        strings(d.from());
        string(d.stated().name());
      }
      data.writeInt(k.windows().size());
      for (WindowsSource w : k.windows()) {
        source(w);
      }
      optional(k.messages().missing());
      optional(k.messages().outOfRange());
    }

    void type(KeyType t) throws IOException {
      if (t instanceof KeyType.ListOf l) {
        data.writeByte('L');
        type(l.item());
      } else if (t instanceof KeyType.YesNo) {
        data.writeByte('Y');
      } else if (t instanceof KeyType.WholeNumber n) {
        data.writeByte('W');
        data.writeLong(n.min());
        data.writeLong(n.max());
      } else if (t instanceof KeyType.Decimal d) {
        data.writeByte('D');
        data.writeDouble(d.min());
        data.writeDouble(d.max());
      } else if (t instanceof KeyType.Text) {
        data.writeByte('T');
      } else if (t instanceof KeyType.Date) {
        data.writeByte('A');
      } else if (t instanceof KeyType.ApproximateDate) {
        data.writeByte('P');
      } else if (t instanceof KeyType.Code) {
        data.writeByte('C');
      } else if (t instanceof KeyType.OneOf o) {
        data.writeByte('O');
        string(o.set().name());
      } else {
        KeyType.Section s = (KeyType.Section) t;
        data.writeByte('S');
        string(s.typeName());
        string(s.insert().name());
      }
    }

    /** A value as {@link ValueReader} makes it. */
    void value(Object v) throws IOException {
      if (v instanceof Boolean b) {
        data.writeByte('b');
        data.writeBoolean(b);
      } else if (v instanceof Long l) {
        data.writeByte('l');
        data.writeLong(l);
      } else if (v instanceof Double d) {
        data.writeByte('d');
        data.writeDouble(d);
      } else if (v instanceof LocalDate d) {
        data.writeByte('a');
        string(d.toString());
      } else if (v instanceof DateEstimate d) {
        data.writeByte('p');
        string(d.written());
        string(d.earliest().toString());
        string(d.latest().toString());
        data.writeBoolean(d.exact());
      } else if (v instanceof String s) {
        data.writeByte('s');
        string(s);
      } else {
        throw new IllegalArgumentException("a vocabulary value of type " + v.getClass().getSimpleName() + " cannot be kept");
      }
    }

    void optionalValue(Optional<Object> v) throws IOException {
      data.writeBoolean(v.isPresent());
      if (v.isPresent()) {
        value(v.get());
      }
    }

    void values(Map<String, Object> map) throws IOException {
      data.writeInt(map.size());
      for (Map.Entry<String, Object> e : map.entrySet()) {
        string(e.getKey());
        value(e.getValue());
      }
    }

    void source(WindowsSource w) throws IOException {
      optional(w.note());
      if (w instanceof WindowsSource.Registry r) {
        data.writeByte('R');
        string(r.key());
        string(r.value());
        string(r.kind().name());
        values(r.map());
        optionalValue(r.otherwise());
        optionalValue(r.absent());
      } else if (w instanceof WindowsSource.Event e) {
        data.writeByte('E');
        string(e.log());
        string(e.provider());
        data.writeInt(e.ids().size());
        for (Long id : e.ids()) {
          data.writeLong(id);
        }
        optionalValue(e.means());
      } else if (w instanceof WindowsSource.Command c) {
        data.writeByte('C');
        string(c.run());
        string(c.read());
        values(c.match());
      } else {
        WindowsSource.RdpFile f = (WindowsSource.RdpFile) w;
        data.writeByte('F');
        string(f.setting());
        string(f.kind());
        values(f.map());
      }
    }
  }

  private static final class In {
    final DataInputStream data;

    In(DataInputStream data) {
      this.data = data;
    }

    /** A count or length, never more than the bytes left: damage cannot make it allocate without end. */
    int count() throws IOException {
      int n = data.readInt();
      if (n < 0 || n > data.available()) {
        throw new IOException("a count of " + n);
      }
      return n;
    }

    String string() throws IOException {
      byte[] b = new byte[count()];
      data.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    List<String> strings() throws IOException {
      List<String> out = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        out.add(string());
      }
      return out;
    }

    Optional<String> optional() throws IOException {
      return data.readBoolean() ? Optional.of(string()) : Optional.empty();
    }

    Key key(Map<String, ValueSet> sets) throws IOException {
      String name = string();
      String field = string();
      KeyType type = type(sets);
      String doc = string();
      Optional<String> example = optional();
      boolean required = data.readBoolean();
      boolean context = data.readBoolean();
      Optional<Identifies> identifies = optional().map(Identifies::valueOf);
      Optional<Key.Derived> derived = Optional.empty();
      if (data.readBoolean()) {
        derived = Optional.of(new Key.Derived(Derivation.valueOf(string()), strings(), Stated.valueOf(string())));
      }
      List<WindowsSource> windows = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        windows.add(source());
      }
      Key.Messages messages = new Key.Messages(optional(), optional());
      return new Key(name, field, type, doc, example, required, context, identifies, derived, windows, messages);
    }

    KeyType type(Map<String, ValueSet> sets) throws IOException {
      int tag = data.readByte();
      return switch (tag) {
        case 'L' -> new KeyType.ListOf(type(sets));
        case 'Y' -> new KeyType.YesNo();
        case 'W' -> new KeyType.WholeNumber(data.readLong(), data.readLong());
        case 'D' -> new KeyType.Decimal(data.readDouble(), data.readDouble());
        case 'T' -> new KeyType.Text();
        case 'A' -> new KeyType.Date();
        case 'P' -> new KeyType.ApproximateDate();
        case 'C' -> new KeyType.Code();
        case 'O' -> {
          String set = string();
          if (!sets.containsKey(set)) {
            throw new IOException("a key of the undeclared set " + set);
          }
          yield new KeyType.OneOf(sets.get(set));
        }
        case 'S' -> new KeyType.Section(string(), Insert.valueOf(string()));
        default -> throw new IOException("a key type tagged " + tag);
      };
    }

    Object value() throws IOException {
      int tag = data.readByte();
      return switch (tag) {
        case 'b' -> data.readBoolean();
        case 'l' -> data.readLong();
        case 'd' -> data.readDouble();
        case 'a' -> LocalDate.parse(string());
        case 'p' -> new DateEstimate(string(), LocalDate.parse(string()), LocalDate.parse(string()), data.readBoolean());
        case 's' -> string();
        default -> throw new IOException("a value tagged " + tag);
      };
    }

    Optional<Object> optionalValue() throws IOException {
      return data.readBoolean() ? Optional.of(value()) : Optional.empty();
    }

    Map<String, Object> values() throws IOException {
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = count(); i > 0; i--) {
        out.put(string(), value());
      }
      return out;
    }

    WindowsSource source() throws IOException {
      Optional<String> note = optional();
      int tag = data.readByte();
      return switch (tag) {
        case 'R' -> new WindowsSource.Registry(string(), string(), RegistryKind.valueOf(string()), values(),
            optionalValue(), optionalValue(), note);
        case 'E' -> {
          String log = string();
          String provider = string();
          List<Long> ids = new ArrayList<>();
          for (int i = count(); i > 0; i--) {
            ids.add(data.readLong());
          }
          yield new WindowsSource.Event(log, provider, ids, optionalValue(), note);
        }
        case 'C' -> new WindowsSource.Command(string(), string(), values(), note);
        case 'F' -> new WindowsSource.RdpFile(string(), string(), values(), note);
        default -> throw new IOException("a Windows source tagged " + tag);
      };
    }
  }
}
