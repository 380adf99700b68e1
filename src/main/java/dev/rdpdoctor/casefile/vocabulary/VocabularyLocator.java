package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.ReadLimits;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.StrictYamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a declaration of a vocabulary is written, for a finding about it: the files are read
 * again only when something is to be said.
 */
public final class VocabularyLocator {

  private final Map<String, byte[]> files;
  private final String shownAs;
  private List<SourceMap> maps;

  /**
   * @param files the vocabulary's files by name
   * @param shownAs the vocabulary folder as shown to the user
   */
  public VocabularyLocator(Map<String, byte[]> files, String shownAs) {
    this.files = Map.copyOf(files);
    this.shownAs = shownAs;
  }

  /** An error at {@code path} ({@code types.Host.keys.name.type}) in the file that declares its type. */
  public InputError error(String path, String message) {
    return at(path, message, true);
  }

  /** A warning at {@code path} in the file that declares its type. */
  public InputError warning(String path, String message) {
    return at(path, message, false);
  }

  /** Located at {@code path} in the file that declares its type, or at the folder when none does. */
  private InputError at(String path, String message, boolean error) {
    int typeEnd = path.indexOf('.', "types.".length());
    String type = typeEnd < 0 ? path : path.substring(0, typeEnd);
    for (SourceMap map : maps()) {
      if (map.key(type).isPresent()) {
        // at the value written, or at the key of a section
        return map.find(path).filter(l -> !l.text().isEmpty()).or(() -> map.key(path))
            .map(l -> error ? InputError.error(map.file(), l.line(), l.column(), message)
                : InputError.warning(map.file(), l.line(), l.column(), message))
            .orElseGet(() -> error ? map.errorAt(path, message) : InputError.warning(map.file(), 1, 1, message));
      }
    }
    return error ? InputError.error(shownAs, 1, 1, message) : InputError.warning(shownAs, 1, 1, message);
  }

  private List<SourceMap> maps() {
    if (maps == null) {
      maps = new ArrayList<>();
      StrictYamlReader yaml = new StrictYamlReader(ReadLimits.KNOWLEDGE_FILE);
      files.forEach((name, bytes) -> {
        try {
          maps.add(yaml.read(shownAs + "/" + name, bytes, VocabularyFile.class).sourceMap());
        } catch (InvalidInputException e) {
          // it was read once already; a file that does not read again declares nothing here
        }
      });
    }
    return maps;
  }
}
