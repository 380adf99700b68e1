package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a rules folder that make up a knowledge base, read once: the catalogs, the
 * vocabulary ({@code vocabulary/*.yaml}) and every {@code *.drl} below the folder, by their path
 * relative to it ({@code certificate/expired.drl}, {@code vocabulary/rdp.yaml}).
 * Everything derived from a folder (its index, its compiled rules, its cache key) is derived
 * from these bytes, so what is compiled is always what was hashed.
 */
final class RuleFiles {

  /**
   * The most DRL a rules folder may hold, all files together: the bundled rules are 61 KB, and
   * the compile takes time and memory in proportion (146,000 rules in 20 MB ran for more than ten
   * minutes at 6 GB). Checked before any file is read.
   */
  public static final long MAX_DRL_BYTES = 2L << 20;

  /**
   * The most a vocabulary may hold, all its files together: as much as one knowledge-base file
   * (the bundled vocabulary is 38 KB). Checked before any of its files is read.
   */
  public static final long MAX_VOCABULARY_BYTES = ReadLimits.KNOWLEDGE_FILE.maxBytes();

  /** The folder of the vocabulary, and the prefix of its files' paths. */
  static final String VOCABULARY = VocabularyReader.FOLDER + "/";

  private final Map<String, byte[]> files;

  private RuleFiles(Map<String, byte[]> files) {
    this.files = Collections.unmodifiableMap(files);
  }

  /**
   * Reads the folder; the catalogs are left out when missing, which loading then reports.
   *
   * @throws InvalidInputException when the DRL files hold more than {@link #MAX_DRL_BYTES}, located
   *     at the file that goes past it
   */
  public static RuleFiles read(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      for (String catalog : List.of(KnowledgeLoader.SOURCES, KnowledgeLoader.CAUSES, KnowledgeLoader.QUESTIONS, KnowledgeLoader.CODES)) {
        Path file = root.resolve(catalog);
        if (Files.isRegularFile(file)) {
          // one byte past the limit is enough for the reader to refuse it, located
          files.put(catalog, readAtMost(file, ReadLimits.KNOWLEDGE_FILE.maxBytes() + 1L));
        }
      }
      readVocabulary(root, files);
      List<Path> drl = new ArrayList<>();
      try (Stream<Path> all = Files.walk(root)) {
        for (Path p : (Iterable<Path>) all::iterator) {
          if (p.getFileName() != null && p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p)) {
            drl.add(p);
          }
        }
      }
      drl.sort(null);
      long total = 0;
      for (Path p : drl) {
        total += Files.size(p);
        if (total > MAX_DRL_BYTES) {
          throw new InvalidInputException(InputError.error(p.toString(), 1, 1, String.format(Locale.ROOT,
              "the rules folder holds more than %d MiB of DRL (%,d bytes up to this file), the most a knowledge base"
                  + " may hold; is it the right folder?", MAX_DRL_BYTES >> 20, total)));
        }
        files.put(root.relativize(p).toString().replace('\\', '/'), readAtMost(p, MAX_DRL_BYTES + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RuleFiles(files);
  }

  /** {@code vocabulary/*.yaml}, not below: the vocabulary's files, when the folder has one. */
  private static void readVocabulary(Path root, Map<String, byte[]> files) throws IOException {
    Path folder = root.resolve(VocabularyReader.FOLDER);
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> yaml = new ArrayList<>();
    try (Stream<Path> all = Files.list(folder)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)) {
          yaml.add(p);
        }
      }
    }
    yaml.sort(null);
    long total = 0;
    for (Path p : yaml) {
      total += Files.size(p);
      if (total > MAX_VOCABULARY_BYTES) {
        throw new InvalidInputException(InputError.error(p.toString(), 1, 1, String.format(Locale.ROOT,
            "the vocabulary holds more than %d MiB (%,d bytes up to this file), the most a knowledge base may hold;"
                + " is it the right folder?", MAX_VOCABULARY_BYTES >> 20, total)));
      }
      files.put(VOCABULARY + p.getFileName(), readAtMost(p, MAX_VOCABULARY_BYTES + 1));
    }
  }

  /** A file's bytes, no more than {@code limit} of them, however large it has grown since it was listed. */
  private static byte[] readAtMost(Path file, long limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }
  }

  /** Every file, sorted by relative path. */
  public Map<String, byte[]> all() {
    return files;
  }

  /** Whether these are exactly {@code other}: the same paths with the same bytes. */
  public boolean sameAs(Map<String, byte[]> other) {
    if (!files.keySet().equals(other.keySet())) {
      return false;
    }
    return files.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.get(e.getKey())));
  }

  public Optional<byte[]> catalog(String name) {
    return Optional.ofNullable(files.get(name));
  }

  /** The vocabulary's files by their name in {@code vocabulary/}, in name order; empty without one. */
  public Map<String, byte[]> vocabulary() {
    Map<String, byte[]> vocabulary = new TreeMap<>();
    files.forEach((path, bytes) -> {
      if (path.startsWith(VOCABULARY)) {
        vocabulary.put(path.substring(VOCABULARY.length()), bytes);
      }
    });
    return vocabulary;
  }

  /** The DRL text by relative path, in path order. */
  public Map<String, String> drl() {
    Map<String, String> drl = new LinkedHashMap<>();
    files.forEach((path, bytes) -> {
      if (path.endsWith(".drl")) {
        drl.put(path, new String(bytes, StandardCharsets.UTF_8));
      }
    });
    return drl;
  }
}
