package dev.rdpdoctor.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeCacheTest {

  @TempDir Path root;

  private final List<String> notices = new ArrayList<>();

  private static CompiledKnowledge entry(int n) {
    String hex = String.format("%064x", n);
    return new CompiledKnowledge(new CacheKey(hex), "build", Map.of(), List.of("p.Rules"),
        Map.of("p.Rules", new byte[] {(byte) n}), List.of(), List.of(), List.of(), List.of(), List.of(),
        dev.rdpdoctor.Fixtures.vocabulary());
  }

  private List<String> files(KnowledgeCache cache) throws IOException {
    try (Stream<Path> files = Files.list(cache.dir())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theLocationFollowsThePropertyThenTheVariableThenXdgThenHome() {
    Properties props = new Properties();
    props.setProperty("user.home", "/home/u");
    assertThat(KnowledgeCache.standardRoot(props::getProperty, Map.of())).isEqualTo(Path.of("/home/u/.cache/rdp-doctor"));
    assertThat(KnowledgeCache.standardRoot(props::getProperty, Map.of("XDG_CACHE_HOME", "/xdg")))
        .isEqualTo(Path.of("/xdg/rdp-doctor"));
    assertThat(KnowledgeCache.standardRoot(props::getProperty, Map.of("XDG_CACHE_HOME", "/xdg", "RDP_DOCTOR_CACHE", "/env")))
        .isEqualTo(Path.of("/env"));
    props.setProperty("rdpdoctor.cache", "/prop");
    assertThat(KnowledgeCache.standardRoot(props::getProperty, Map.of("RDP_DOCTOR_CACHE", "/env"))).isEqualTo(Path.of("/prop"));
  }

  @Test
  void anEntryIsStoredWholeAndFoundByItsKey() throws IOException {
    KnowledgeCache cache = new KnowledgeCache(root);
    cache.store(entry(1), notices::add);
    assertThat(files(cache)).containsExactly(String.format("%064x", 1) + ".rdpkb");
    assertThat(cache.find(entry(1).key(), notices::add)).hasValueSatisfying(k -> assertThat(k.modelClasses()).containsExactly("p.Rules"));
    assertThat(cache.find(entry(2).key(), notices::add)).isEmpty();
    assertThat(notices).isEmpty();
  }

  @Test
  void anEntryUnderTheWrongNameIsNotUsed() throws IOException {
    KnowledgeCache cache = new KnowledgeCache(root);
    cache.store(entry(1), notices::add);
    Files.move(cache.entry(entry(1).key()), cache.entry(entry(2).key()));
    assertThat(cache.find(entry(2).key(), notices::add)).isEmpty();
    assertThat(notices).singleElement().asString().contains("another key");
    assertThat(files(cache)).isEmpty();
  }

  @Test
  void onlyTheMostRecentlyUsedEntriesAndNoAbandonedWritesAreKept() throws IOException {
    KnowledgeCache cache = new KnowledgeCache(root);
    Files.createDirectories(cache.dir());
    Path abandoned = cache.dir().resolve("deadbeef123.tmp");
    Files.writeString(abandoned, "half");
    Files.setLastModifiedTime(abandoned, FileTime.fromMillis(0));
    for (int i = 1; i <= 16; i++) {
      cache.store(entry(i), notices::add);
      Files.setLastModifiedTime(cache.entry(entry(i).key()), FileTime.fromMillis(1_000_000L * i));
    }
    assertThat(files(cache)).hasSize(16).doesNotContain("deadbeef123.tmp");
    cache.find(entry(1).key(), notices::add); // used now: kept
    cache.store(entry(17), notices::add);
    List<String> kept = files(cache);
    assertThat(kept).hasSize(16)
        .contains(String.format("%064x", 1) + ".rdpkb", String.format("%064x", 17) + ".rdpkb")
        .doesNotContain(String.format("%064x", 2) + ".rdpkb");
  }

  @Test
  void aCacheThatCannotBeWrittenIsReportedAndOtherwiseIgnored() throws IOException {
    Path file = root.resolve("not-a-folder");
    Files.writeString(file, "x");
    new KnowledgeCache(file).store(entry(1), notices::add);
    assertThat(notices).singleElement().asString().startsWith("cannot keep the compiled rules in ");
  }
}
