package dev.rdpdoctor.casefile.vocabulary;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A folder the jar carries ({@code /rules}), as a {@link Path}: inside the jar's file system when
 * run from the jar, on disk when run from classes. Threads may ask at the same time (the rules
 * load on one while the case is read on another): the jar's file system is opened once.
 */
public final class BundledFolder {

  private BundledFolder() {}

  /**
   * @param folder the folder in the jar, {@code /rules}
   * @param anyFile a file known to be in it, by which it is found ({@code causes.yaml})
   */
  public static Path of(String folder, String anyFile) {
    URL url = BundledFolder.class.getResource(folder + "/" + anyFile);
    if (url == null) {
      throw new IllegalStateException("the jar carries no " + folder + "/" + anyFile);
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return Path.of(uri).getParent();
      }
      return jarFileSystem(uri).getPath(folder);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open " + folder + " in the jar: " + e.getMessage(), e);
    }
  }

  private static synchronized FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.getFileSystem(uri);
    } catch (FileSystemNotFoundException e) {
      try {
        return FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException opened) { // by code that does not come here
        return FileSystems.getFileSystem(uri);
      }
    }
  }
}
