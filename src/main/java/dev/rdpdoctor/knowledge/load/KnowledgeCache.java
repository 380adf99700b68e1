package dev.rdpdoctor.knowledge.load;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Compiled knowledge bases kept between runs, one file per {@link CacheKey}. A file is written
 * whole under a temporary name and then renamed, so a crash never leaves half an entry; an entry
 * that is damaged all the same is detected by its checksum, deleted and compiled again. The
 * most recently used entries are kept, the others deleted.
 *
 * <p>Where: the {@code rdpdoctor.cache} system property, else the {@code RDP_DOCTOR_CACHE}
 * environment variable, else {@code $XDG_CACHE_HOME/rdp-doctor}, else
 * {@code ~/.cache/rdp-doctor}; entries live in its {@code compiled-rules/} folder.
 */
final class KnowledgeCache {

  public static final String DIR_PROPERTY = "rdpdoctor.cache";
  public static final String DIR_VARIABLE = "RDP_DOCTOR_CACHE";

  private static final String SUFFIX = ".rdpkb";
  private static final int KEEP = 16;
  private static final Duration ABANDONED = Duration.ofHours(1);

  private final Path dir;

  public KnowledgeCache(Path root) {
    this.dir = root.resolve("compiled-rules");
  }

  /** The cache the user's settings point at. */
  public static KnowledgeCache standard() {
    return new KnowledgeCache(standardRoot(System.getProperties()::getProperty, System.getenv()));
  }

  static Path standardRoot(Function<String, String> properties, Map<String, String> env) {
    String property = properties.apply(DIR_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String variable = env.get(DIR_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Path.of(variable);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "rdp-doctor");
    }
    return Path.of(properties.apply("user.home"), ".cache", "rdp-doctor");
  }

  public Path dir() {
    return dir;
  }

  Path entry(CacheKey key) {
    return dir.resolve(key.hex() + SUFFIX);
  }

  /** The entry for this key; a damaged entry is deleted and reported, and counts as missing. */
  Optional<CompiledKnowledge> find(CacheKey key, Consumer<String> notices) {
    Path file = entry(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      notices.accept("cannot read the cached rules " + file + ": " + e.getMessage());
      return Optional.empty();
    }
    try {
      CompiledKnowledge k = CompiledKnowledgeFormat.read(bytes);
      if (!k.key().equals(key)) {
        throw new IOException("it holds the rules of another key");
      }
      touch(file);
      return Optional.of(k);
    } catch (IOException e) {
      discard(key, "it is " + e.getMessage(), notices);
      return Optional.empty();
    }
  }

  /** Deletes an entry that cannot be used, saying why. */
  void discard(CacheKey key, String why, Consumer<String> notices) {
    Path file = entry(key);
    notices.accept("the cached rules " + file + " cannot be used (" + why + "); compiling them again");
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      notices.accept("cannot delete " + file + ": " + e.getMessage());
    }
  }

  /** Keeps an entry; a cache that cannot be written is reported and otherwise ignored. */
  void store(CompiledKnowledge k, Consumer<String> notices) {
    Path target = entry(k.key());
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, k.key().hex(), ".tmp");
      try {
        Files.write(temp, CompiledKnowledgeFormat.write(k));
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      prune(target);
    } catch (IOException | IllegalArgumentException e) {
      notices.accept("cannot keep the compiled rules in " + dir + " (" + e + "); they will be compiled again next time");
    }
  }

  /** Deletes all but the most recently used entries, and temporary files a crash left behind. */
  private void prune(Path keep) throws IOException {
    List<Path> entries;
    try (Stream<Path> files = Files.list(dir)) {
      entries = files.toList();
    }
    Instant abandoned = Instant.now().minus(ABANDONED);
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (name.endsWith(".tmp") && modified(p).toInstant().isBefore(abandoned)) {
        Files.deleteIfExists(p);
      }
    }
    List<Path> old = entries.stream()
        .filter(p -> p.getFileName().toString().endsWith(SUFFIX) && !p.equals(keep))
        .sorted(Comparator.comparing(KnowledgeCache::modified).reversed())
        .skip(KEEP - 1)
        .toList();
    for (Path p : old) {
      Files.deleteIfExists(p);
    }
  }

  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // only the order of pruning suffers
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
