package dev.rdpdoctor.casefile.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
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
    URL any = BundledVocabulary.class.getResource("/rules/" + VocabularyReader.FOLDER + "/symptom-file.yaml");
    if (any == null) {
      throw new IllegalStateException("the jar carries no rules/" + VocabularyReader.FOLDER + " folder");
    }
    try {
      URI uri = any.toURI();
      Path folder;
      if ("jar".equals(uri.getScheme())) {
        try {
          folder = FileSystems.getFileSystem(uri).getPath("/rules", VocabularyReader.FOLDER);
        } catch (FileSystemNotFoundException e) {
          folder = FileSystems.newFileSystem(uri, Map.of()).getPath("/rules", VocabularyReader.FOLDER);
        }
      } else {
        folder = Path.of(uri).getParent();
      }
      Map<String, byte[]> files = new TreeMap<>();
      try (Stream<Path> list = Files.list(folder)) {
        for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
          try (InputStream in = Files.newInputStream(p)) {
            files.put(p.getFileName().toString(), in.readAllBytes());
          }
        }
      }
      return files;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot open the bundled vocabulary: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
