package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file into a record type, strictly: unknown keys, wrong types, values outside
 * their set and malformed YAML all become one located {@link InputError}. {@link #json()} reads
 * JSON the same way, for cases given one per line (JSON Lines).
 */
public final class StrictYamlReader {

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
    String file = path.toString();
    return read(file, readBounded(path, file), type);
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
    return read(file, 1, bytes, type);
  }

  /**
   * Reads a document that starts on line {@code firstLine} of {@code file}, such as one line of
   * a JSON Lines stream: every line in its source map and its errors counts from there.
   */
  public <T> YamlDocument<T> read(String file, int firstLine, byte[] bytes, Class<T> type) {
    if (firstLine == 1) {
      return readDocument(file, 0, bytes, type);
    }
    try {
      return readDocument(file, firstLine - 1, bytes, type);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.errors().stream()
          .map(x -> new InputError(x.file(), x.line() + firstLine - 1, x.column(), x.severity(), x.message()))
          .toList());
    }
  }

  private <T> YamlDocument<T> readDocument(String file, int lineOffset, byte[] bytes, Class<T> type) {
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
      return new YamlDocument<>(value, sourceMap);
    } catch (InvalidInputException e) {
      throw e;
    } catch (JsonMappingException e) {
      if (e instanceof ValueInstantiationException && sourceMap != null) {
        // Jackson builds a record before it reports unknown keys: a misspelt key that leaves
        // a required one missing must be reported as the typo it is.
        InputError typo = unknownKeyIn(file, e, sourceMap, lineOffset);
        if (typo != null) {
          throw new InvalidInputException(typo);
        }
      }
      throw new InvalidInputException(relocate(locate(file, e, format), e, sourceMap, lineOffset));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(locate(file, e, format));
    } catch (IOException e) {
      throw new InvalidInputException(InputError.error(file, 1, 1, "cannot read: " + e.getMessage()));
    }
  }

  private InputError unknownKeyIn(String file, JsonMappingException e, SourceMap map, int lineOffset) {
    String path = pathOf(e.getPath());
    Class<?> type = ((ValueInstantiationException) e).getType().getRawClass();
    var description = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
    List<String> known = description.findProperties().stream().map(p -> p.getName()).sorted().toList();
    for (Located key : map.childKeys(path)) {
      if (!known.contains(key.text())) {
        String hint = Suggestions.closest(key.text(), known).map(s -> " did you mean '" + s + "'?").orElse("");
        return InputError.error(file, key.line() - lineOffset, key.column(), "unknown key '" + key.text() + "' in "
            + (path.isEmpty() ? "the top level" : "'" + path + "'") + ";" + hint + " allowed keys: " + String.join(", ", known));
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
    String path = pathOf(e.getPath());
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

  static InputError locate(String file, JsonProcessingException e, String format) {
    JsonLocation at = e.getLocation();
    int line = at == null ? 1 : at.getLineNr();
    int column = at == null ? 1 : at.getColumnNr();
    MarkedYAMLException yaml = findCause(e, MarkedYAMLException.class);
    if (yaml != null) {
      String problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem();
      var mark = yaml.getProblemMark();
      if (problem.contains("\\t(TAB)") && mark != null) {
        return InputError.error(file, mark.getLine() + 1, mark.getColumn() + 1,
            "a tab indents this line; YAML indents with spaces only: replace the tab with spaces");
      }
      if (mark != null) {
        line = mark.getLine() + 1;
        column = mark.getColumn() + 1;
      }
      String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
      return InputError.error(file, line, column, "invalid YAML: " + problem + context);
    }
    if (e instanceof JsonMappingException m) {
      return InputError.error(file, line, column, describe(m, format));
    }
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith("Duplicate field")) {
      String key = message.replaceAll(".*'(.*)'.*", "$1");
      return InputError.error(file, line, column, "duplicate key '" + key + "': each key may appear once in a section");
    }
    return InputError.error(file, line, column, "invalid " + format + ": " + message);
  }

  private static String describe(JsonMappingException e, String format) {
    String path = pathOf(e.getPath());
    String where = path.isEmpty() ? "" : path + ": ";
    if (e instanceof UnrecognizedPropertyException u) {
      String section = pathOf(e.getPath().subList(0, e.getPath().size() - 1));
      List<String> known =
          u.getKnownPropertyIds() == null
              ? List.of()
              : u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList());
      String hint =
          Suggestions.closest(u.getPropertyName(), known).map(s -> " did you mean '" + s + "'?").orElse("");
      return "unknown key '" + u.getPropertyName() + "' in "
          + (section.isEmpty() ? "the top level" : "'" + section + "'") + ";" + hint
          + " allowed keys: " + String.join(", ", known);
    }
    if (e instanceof InvalidFormatException f) {
      return where + "expected " + Shapes.expected(typeOf(e, f.getTargetType()))
          + ", got '" + Excerpt.of(String.valueOf(f.getValue())) + "'";
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return where + v.getCause().getMessage();
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null && !ownMessage(e)) {
      JsonToken token = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
      return where + "expected " + Shapes.expected(typeOf(e, m.getTargetType())) + ", got "
          + Shapes.describe(token);
    }
    if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
      return format.equals("JSON") ? "more than one JSON value; put one case per line"
          : "a second YAML document follows the first; put everything in one document";
    }
    return where + e.getOriginalMessage();
  }

  /** True when one of our own deserializers wrote the message. */
  private static boolean ownMessage(JsonMappingException e) {
    String m = e.getOriginalMessage();
    return m != null && !m.startsWith("Cannot ") && !m.startsWith("Unexpected ");
  }

  private static JavaType typeOf(JsonMappingException e, Class<?> type) {
    return com.fasterxml.jackson.databind.type.TypeFactory.defaultInstance().constructType(type);
  }

  static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static <X extends Throwable> X findCause(Throwable t, Class<X> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

}
