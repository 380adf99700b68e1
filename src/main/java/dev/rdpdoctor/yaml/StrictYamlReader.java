package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a YAML file into a record type, strictly: unknown keys, wrong types, values outside
 * their set or range become located {@link InputError}s, one per problem; malformed YAML, and
 * a file past its {@link ReadLimits}, stop the reading with one. {@link #json()} reads
 * JSON the same way, for cases given one per line (JSON Lines).
 */
public final class StrictYamlReader {

  /** At most this many problems of one file are listed; a last line counts the rest. */
  public static final int MAX_PROBLEMS = 20;

  private final ObjectMapper mapper;
  private final String format;
  private final ReadLimits limits;

  public StrictYamlReader(ReadLimits limits) {
    this(YamlMapper.yaml(), "YAML", limits);
  }

  /** A reader with the limits of a symptom file. */
  public StrictYamlReader() {
    this(ReadLimits.SYMPTOM_FILE);
  }

  private StrictYamlReader(ObjectMapper mapper, String format, ReadLimits limits) {
    this.mapper = mapper;
    this.format = format;
    this.limits = limits;
  }

  /** A reader of JSON documents, with the same keys, types, checks and limits as a YAML symptom file. */
  public static StrictYamlReader json() {
    return new StrictYamlReader(YamlMapper.json(), "JSON", ReadLimits.SYMPTOM_FILE);
  }

  public <T> YamlDocument<T> read(Path path, Class<T> type) {
    return read(path, type, document -> document);
  }

  /** Reads a file and hands it to {@code then}, as {@link #read(String, int, byte[], Class, Function)} does. */
  public <T, R> R read(Path path, Class<T> type, Function<YamlDocument<T>, R> then) {
    String file = path.toString();
    return read(file, 1, readBounded(path, file), type, then);
  }

  /**
   * The file's bytes, reading no more than one byte past the size limit: a file that never ends
   * ({@code /dev/zero}, a pipe) costs no more memory than one that is a byte too large.
   */
  private byte[] readBounded(Path path, String file) {
    if (Files.isDirectory(path)) {
      throw new InvalidInputException(InputError.error(file, 1, 1, "is a directory, not a YAML file"));
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(limits.maxBytes() + 1);
      if (bytes.length > limits.maxBytes()) {
        throw tooLarge(file);
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(InputError.error(file, 1, 1, "no such file"));
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(InputError.error(file, 1, 1, "cannot read the file: permission denied"));
    } catch (FileSystemException e) {
      String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
      throw new InvalidInputException(InputError.error(file, 1, 1, "cannot read the file: " + reason));
    } catch (IOException e) {
      throw new InvalidInputException(InputError.error(file, 1, 1, "cannot read the file: " + e.getMessage()));
    }
  }

  private InvalidInputException tooLarge(String file) {
    String what = format.equals("JSON") ? "the case" : "the file";
    return new InvalidInputException(InputError.error(file, 1, 1, what + " is larger than "
        + limits.describeBytes() + ", the most " + limits.kind() + " may be; is it the right " + what.substring(4) + "?"));
  }

  public <T> YamlDocument<T> read(String file, byte[] bytes, Class<T> type) {
    return read(file, 1, bytes, type, document -> document);
  }

  /**
   * Reads a document that starts on line {@code firstLine} of {@code file}, such as one line of
   * a JSON Lines stream: every line in its source map and its errors counts from there.
   */
  public <T> YamlDocument<T> read(String file, int firstLine, byte[] bytes, Class<T> type) {
    return read(file, firstLine, bytes, type, document -> document);
  }

  /**
   * Reads a document and hands it to {@code then}, which may refuse it with problems of its own
   * (an {@link InvalidInputException}). When the document itself has problems, {@code then}
   * still runs on what could be read (each key with a problem taken out), so that one run
   * reports every independent problem of the file: sorted by position, at most
   * {@value #MAX_PROBLEMS}, then a line saying how many more there are.
   */
  public <T, R> R read(String file, int firstLine, byte[] bytes, Class<T> type, Function<YamlDocument<T>, R> then) {
    Parsed<T> parsed = parse(file, firstLine, bytes, type);
    if (parsed.problems().isEmpty()) {
      return then.apply(parsed.document());
    }
    List<InputError> all = new ArrayList<>(parsed.problems());
    if (parsed.document() != null) {
      try {
        then.apply(parsed.document());
      } catch (InvalidInputException e) {
        all.addAll(e.errors());
      }
    }
    throw new InvalidInputException(capped(all));
  }

  /** The problems by position, the first {@value #MAX_PROBLEMS} of them, then how many more there are. */
  public static List<InputError> capped(List<InputError> problems) {
    List<InputError> sorted = problems.stream()
        .sorted(Comparator.comparingInt(InputError::line).thenComparingInt(InputError::column))
        .toList();
    if (sorted.size() <= MAX_PROBLEMS) {
      return sorted;
    }
    InputError next = sorted.get(MAX_PROBLEMS);
    List<InputError> shown = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
    int more = sorted.size() - MAX_PROBLEMS;
    shown.add(InputError.error(next.file(), next.line(), next.column(), String.format(Locale.ROOT,
        "... and %,d more problem%s, the next one here; fix these first", more, more == 1 ? "" : "s")));
    return shown;
  }

  /**
   * A document read, or what could be read of it, with its problems.
   *
   * @param document the whole document when there are no problems; else the document without
   *     the keys that have them, or null when even that does not read
   */
  private record Parsed<T>(YamlDocument<T> document, List<InputError> problems) {}

  private <T> Parsed<T> parse(String file, int firstLine, byte[] bytes, Class<T> type) {
    if (firstLine == 1) {
      return readDocument(file, 0, bytes, type);
    }
    try {
      Parsed<T> parsed = readDocument(file, firstLine - 1, bytes, type);
      return new Parsed<>(parsed.document(), shift(parsed.problems(), firstLine));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(shift(e.errors(), firstLine));
    }
  }

  private static List<InputError> shift(List<InputError> errors, int firstLine) {
    return errors.stream()
        .map(x -> new InputError(x.file(), x.line() + firstLine - 1, x.column(), x.severity(), x.message()))
        .toList();
  }

  private <T> Parsed<T> readDocument(String file, int lineOffset, byte[] bytes, Class<T> type) {
    if (bytes.length > limits.maxBytes()) {
      throw tooLarge(file);
    }
    String text = decode(file, bytes);
    if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
      throw new InvalidInputException(
          InputError.error(file, 1, 1, "the file is empty: it states nothing to read"));
    }
    SourceMap sourceMap = null;
    try {
      sourceMap = SourceMapper.map(mapper, file, text, lineOffset, limits);
      Located root = sourceMap.find("").orElse(new Located("", 1 + lineOffset, 1, ""));
      JsonToken first = firstToken(text);
      if (first != JsonToken.START_OBJECT) {
        throw new InvalidInputException(InputError.error(file, root.line() - lineOffset, root.column(),
            (format.equals("JSON") ? "expected an object of sections ({\"error\": {...}, ...})"
                : "expected sections of 'key: value' lines at the top level") + ", got " + Shapes.describe(first)));
      }
      T value = mapper.readValue(text, type);
      return new Parsed<>(new YamlDocument<>(value, sourceMap), List.of());
    } catch (InvalidInputException e) {
      throw e;
    } catch (JsonMappingException e) {
      InputError first = firstProblem(file, e, sourceMap, lineOffset);
      if (sourceMap == null) {
        throw new InvalidInputException(first);
      }
      return everyProblem(file, text, type, sourceMap, lineOffset, first);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(MappingErrors.locate(file, e, format));
    } catch (IOException e) {
      throw new InvalidInputException(InputError.error(file, 1, 1, "cannot read: " + e.getMessage()));
    }
  }

  /** The error Jackson stopped at, located where the user wrote the key or value. */
  private InputError firstProblem(String file, JsonMappingException e, SourceMap sourceMap, int lineOffset) {
    if (e instanceof ValueInstantiationException && sourceMap != null) {
      // Jackson builds a record before it reports unknown keys: a misspelt key that leaves
      // a required one missing must be reported as the typo it is.
      InputError typo = unknownKeyIn(file, e, sourceMap, lineOffset);
      if (typo != null) {
        return typo;
      }
    }
    return relocate(MappingErrors.locate(file, e, format), e, sourceMap, lineOffset);
  }

  /**
   * Every independent problem of a document that Jackson refused at {@code first}: each key is
   * bound on its own ({@link PropertyCheck}). The first stays among them whatever the check finds.
   */
  private <T> Parsed<T> everyProblem(String file, String text, Class<T> type, SourceMap sourceMap, int lineOffset,
      InputError first) {
    PropertyCheck.Result<T> found;
    try {
      found = new PropertyCheck(mapper, RecordedTokens.record(mapper, text), sourceMap, file, lineOffset, format)
          .check(type);
    } catch (IOException e) {
      return new Parsed<>(null, List.of(first));
    }
    List<InputError> problems = new ArrayList<>(found.problems());
    // the first as Jackson located it, at its key, once: the check may place the same problem at
    // its value (a key of a flow mapping)
    problems.removeIf(p -> p.line() == first.line()
        && (p.column() == first.column() || p.message().equals(first.message())));
    problems.add(first);
    return new Parsed<>(found.partial() == null ? null : new YamlDocument<>(found.partial(), sourceMap, found.leftOut()),
        problems);
  }

  private InputError unknownKeyIn(String file, JsonMappingException e, SourceMap map, int lineOffset) {
    String path = MappingErrors.pathOf(e.getPath());
    Class<?> type = ((ValueInstantiationException) e).getType().getRawClass();
    var description = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
    List<String> known = description.findProperties().stream().map(p -> p.getName()).sorted().toList();
    for (Located key : map.childKeys(path)) {
      if (!known.contains(key.text())) {
        return InputError.error(file, key.line() - lineOffset, key.column(), MappingErrors.unknownKey(key.text(), path, known));
      }
    }
    return null;
  }

  /**
   * Jackson reports some errors after the value they concern (an object's end); point at the
   * key the user wrote, or at the start of the value, instead.
   */
  private static InputError relocate(InputError error, JsonMappingException e, SourceMap map, int lineOffset) {
    if (map == null || e.getPath().isEmpty()) {
      return error;
    }
    String path = MappingErrors.pathOf(e.getPath());
    var at = e instanceof UnrecognizedPropertyException
        ? map.key(path)
        : map.find(path).or(() -> map.key(path));
    return at.map(l -> InputError.error(error.file(), l.line() - lineOffset, l.column(), error.message())).orElse(error);
  }

  private JsonToken firstToken(String text) throws IOException {
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      return p.nextToken();
    }
  }

  private static String decode(String file, byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int column = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          column = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
          column++;
        }
      }
      throw new InvalidInputException(
          InputError.error(
              file, line, column, "the file is not UTF-8 text (a bad byte here); save it as UTF-8"));
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
