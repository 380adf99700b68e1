package dev.rdpdoctor.evidence;

/**
 * How much evidence is read, checked before and while it is read, so that a hostile or mistaken
 * input (a zip bomb, a folder of disk images, an export nested ten thousand deep) costs a located
 * error rather than time and memory.
 *
 * @param maxFileBytes one file, or one entry of a zip, as it is stored (expanded)
 * @param maxTotalBytes every file read, together (a zip's entries expanded)
 * @param maxFiles files looked at, read or skipped
 * @param maxFolderDepth folders inside the folder given
 * @param maxZipRatio how many times its compressed size one zip entry may expand to
 * @param maxXmlDepth elements inside one another in an event export
 * @param maxJsonDepth arrays and objects inside one another in a JSON export
 * @param maxCommandChars a command's output: the largest these commands print, with room to spare
 * @param maxEventText characters kept of one event's text
 * @param maxErrorsPerFile located errors said for one file; the rest are counted
 */
public record EvidenceLimits(long maxFileBytes, long maxTotalBytes, int maxFiles, int maxFolderDepth, int maxZipRatio,
    int maxXmlDepth, int maxJsonDepth, int maxCommandChars, int maxEventText, int maxErrorsPerFile) {

  /** What the command line reads: a collector's zip is a few hundred kilobytes. */
  public static final EvidenceLimits DEFAULT = new EvidenceLimits(16L << 20, 64L << 20, 1_000, 8, 200, 32, 32,
      1 << 20, 2_000, 20);

  /**
   * What the server reads for one request: it holds several requests at once in a fixed heap, so
   * a file, and the evidence in all, are kept smaller than on the command line.
   */
  public static final EvidenceLimits SERVER = new EvidenceLimits(4L << 20, 32L << 20, 1_000, 8, 200, 32, 32,
      1 << 20, 2_000, 20);

  public EvidenceLimits {
    if (maxFileBytes < 1 || maxTotalBytes < maxFileBytes || maxFiles < 1 || maxFolderDepth < 0 || maxZipRatio < 1
        || maxXmlDepth < 4 || maxJsonDepth < 2 || maxCommandChars < 1 || maxEventText < 1 || maxErrorsPerFile < 1) {
      throw new IllegalArgumentException("every limit must be positive, and the total at least one file");
    }
  }

  /** A size as a message says it: {@code 16 MiB}. */
  static String describe(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }
}
