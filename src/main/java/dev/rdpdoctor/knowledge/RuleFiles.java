package dev.rdpdoctor.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a rules folder that make up a knowledge base, read once: the catalogs and
 * every {@code *.drl} below the folder, by their path relative to it ({@code certificate/expired.drl}).
 * Everything derived from a folder (its index, its compiled rules, its cache key) is derived
 * from these bytes, so what is compiled is always what was hashed.
 */
public final class RuleFiles {

  private final Map<String, byte[]> files;

  private RuleFiles(Map<String, byte[]> files) {
    this.files = Collections.unmodifiableMap(files);
  }

  /** Reads the folder; the catalogs are left out when missing, which loading then reports. */
  public static RuleFiles read(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      for (String catalog : List.of(KnowledgeLoader.SOURCES, KnowledgeLoader.CAUSES, KnowledgeLoader.QUESTIONS, KnowledgeLoader.CODES)) {
        Path file = root.resolve(catalog);
        if (Files.isRegularFile(file)) {
          files.put(catalog, Files.readAllBytes(file));
        }
      }
      try (Stream<Path> all = Files.walk(root)) {
        for (Path p : (Iterable<Path>) all::iterator) {
          if (p.getFileName() != null && p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p)) {
            files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RuleFiles(files);
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
    return files.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), other.get(e.getKey())));
  }

  public Optional<byte[]> catalog(String name) {
    return Optional.ofNullable(files.get(name));
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
