package dev.rdpdoctor.knowledge.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Which build of the tool is running, on which Drools: part of the key of every compiled
 * knowledge base, so rules compiled by another build are never used.
 *
 * @param version the tool's version
 * @param id a hash of the tool's classes and its build file, written at build time; empty when
 *     the classes were not built by Maven (then nothing is cached)
 * @param droolsVersion the version of the Drools on the class path
 */
record ToolBuild(String version, Optional<String> id, String droolsVersion) {

  /** Written by {@link Precompiler} next to the classes. */
  static final String RESOURCE = "/dev/rdpdoctor/knowledge/tool-build.properties";

  private static final ToolBuild CURRENT = read();

  public static ToolBuild current() {
    return CURRENT;
  }

  /** Whether compiled rules can be kept for this build. */
  public boolean identified() {
    return id.isPresent();
  }

  /** The text the cache key is made of. */
  String keyText() {
    return "rdp-doctor " + version + " build " + id.orElse("unknown") + " drools " + droolsVersion;
  }

  private static ToolBuild read() {
    Properties tool = properties(RESOURCE);
    Properties drools = properties("/drools.versions.properties");
    return new ToolBuild(
        tool.getProperty("version", "unknown"),
        Optional.ofNullable(tool.getProperty("id")).filter(s -> !s.isBlank()),
        drools.getProperty("drools.version", "unknown"));
  }

  private static Properties properties(String resource) {
    Properties p = new Properties();
    try (InputStream in = ToolBuild.class.getResourceAsStream(resource)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
