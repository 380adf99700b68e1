package dev.rdpdoctor.yaml;

import java.util.Locale;
import java.util.Objects;

/**
 * How much of a YAML file the reader accepts, checked before and while it parses, so that a
 * hostile or mistaken file (a pasted log, a "billion laughs", a list nested ten thousand deep)
 * costs a located error rather than time and memory.
 *
 * @param kind what the file is, as a message names it ("a symptom file")
 * @param maxBytes the file's size, checked before it is parsed
 * @param maxDepth sections and lists inside one another
 * @param maxTextLength characters in one value
 * @param maxKeyLength characters in one key
 * @param maxItems items in one list: each becomes a fact, and rules fire per fact
 */
public record ReadLimits(String kind, int maxBytes, int maxDepth, int maxTextLength, int maxKeyLength, int maxItems) {

  /** A symptom file: a few kilobytes written by hand or by the probe. */
  public static final ReadLimits SYMPTOM_FILE = new ReadLimits("a symptom file", 256 * 1024, 16, 20_000, 100, 256);

  /** A catalog of the knowledge base (causes.yaml, sources.yaml, questions.yaml). */
  public static final ReadLimits KNOWLEDGE_FILE = new ReadLimits("a knowledge-base file", 4 * 1024 * 1024, 32, 100_000, 100, 10_000);

  public ReadLimits {
    Objects.requireNonNull(kind, "kind");
    if (maxBytes < 1 || maxDepth < 1 || maxTextLength < 1 || maxKeyLength < 1 || maxItems < 1) {
      throw new IllegalArgumentException("every limit must be at least 1");
    }
  }

  /** The size limit as a user reads it: {@code 256 KiB (262,144 bytes)}. */
  String describeBytes() {
    String unit = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MiB"
        : maxBytes % 1024 == 0 ? maxBytes / 1024 + " KiB" : null;
    String bytes = String.format(Locale.ROOT, "%,d bytes", maxBytes);
    return unit == null ? bytes : unit + " (" + bytes + ")";
  }
}
