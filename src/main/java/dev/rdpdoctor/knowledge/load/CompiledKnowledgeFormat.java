package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyCodec;
import dev.rdpdoctor.knowledge.BaseRate;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.CodeMeaning;
import dev.rdpdoctor.knowledge.Cost;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.Question;
import dev.rdpdoctor.knowledge.Reliability;
import dev.rdpdoctor.knowledge.Restart;
import dev.rdpdoctor.knowledge.Risk;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The file form of a {@link CompiledKnowledge}: a header, the body, its length and a CRC-32 of
 * it, so a file cut short or damaged is detected before anything in it is used.
 *
 * <p>Version 3 added the vocabulary ({@link VocabularyCodec}), version 4 a key's own messages,
 * version 6 approximate dates and a type's {@code required_one_of}; a file of another version is
 * not read, and the cache compiles the folder again.
 */
final class CompiledKnowledgeFormat {

  private static final byte[] MAGIC = "rdp-doctor compiled knowledge\n".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 7;
  private static final int TRAILER_LENGTH = Integer.BYTES + Long.BYTES;

  private CompiledKnowledgeFormat() {}

  static byte[] write(CompiledKnowledge k) {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
      Writer out = new Writer(new DataOutputStream(body));
      out.string(k.key().hex());
      out.string(k.builtBy());
      out.files(k.ruleFiles());
      out.list(k.modelClasses(), out::string);
      out.files(k.classFiles());
      out.list(k.sources(), out::source);
      out.list(k.causes(), out::cause);
      out.list(k.rules(), out::rule);
      out.list(k.questions(), out::question);
      out.list(k.codes(), out::code);
      out.bytes(VocabularyCodec.write(k.vocabulary()));
      out.out.flush();
      byte[] bodyBytes = body.toByteArray();
      ByteArrayOutputStream file = new ByteArrayOutputStream(bodyBytes.length + 64);
      DataOutputStream f = new DataOutputStream(file);
      f.write(MAGIC);
      f.writeInt(VERSION);
      f.write(bodyBytes);
      f.writeInt(bodyBytes.length);
      f.writeLong(crc(bodyBytes, 0, bodyBytes.length));
      f.flush();
      return file.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: does not happen
    }
  }

  /** @throws IOException when the bytes are not a whole, undamaged file of this version */
  static CompiledKnowledge read(byte[] file) throws IOException {
    int start = MAGIC.length + Integer.BYTES;
    if (file.length < start + TRAILER_LENGTH || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException("not a compiled knowledge file");
    }
    ByteBuffer buffer = ByteBuffer.wrap(file);
    int version = buffer.getInt(MAGIC.length);
    if (version != VERSION) {
      throw new IOException("compiled knowledge format " + version + ", expected " + VERSION);
    }
    int end = file.length - TRAILER_LENGTH;
    if (buffer.getInt(end) != end - start) {
      throw new IOException("damaged: cut short or extended");
    }
    if (buffer.getLong(end + Integer.BYTES) != crc(file, start, end - start)) {
      throw new IOException("damaged: the checksum does not match");
    }
    try {
      Reader in = new Reader(new DataInputStream(new ByteArrayInputStream(file, start, end - start)));
      CacheKey key = new CacheKey(in.string());
      String builtBy = in.string();
      Map<String, byte[]> ruleFiles = in.files();
      List<String> models = in.list(in::string);
      Map<String, byte[]> classes = in.files();
      List<Source> sources = in.list(in::source);
      List<Cause> causes = in.list(in::cause);
      List<RuleInfo> rules = in.list(in::rule);
      List<Question> questions = in.list(in::question);
      List<CodeMeaning> codes = in.list(in::code);
      Vocabulary vocabulary = VocabularyCodec.read(in.bytes());
      if (in.in.read() != -1) {
        throw new IOException("damaged: bytes after the end");
      }
      return new CompiledKnowledge(key, builtBy, ruleFiles, models, classes, rules, causes, sources, questions, codes,
          vocabulary);
    } catch (RuntimeException e) {
      throw new IOException("damaged: " + e.getMessage(), e);
    }
  }

  private static long crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  private interface Item<T> {
    void write(T value) throws IOException;
  }

  private interface Read<T> {
    T read() throws IOException;
  }

  private static final class Writer {
    final DataOutputStream out;

    Writer(DataOutputStream out) {
      this.out = out;
    }

    void bytes(byte[] b) throws IOException {
      out.writeInt(b.length);
      out.write(b);
    }

    void files(Map<String, byte[]> files) throws IOException {
      out.writeInt(files.size());
      for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
        string(f.getKey());
        bytes(f.getValue());
      }
    }

    void string(String s) throws IOException {
      if (s == null) {
        out.writeInt(-1);
      } else {
        bytes(s.getBytes(StandardCharsets.UTF_8));
      }
    }

    <T> void list(List<T> items, Item<T> item) throws IOException {
      out.writeInt(items.size());
      for (T t : items) {
        item.write(t);
      }
    }

    void bool(Boolean b) throws IOException {
      out.writeByte(b == null ? 0 : b ? 2 : 1);
    }

    void source(Source s) throws IOException {
      string(s.id());
      string(s.title());
      string(s.where());
      string(s.reliability().name());
      string(s.note());
    }

    void cause(Cause c) throws IOException {
      string(c.id());
      string(c.title());
      string(c.area());
      string(c.summary());
      list(c.sources(), this::string);
      list(c.fixes(), this::fix);
      bool(c.baseRate() != null);
      if (c.baseRate() != null) {
        out.writeDouble(c.baseRate().share());
        string(c.baseRate().from());
      }
    }

    void fix(Fix f) throws IOException {
      string(f.id());
      string(f.title());
      string(f.risk().name());
      string(f.restart().name());
      list(f.steps(), this::string);
      string(f.rollback());
      string(f.verify());
      list(f.sources(), this::string);
      bool(f.testOnly());
      string(f.note());
      out.writeInt(f.notWhen().size());
      for (Map.Entry<String, Object> e : f.notWhen().entrySet()) {
        string(e.getKey());
        Object v = e.getValue();
        char kind = v instanceof Boolean ? 'b' : v instanceof Double || v instanceof Float ? 'd'
            : v instanceof Number ? 'l' : 's';
        out.writeChar(kind);
        string(String.valueOf(v));
      }
    }

    void rule(RuleInfo r) throws IOException {
      string(r.key());
      string(r.id());
      bool(r.idDeclared());
      string(r.name());
      string(r.file());
      out.writeInt(r.line());
      string(r.cause().orElse(null));
      bool(r.cf().isPresent());
      out.writeDouble(r.cf().orElse(0.0));
      list(r.sources(), this::string);
      list(r.patterns(), this::pattern);
      string(r.consequence());
      out.writeInt(r.consequenceLine());
    }

    void question(Question q) throws IOException {
      string(q.fact());
      string(q.ask());
      string(q.how());
      string(q.cost().name());
      value(q.answers());
      value(q.requires());
    }

    void code(CodeMeaning c) throws IOException {
      out.writeLong(c.code());
      string(c.kind().name());
      string(c.name());
      string(c.means());
      list(c.sources(), this::string);
    }

    /** A value as YAML reads it into an {@code Object}: scalars, lists and maps of them. */
    void value(Object v) throws IOException {
      if (v == null) {
        out.writeByte('n');
      } else if (v instanceof Boolean b) {
        out.writeByte('b');
        out.writeBoolean(b);
      } else if (v instanceof Integer i) {
        out.writeByte('i');
        out.writeInt(i);
      } else if (v instanceof Long l) {
        out.writeByte('l');
        out.writeLong(l);
      } else if (v instanceof Double d) {
        out.writeByte('d');
        out.writeDouble(d);
      } else if (v instanceof String s) {
        out.writeByte('s');
        string(s);
      } else if (v instanceof List<?> list) {
        out.writeByte('[');
        out.writeInt(list.size());
        for (Object item : list) {
          value(item);
        }
      } else if (v instanceof Map<?, ?> map) {
        out.writeByte('{');
        out.writeInt(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          string(String.valueOf(e.getKey()));
          value(e.getValue());
        }
      } else {
        throw new IllegalArgumentException("a question's value of type " + v.getClass().getSimpleName()
            + " cannot be kept compiled");
      }
    }

    void pattern(PatternInfo p) throws IOException {
      string(p.type());
      out.writeInt(p.line());
      list(p.fields(), this::string);
      list(p.constraints(), this::string);
      bool(p.negated());
    }
  }

  private static final class Reader {
    final DataInputStream in;

    Reader(DataInputStream in) {
      this.in = in;
    }

    int count() throws IOException {
      int n = in.readInt();
      if (n < 0 || n > in.available()) {
        throw new IOException("damaged: a count of " + n);
      }
      return n;
    }

    byte[] bytes() throws IOException {
      byte[] b = new byte[count()];
      in.readFully(b);
      return b;
    }

    Map<String, byte[]> files() throws IOException {
      int n = count();
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        files.put(string(), bytes());
      }
      return files;
    }

    String string() throws IOException {
      int n = in.readInt();
      if (n == -1) {
        return null;
      }
      if (n < 0 || n > in.available()) {
        throw new IOException("damaged: a string of " + n + " bytes");
      }
      byte[] b = new byte[n];
      in.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    <T> List<T> list(Read<T> item) throws IOException {
      int n = count();
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(item.read());
      }
      return out;
    }

    Boolean bool() throws IOException {
      byte b = in.readByte();
      return b == 0 ? null : b == 2;
    }

    Source source() throws IOException {
      return new Source(string(), string(), string(), Reliability.valueOf(string()), string());
    }

    Cause cause() throws IOException {
      Cause c = new Cause(string(), string(), string(), string(), list(this::string), list(this::fix));
      return bool() ? new Cause(c.id(), c.title(), c.area(), c.summary(), c.sources(), c.fixes(),
          new BaseRate(in.readDouble(), string())) : c;
    }

    Fix fix() throws IOException {
      Fix f = new Fix(string(), string(), Risk.valueOf(string()), Restart.valueOf(string()), list(this::string),
          string(), string(), list(this::string), bool(), string());
      int n = in.readInt();
      if (n < 0 || n > 10_000) {
        throw new IOException("damaged: " + n + " conditions on a fix");
      }
      Map<String, Object> notWhen = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String key = string();
        char kind = in.readChar();
        String text = string();
        notWhen.put(key, switch (kind) {
          case 'b' -> Boolean.valueOf(text);
          case 'd' -> Double.valueOf(text);
          case 'l' -> Long.valueOf(text);
          default -> text;
        });
      }
      return new Fix(f.id(), f.title(), f.risk(), f.restart(), f.steps(), f.rollback(), f.verify(), f.sources(),
          f.testOnly(), f.note(), notWhen);
    }

    RuleInfo rule() throws IOException {
      String key = string();
      String id = string();
      boolean idDeclared = bool();
      String name = string();
      String file = string();
      int line = in.readInt();
      Optional<String> cause = Optional.ofNullable(string());
      boolean hasCf = bool();
      double cf = in.readDouble();
      List<String> sources = list(this::string);
      List<PatternInfo> patterns = list(this::pattern);
      String consequence = string();
      int consequenceLine = in.readInt();
      return new RuleInfo(key, id, idDeclared, name, file, line, cause, hasCf ? Optional.of(cf) : Optional.empty(),
          sources, patterns, consequence, consequenceLine);
    }

    @SuppressWarnings("unchecked")
    Question question() throws IOException {
      return new Question(string(), string(), string(), Cost.valueOf(string()), (Map<String, Object>) value(),
          (Map<String, List<String>>) value());
    }

    CodeMeaning code() throws IOException {
      long code = in.readLong();
      return new CodeMeaning(code, CodeMeaning.Kind.valueOf(string()), string(), string(), list(this::string));
    }

    Object value() throws IOException {
      int tag = in.readByte();
      switch (tag) {
        case 'n': return null;
        case 'b': return in.readBoolean();
        case 'i': return in.readInt();
        case 'l': return in.readLong();
        case 'd': return in.readDouble();
        case 's': return string();
        case '[': {
          int n = count();
          List<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(value());
          }
          return list;
        }
        case '{': {
          int n = count();
          Map<String, Object> map = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            map.put(string(), value());
          }
          return map;
        }
        default: throw new IOException("damaged: a value tagged " + tag);
      }
    }

    PatternInfo pattern() throws IOException {
      return new PatternInfo(string(), in.readInt(), list(this::string), list(this::string), bool());
    }
  }
}
