package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The vocabulary the build precompiled with the bundled rules, kept beside them: the files it
 * was read from and the vocabulary as checked, so that the plain DRL path ({@code rules check},
 * {@code rules test}) does not read and check the same YAML again, and can tell that a folder's
 * fact types are the ones whose classes are on the class path. Written by {@link Precompiler};
 * absent when the bundled rules were not precompiled, and then nothing is taken from it.
 */
final class BundledVocabulary {

  static final String RESOURCE = "/dev/rdpdoctor/knowledge/bundled-vocabulary.bin";

  /** The files by name and the vocabulary read from them. */
  private record Kept(Map<String, byte[]> files, Vocabulary vocabulary, String declarations) {}

  private static volatile Optional<Kept> kept;

  private BundledVocabulary() {}

  static byte[] write(Map<String, byte[]> files, Vocabulary vocabulary) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(files.size());
      for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
        byte[] name = f.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.writeInt(f.getValue().length);
        out.write(f.getValue());
      }
      byte[] v = VocabularyCodec.write(vocabulary);
      out.writeInt(v.length);
      out.write(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: does not happen
    }
    return bytes.toByteArray();
  }

  /** The checked vocabulary, when {@code files} (by name in {@code vocabulary/}) are byte for byte those it was read from. */
  static Optional<Vocabulary> of(Map<String, byte[]> files) {
    return kept().filter(k -> same(k.files(), files)).map(Kept::vocabulary);
  }

  /** Whether these fact-type declarations are those whose classes the build precompiled onto the class path. */
  static boolean declares(String declarations) {
    return kept().filter(k -> k.declarations().equals(declarations)).isPresent();
  }

  private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
    return a.keySet().equals(b.keySet()) && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
  }

  private static Optional<Kept> kept() {
    Optional<Kept> k = kept;
    if (k == null) {
      k = read();
      kept = k;
    }
    return k;
  }

  private static Optional<Kept> read() {
    try (InputStream in = BundledVocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] all = in.readAllBytes();
      DataInputStream data = new DataInputStream(new ByteArrayInputStream(all));
      Map<String, byte[]> files = new TreeMap<>();
      for (int n = count(data); n > 0; n--) {
        String name = new String(bytes(data), StandardCharsets.UTF_8);
        files.put(name, bytes(data));
      }
      Vocabulary vocabulary = VocabularyCodec.read(bytes(data));
      if (data.read() != -1) {
        return Optional.empty();
      }
      return Optional.of(new Kept(files, vocabulary, DeclaredTypes.drl(vocabulary)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // then the folder's YAML is read, as for any other folder
    }
  }

  private static int count(DataInputStream data) throws IOException {
    int n = data.readInt();
    if (n < 0 || n > data.available()) {
      throw new IOException("a count of " + n);
    }
    return n;
  }

  private static byte[] bytes(DataInputStream data) throws IOException {
    byte[] b = new byte[count(data)];
    data.readFully(b);
    return b;
  }
}
