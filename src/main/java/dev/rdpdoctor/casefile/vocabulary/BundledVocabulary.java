package dev.rdpdoctor.casefile.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The vocabulary of the rules the jar carries ({@code rules/vocabulary/}), read once, on first
 * use: for reading a case where no knowledge base gives one.
 */
public final class BundledVocabulary {

  /** Where the jar keeps it, and how errors in it are shown. */
  public static final String SHOWN_AS = "bundled:rules/" + VocabularyReader.FOLDER;

  private BundledVocabulary() {}

  public static Vocabulary get() {
    return Holder.VOCABULARY;
  }

  private static final class Holder {
    static final Vocabulary VOCABULARY = new VocabularyReader().read(files(), SHOWN_AS);
  }

  private static Map<String, byte[]> files() {
    Path folder = BundledFolder.of("/rules/" + VocabularyReader.FOLDER, "symptom-file.yaml");
    try {
      Map<String, byte[]> files = new TreeMap<>();
      try (Stream<Path> list = Files.list(folder)) {
        for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
          try (InputStream in = Files.newInputStream(p)) {
            files.put(p.getFileName().toString(), in.readAllBytes());
          }
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
