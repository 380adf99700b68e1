package dev.rdpdoctor.knowledge.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code --version} says: the tool's version, the commit it was built from and when, as
 * {@link Precompiler} wrote them at build time.
 *
 * @param version the project's version, {@code unknown} when the classes were not built by Maven
 * @param commit the commit, with {@code -dirty} when the sources had changes not committed; empty
 *     when the sources were not a git checkout (a source archive)
 * @param built when, in UTC, to the second
 */
public record ToolVersion(String version, Optional<String> commit, Optional<String> built) {

  private static final ToolVersion CURRENT = read();

  public static ToolVersion current() {
    return CURRENT;
  }

  /** {@code rdp-doctor 0.1.0 (commit 1a2b3c4d5e6f, built 2026-11-20T10:00:00Z)}. */
  public String describe() {
    return "rdp-doctor " + version + " (commit " + commit.orElse("unknown")
        + built.map(b -> ", built " + b).orElse("") + ")";
  }

  private static ToolVersion read() {
    Properties p = new Properties();
    try (InputStream in = ToolVersion.class.getResourceAsStream(ToolBuild.RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ToolVersion(p.getProperty("version", "unknown"),
        Optional.ofNullable(p.getProperty("commit")).filter(s -> !s.isBlank()),
        Optional.ofNullable(p.getProperty("built")).filter(s -> !s.isBlank()));
  }
}
