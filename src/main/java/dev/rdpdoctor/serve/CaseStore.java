package dev.rdpdoctor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The help desk's cases: a folder of symptom files, {@code ID.yaml}, each written to a temporary
 * file and moved into place in one step, so a reader (another instance, {@code rules evaluate})
 * sees a whole file or none. A case's id is the time it was saved and six random hex digits; no
 * other name reaches the file system, so no request can name a file outside the folder.
 */
public final class CaseStore {

  /** What a case id looks like: {@code 20261120-101502-a3f9c1}. */
  static final Pattern ID = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9a-f]{6}");
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  /** The most cases the list shows, newest first. */
  public static final int MAX_LISTED = 1000;
  static final String RESOLUTION = "resolution";

  private static final ObjectMapper YAML = YamlMapper.yaml().copy()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Path folder;
  private final Doctor doctor;
  private final SecureRandom random = new SecureRandom();
  /** What the list shows of each case, by its file's version: a file changes, its entry is made again. */
  private final Map<String, Summary> summaries = new ConcurrentHashMap<>();

  private record Summary(long modified, long size, StoredCase shown) {}

  public CaseStore(Path folder, Doctor doctor) {
    this.folder = folder;
    this.doctor = doctor;
  }

  public Path folder() {
    return folder;
  }

  /** Makes the folder when it is missing; throws when it cannot be made or written. */
  public void open() throws IOException {
    Files.createDirectories(folder);
    if (!Files.isWritable(folder)) {
      throw new IOException("cannot write to the case store " + folder);
    }
  }

  /** Whether the store can take a case now: the folder is there and writable. */
  public boolean ready() {
    return Files.isDirectory(folder) && Files.isWritable(folder);
  }

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * Saves a symptom file as a new case, as it was given (comments and all), after checking that it
   * reads; returns its id.
   *
   * @throws InvalidInputException when it does not read as a symptom file
   */
  public String save(byte[] content, LocalDateTime now) throws IOException {
    doctor.read("case", withoutResolution(content));
    for (int attempt = 0; ; attempt++) {
      String id = ID_TIME.format(now) + "-" + HexFormat.of().formatHex(randomBytes());
      try {
        write(id, content, false);
        return id;
      } catch (FileAlreadyExistsException e) {
        if (attempt > 8) {
          throw e;
        }
      }
    }
  }

  private byte[] randomBytes() {
    byte[] b = new byte[3];
    random.nextBytes(b);
    return b;
  }

  /** The symptom file of a case as saved; empty when there is no such case. */
  public Optional<byte[]> read(String id) throws IOException {
    if (!validId(id)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file(id)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The case read as a symptom file, its resolution aside, named {@code ID.yaml} in its errors. */
  public CaseFile caseFile(String id, byte[] content) {
    return doctor.read(id + ".yaml", withoutResolution(content));
  }

  /**
   * Records (or replaces) a case's resolution: its {@code resolution:} section, at the end of the
   * file, the rest as it was.
   *
   * @return false when there is no such case
   */
  public boolean resolve(String id, Resolution resolution) throws IOException {
    Optional<byte[]> content = read(id);
    if (content.isEmpty()) {
      return false;
    }
    String text = new String(withoutResolution(content.get()), StandardCharsets.UTF_8);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      text += "\n";
    }
    write(id, (text + resolutionYaml(resolution)).getBytes(StandardCharsets.UTF_8), true);
    return true;
  }

  static String resolutionYaml(Resolution resolution) {
    try {
      String yaml = YAML.writeValueAsString(Map.of(RESOLUTION, resolution));
      return yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded resolution of a saved symptom file, as its text; empty when none is. */
  static Optional<String> resolutionText(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    int[] at = resolutionLines(text);
    return at == null ? Optional.empty() : Optional.of(text.substring(at[0], at[1]));
  }

  /**
   * The symptom file without its {@code resolution:} section, line numbers kept for what comes
   * before it. The rules never weigh how a ticket ended; a knowledge base whose vocabulary does not
   * declare the section yet would refuse it as an unknown key.
   */
  static byte[] withoutResolution(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    int[] at = resolutionLines(text);
    if (at == null) {
      return content;
    }
    return (text.substring(0, at[0]) + text.substring(at[1])).getBytes(StandardCharsets.UTF_8);
  }

  /** Where the top-level {@code resolution:} block starts and ends, in characters; null when there is none. */
  private static int[] resolutionLines(String text) {
    java.util.regex.Matcher start = Pattern.compile("(?m)^resolution\\s*:").matcher(text);
    if (!start.find()) {
      return null;
    }
    java.util.regex.Matcher next = Pattern.compile("(?m)^[^\\s#\\-]").matcher(text);
    int end = text.length();
    if (next.find(start.end())) {
      end = next.start();
    }
    return new int[] {start.start(), end};
  }

  /** The saved cases, newest first, at most {@link #MAX_LISTED}. */
  public List<StoredCase> list() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.yaml")) {
      for (Path p : dir) {
        String name = p.getFileName().toString();
        if (validId(name.substring(0, name.length() - ".yaml".length()))) {
          files.add(p);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
    List<StoredCase> out = new ArrayList<>();
    for (Path p : files.subList(0, Math.min(files.size(), MAX_LISTED))) {
      String name = p.getFileName().toString();
      summary(name.substring(0, name.length() - ".yaml".length())).ifPresent(out::add);
    }
    return out;
  }

  /** What the list shows of one case; empty when it has gone. */
  public Optional<StoredCase> summary(String id) throws IOException {
    Path file = file(id);
    long modified;
    long size;
    try {
      modified = Files.getLastModifiedTime(file).toMillis();
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      summaries.remove(id);
      return Optional.empty();
    }
    Summary known = summaries.get(id);
    if (known != null && known.modified() == modified && known.size() == size) {
      return Optional.of(known.shown());
    }
    Optional<byte[]> content = read(id);
    if (content.isEmpty()) {
      return Optional.empty();
    }
    StoredCase shown;
    LocalDateTime saved = LocalDateTime.parse(id.substring(0, 15), ID_TIME);
    boolean resolved = resolutionText(content.get()).isPresent();
    try {
      Doctor.Diagnosed d = doctor.diagnose(caseFile(id, content.get()));
      shown = new StoredCase(id, saved, d.caseFile().title(), Optional.ofNullable(d.top()), resolved, Optional.empty());
    } catch (InvalidInputException e) {
      shown = new StoredCase(id, saved, Optional.empty(), Optional.empty(), resolved,
          Optional.of(e.errors().get(0).format()));
    }
    summaries.put(id, new Summary(modified, size, shown));
    return Optional.of(shown);
  }

  private Path file(String id) {
    if (!validId(id)) {
      throw new IllegalArgumentException("not a case id: " + id);
    }
    return folder.resolve(id + ".yaml");
  }

  /** Writes a case whole or not at all: to a temporary file in the folder, then moved into place. */
  private void write(String id, byte[] content, boolean replace) throws IOException {
    Path target = file(id);
    if (!replace && Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path temp = Files.createTempFile(folder, "." + id + "-", ".tmp");
    try {
      Files.write(temp, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static ObjectMapper yaml() {
    return YAML;
  }
}
