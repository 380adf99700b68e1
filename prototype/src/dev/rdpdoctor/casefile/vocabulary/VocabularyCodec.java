package dev.rdpdoctor.casefile.vocabulary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prototype: the checked vocabulary in a compact binary form, as the compiled knowledge base
 * would carry it next to its causes and sources, so that a cold start does not parse and check
 * the YAML again.
 */
public final class VocabularyCodec {

  private VocabularyCodec() {}

  public static byte[] write(Vocabulary v) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(v.sets().size());
      for (ValueSet s : v.sets().values()) {
        out.writeUTF(s.name());
        out.writeInt(s.choices().size());
        for (ValueSet.Choice c : s.choices()) {
          out.writeUTF(c.spelling());
          strings(out, c.aliases());
        }
      }
      out.writeInt(v.types().size());
      for (SectionType t : v.types().values()) {
        out.writeUTF(t.name());
        out.writeUTF(t.doc());
        out.writeBoolean(t.root());
        out.writeUTF(t.shorthand().orElse(""));
        out.writeInt(t.keys().size());
        for (Key k : t.keys()) {
          out.writeUTF(k.name());
          out.writeUTF(k.field());
          type(out, k.type());
          out.writeUTF(k.doc());
          out.writeUTF(k.example().orElse(""));
          out.writeBoolean(k.required());
          out.writeUTF(k.identifies().map(Enum::name).orElse(""));
          out.writeBoolean(k.derived().isPresent());
          if (k.derived().isPresent()) {
            out.writeUTF(k.derived().get().by().name());
            strings(out, k.derived().get().from());
            out.writeUTF(k.derived().get().stated().name());
          }
          out.writeInt(k.windows().size());
          for (WindowsSource w : k.windows()) {
            source(out, w);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void strings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      out.writeUTF(s);
    }
  }

  private static void type(DataOutputStream out, KeyType t) throws IOException {
    if (t instanceof KeyType.ListOf l) {
      out.writeByte('L');
      type(out, l.item());
    } else if (t instanceof KeyType.YesNo) {
      out.writeByte('Y');
    } else if (t instanceof KeyType.WholeNumber n) {
      out.writeByte('W');
      out.writeLong(n.min());
      out.writeLong(n.max());
    } else if (t instanceof KeyType.Decimal d) {
      out.writeByte('D');
      out.writeDouble(d.min());
      out.writeDouble(d.max());
    } else if (t instanceof KeyType.Text) {
      out.writeByte('T');
    } else if (t instanceof KeyType.Date) {
      out.writeByte('A');
    } else if (t instanceof KeyType.Code) {
      out.writeByte('C');
    } else if (t instanceof KeyType.OneOf o) {
      out.writeByte('O');
      out.writeUTF(o.set().name());
    } else {
      KeyType.Section s = (KeyType.Section) t;
      out.writeByte('S');
      out.writeUTF(s.typeName());
      out.writeUTF(s.insert().name());
    }
  }

  private static void value(DataOutputStream out, Object v) throws IOException {
    if (v instanceof Boolean b) {
      out.writeByte('b');
      out.writeBoolean(b);
    } else if (v instanceof Long l) {
      out.writeByte('l');
      out.writeLong(l);
    } else if (v instanceof Double d) {
      out.writeByte('d');
      out.writeDouble(d);
    } else {
      out.writeByte('s');
      out.writeUTF(String.valueOf(v));
    }
  }

  private static void optional(DataOutputStream out, Optional<?> v) throws IOException {
    out.writeBoolean(v.isPresent());
    if (v.isPresent()) {
      value(out, v.get());
    }
  }

  private static void values(DataOutputStream out, Map<String, Object> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, Object> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      value(out, e.getValue());
    }
  }

  private static void source(DataOutputStream out, WindowsSource w) throws IOException {
    out.writeUTF(w.note().orElse(""));
    if (w instanceof WindowsSource.Registry r) {
      out.writeByte('R');
      out.writeUTF(r.key());
      out.writeUTF(r.value());
      out.writeUTF(r.kind().name());
      values(out, r.map());
      optional(out, r.otherwise());
      optional(out, r.absent());
    } else if (w instanceof WindowsSource.Event e) {
      out.writeByte('E');
      out.writeUTF(e.log());
      out.writeUTF(e.provider());
      out.writeInt(e.ids().size());
      for (Long id : e.ids()) {
        out.writeLong(id);
      }
      optional(out, e.means());
    } else if (w instanceof WindowsSource.Command c) {
      out.writeByte('C');
      out.writeUTF(c.run());
      out.writeUTF(c.read());
      values(out, c.match());
    } else {
      WindowsSource.RdpFile f = (WindowsSource.RdpFile) w;
      out.writeByte('F');
      out.writeUTF(f.setting());
      out.writeUTF(f.kind());
      values(out, f.map());
    }
  }

