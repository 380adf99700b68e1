package dev.rdpdoctor.cli;

import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --rules DIR}: which knowledge base to load. Without it, the folder the launcher names
 * (the checkout's {@code rules/}), else the copy inside the jar.
 */
final class RulesOption {

  static final String DEFAULT_PROPERTY = "rdpdoctor.rules";

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "Knowledge-base folder to use (default: the bundled rules/).")
  Path rules;

  KnowledgeBase load() {
    KnowledgeLoader loader = new KnowledgeLoader();
    if (rules != null) {
      return loader.load(rules);
    }
    String launcherDefault = System.getProperty(DEFAULT_PROPERTY);
    if (launcherDefault != null && !launcherDefault.isBlank()) {
      return loader.load(Path.of(launcherDefault));
    }
    return loader.loadBundled();
  }
}
