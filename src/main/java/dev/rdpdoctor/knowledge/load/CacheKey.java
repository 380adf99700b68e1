package dev.rdpdoctor.knowledge.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What a compiled knowledge base was compiled from: a SHA-256 over the tool's build, the
 * Drools version and every rule and catalog file (its relative path and its content). Any edit,
 * rename, new or deleted file, new build of the tool or other Drools gives another key.
 *
 * @param hex the hash, 64 hex digits
 */
record CacheKey(String hex) {

  public CacheKey {
    if (hex == null || !hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a cache key is 64 hex digits, got " + hex);
    }
  }

  public static CacheKey of(RuleFiles files, ToolBuild build) {
    MessageDigest sha = sha256();
    update(sha, "rdp-doctor compiled knowledge 1".getBytes(StandardCharsets.UTF_8));
    update(sha, build.keyText().getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> file : files.all().entrySet()) {
      update(sha, file.getKey().getBytes(StandardCharsets.UTF_8));
      update(sha, file.getValue());
    }
    return new CacheKey(HexFormat.of().formatHex(sha.digest()));
  }

  /** Each part is preceded by its length, so no two different file sets hash the same input. */
  private static void update(MessageDigest sha, byte[] part) {
    sha.update(ByteBuffer.allocate(Long.BYTES).putLong(part.length).array());
    sha.update(part);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
