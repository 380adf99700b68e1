package dev.rdpdoctor.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A small knowledge base written by a test: two causes, two sources, the DRL given, and a copy
 * of the project's vocabulary ({@code rules/vocabulary/}), which every rules folder needs.
 */
public final class RulesFolder {

  public static final String SOURCES = """
      sources:
        - {id: doc-high, title: An official document, where: https://example.invalid/a, reliability: high}
        - {id: doc-low, title: An unofficial article, where: https://example.invalid/b, reliability: low}
      """;

  public static final String CAUSES = """
      causes:
        - id: alpha
          title: Cause alpha
          area: test
          fixes:
            - {id: alpha-risky, title: Risky fix, risk: high, steps: [do it], rollback: undo it}
            - {id: alpha-safe, title: Safe fix, risk: medium, steps: [do it gently]}
        - id: beta
          title: Cause beta
          area: test
          fixes:
            - {id: beta-safe, title: Safe fix, risk: low, steps: [look]}
      """;

  /** Questions for every fact the tests' rules read. */
  public static final String QUESTIONS = """
      questions:
        - {fact: client.app, ask: "Which client?", cost: low}
        - {fact: rdp.enabled, ask: "Is RDP on?", cost: medium}
        - {fact: rdp.nla_required, ask: "Is NLA required?", cost: medium}
        - {fact: rdp.security_layer, ask: "Which security layer?", cost: medium}
        - {fact: certificate.expired, ask: "Has the certificate expired?", cost: medium}
        - {fact: events, ask: "Which events?", cost: medium, answers: {"1058": {id: 1058}, none: null}}
      """;

  public static final String IMPORTS = """
      package test;
      import facts.*;
      import dev.rdpdoctor.engine.Finding;
      """;

  /** The project's vocabulary. */
  public static final Path VOCABULARY = Path.of("rules", "vocabulary");

  private RulesFolder() {}

  /** Copies the project's vocabulary into {@code dir/vocabulary/}. */
  public static Path writeVocabulary(Path dir) {
    try (Stream<Path> files = Files.list(VOCABULARY)) {
      Path target = Files.createDirectories(dir.resolve("vocabulary"));
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.copy(p, target.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path dir, String drl) {
    return write(dir, SOURCES, CAUSES, drl);
  }

  public static Path write(Path dir, String sources, String causes, String drl) {
    try {
      Files.writeString(dir.resolve("sources.yaml"), sources);
      Files.writeString(dir.resolve("causes.yaml"), causes);
      Files.writeString(dir.resolve("questions.yaml"), QUESTIONS);
      writeVocabulary(dir);
      Files.createDirectories(dir.resolve("test"));
      Files.writeString(dir.resolve("test/rules.drl"), IMPORTS + drl);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
