package dev.rdpdoctor.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small knowledge base written by a test: two causes, two sources, and the DRL given. */
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
      import dev.rdpdoctor.casefile.*;
      import dev.rdpdoctor.engine.Finding;
      """;

  private RulesFolder() {}

  public static Path write(Path dir, String drl) {
    return write(dir, SOURCES, CAUSES, drl);
  }

  public static Path write(Path dir, String sources, String causes, String drl) {
    try {
      Files.writeString(dir.resolve("sources.yaml"), sources);
      Files.writeString(dir.resolve("causes.yaml"), causes);
      Files.writeString(dir.resolve("questions.yaml"), QUESTIONS);
      Files.createDirectories(dir.resolve("test"));
      Files.writeString(dir.resolve("test/rules.drl"), IMPORTS + drl);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