  public static Vocabulary read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      Map<String, ValueSet> sets = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        String name = in.readUTF();
        List<ValueSet.Choice> choices = new ArrayList<>();
        for (int j = in.readInt(); j > 0; j--) {
          choices.add(new ValueSet.Choice(in.readUTF(), strings(in)));
        }
        sets.put(name, new ValueSet(name, choices));
      }
      Map<String, SectionType> types = new LinkedHashMap<>();
      SectionType root = null;
      for (int i = in.readInt(); i > 0; i--) {
        String name = in.readUTF();
        String doc = in.readUTF();
        boolean isRoot = in.readBoolean();
        String shorthand = in.readUTF();
        List<Key> keys = new ArrayList<>();
        for (int j = in.readInt(); j > 0; j--) {
          String keyName = in.readUTF();
          String field = in.readUTF();
          KeyType type = type(in, sets);
          String keyDoc = in.readUTF();
          String example = in.readUTF();
          boolean required = in.readBoolean();
          String identifies = in.readUTF();
          Optional<Key.Derived> derived = Optional.empty();
          if (in.readBoolean()) {
            derived = Optional.of(new Key.Derived(Derivation.valueOf(in.readUTF()), strings(in), Stated.valueOf(in.readUTF())));
          }
          List<WindowsSource> windows = new ArrayList<>();
          for (int w = in.readInt(); w > 0; w--) {
            windows.add(source(in));
          }
          keys.add(new Key(keyName, field, type, keyDoc, example.isEmpty() ? Optional.empty() : Optional.of(example), required,
              identifies.isEmpty() ? Optional.empty() : Optional.of(Identifies.valueOf(identifies)), derived, windows));
        }
        SectionType t = new SectionType(name, doc, keys, shorthand.isEmpty() ? Optional.empty() : Optional.of(shorthand), isRoot);
        types.put(name, t);
        if (isRoot) {
          root = t;
        }
      }
      return new Vocabulary(types, sets, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      out.add(in.readUTF());
    }
    return out;
  }

  private static KeyType type(DataInputStream in, Map<String, ValueSet> sets) throws IOException {
    return switch (in.readByte()) {
      case 'L' -> new KeyType.ListOf(type(in, sets));
      case 'Y' -> new KeyType.YesNo();
      case 'W' -> new KeyType.WholeNumber(in.readLong(), in.readLong());
      case 'D' -> new KeyType.Decimal(in.readDouble(), in.readDouble());
      case 'T' -> new KeyType.Text();
      case 'A' -> new KeyType.Date();
      case 'C' -> new KeyType.Code();
      case 'O' -> new KeyType.OneOf(sets.get(in.readUTF()));
      default -> new KeyType.Section(in.readUTF(), Insert.valueOf(in.readUTF()));
    };
  }

  private static Object value(DataInputStream in) throws IOException {
    return switch (in.readByte()) {
      case 'b' -> in.readBoolean();
      case 'l' -> in.readLong();
      case 'd' -> in.readDouble();
      default -> in.readUTF();
    };
  }

  private static Optional<Object> optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(value(in)) : Optional.empty();
  }

  private static Map<String, Object> values(DataInputStream in) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      out.put(in.readUTF(), value(in));
    }
    return out;
  }

  private static WindowsSource source(DataInputStream in) throws IOException {
    String note = in.readUTF();
    Optional<String> n = note.isEmpty() ? Optional.empty() : Optional.of(note);
    return switch (in.readByte()) {
      case 'R' -> new WindowsSource.Registry(in.readUTF(), in.readUTF(), RegistryKind.valueOf(in.readUTF()), values(in),
          optional(in), optional(in), n);
      case 'E' -> {
        String log = in.readUTF();
        String provider = in.readUTF();
        List<Long> ids = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
          ids.add(in.readLong());
        }
        yield new WindowsSource.Event(log, provider, ids, optional(in), n);
      }
      case 'C' -> new WindowsSource.Command(in.readUTF(), in.readUTF(), values(in), n);
      default -> new WindowsSource.RdpFile(in.readUTF(), in.readUTF(), values(in), n);
    };
  }
}
