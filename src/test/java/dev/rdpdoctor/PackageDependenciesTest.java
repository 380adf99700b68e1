package dev.rdpdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies between the packages point one way, as the README draws them. */
class PackageDependenciesTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/rdpdoctor");
  private static final Pattern REFERENCE = Pattern.compile("dev\\.rdpdoctor\\.([a-z]+)\\.");
  private static final Pattern LAYOUT_LINE = Pattern.compile("^  ([a-z]+)/ +(.+)$", Pattern.MULTILINE);
  private static final Pattern MAY_USE = Pattern.compile("It may use: ([a-z, ]+)\\.|It may use no other package\\.");

  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("problem", Set.of()),
      Map.entry("yaml", Set.of("problem")),
      Map.entry("casefile", Set.of("yaml", "problem")),
      Map.entry("knowledge", Set.of("casefile", "yaml", "problem")),
      Map.entry("engine", Set.of("knowledge", "casefile", "yaml", "problem")),
      Map.entry("probe", Set.of("casefile", "yaml", "problem")),
      Map.entry("evidence", Set.of("casefile", "yaml", "problem")),
      Map.entry("consult", Set.of("engine", "knowledge", "casefile", "yaml", "problem")),
      Map.entry("report", Set.of("engine", "knowledge", "casefile", "yaml", "problem")),
      Map.entry("ruletools", Set.of("engine", "knowledge", "casefile", "yaml", "problem")),
      Map.entry("batch", Set.of("report", "engine", "knowledge", "casefile", "yaml", "problem")),
      Map.entry("serve", Set.of("batch", "consult", "report", "evidence", "engine", "knowledge", "casefile", "yaml", "problem")),
      Map.entry("cli", Set.of("serve", "batch", "consult", "report", "ruletools", "probe", "evidence", "engine", "knowledge", "casefile", "yaml", "problem")));

  @Test
  void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
    List<Path> packages;
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      packages = dirs.filter(Files::isDirectory).toList();
    }
    assertThat(packages).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    for (Path pkg : packages) {
      String name = pkg.getFileName().toString();
      Set<String> used = new TreeSet<>();
      try (Stream<Path> files = Files.walk(pkg)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = REFERENCE.matcher(Files.readString(file));
          while (m.find()) {
            if (!m.group(1).equals(name)) {
              used.add(m.group(1));
            }
          }
        }
      }
      assertThat(ALLOWED.get(name)).as("packages %s may use", name).containsAll(used);
    }
  }

  @Test
  void everyPackageSaysWhatItIsForAsTheReadmeDoesAndWhatItMayUse() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String layout = readme.substring(readme.indexOf("src/main/java/dev/rdpdoctor/"));
    layout = layout.substring(0, layout.indexOf("```"));
    Map<String, String> described = new TreeMap<>();
    Matcher line = LAYOUT_LINE.matcher(layout);
    while (line.find()) {
      described.put(line.group(1), line.group(2).strip());
    }
    assertThat(described.keySet()).as("packages in the README's Layout").isEqualTo(new TreeSet<>(ALLOWED.keySet()));
    for (String name : ALLOWED.keySet()) {
      Path info = SOURCES.resolve(name).resolve("package-info.java");
      assertThat(info).as("what package %s is for", name).exists();
      String text = Files.readString(info).replaceAll("(?m)^\\s*/?\\*+/?", " ").replace("<p>", " ")
          .replaceAll("\\s+", " ").strip();
      String summary = described.get(name);
      assertThat(text).as("package-info of %s", name)
          .startsWith(Character.toUpperCase(summary.charAt(0)) + summary.substring(1) + ". ");
      Matcher mayUse = MAY_USE.matcher(text);
      assertThat(mayUse.find()).as("package-info of %s says what it may use", name).isTrue();
      Set<String> said = mayUse.group(1) == null ? Set.of() : new TreeSet<>(List.of(mayUse.group(1).split(", ")));
      assertThat(said).as("what package-info of %s says it may use", name).isEqualTo(new TreeSet<>(ALLOWED.get(name)));
    }
  }

  @Test
  void theKnowledgeModelNeverUsesTheMachineryThatLoadsIt() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES.resolve("knowledge"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        assertThat(Files.readString(file)).as("%s", file).doesNotContain("dev.rdpdoctor.knowledge.load");
      }
    }
  }
}
