package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The tokens of a document's first value, each with its text as written ({@code 0x904}, not
 * {@code 2308}) and its position, so that parts of the document can be bound again one by one
 * ({@link ReplayParser}) with the same values and messages as the whole.
 */
final class RecordedTokens {

  /** One token; {@code number} only for numbers. */
  record Token(JsonToken kind, String text, Number number, JsonParser.NumberType numberType, int line, int column) {

    static Token synthetic(JsonToken kind, String text) {
      return new Token(kind, text, null, null, 0, 0);
    }

    boolean opens() {
      return kind == JsonToken.START_OBJECT || kind == JsonToken.START_ARRAY;
    }
  }

  private final List<Token> tokens;
  private final int[] ends;
  private final Located trailing;

  private RecordedTokens(List<Token> tokens, int[] ends, Located trailing) {
    this.tokens = tokens;
    this.ends = ends;
    this.trailing = trailing;
  }

  /** Records the first value of {@code text}, which {@link SourceMapper} has already checked. */
  static RecordedTokens record(ObjectMapper mapper, String text) throws IOException {
    List<Token> tokens = new ArrayList<>();
    Deque<Integer> open = new ArrayDeque<>();
    List<int[]> pairs = new ArrayList<>();
    Located trailing = null;
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        JsonLocation at = p.currentTokenLocation();
        boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        tokens.add(new Token(token, token == JsonToken.FIELD_NAME ? p.currentName() : p.getText(),
            number ? p.getNumberValue() : null, number ? p.getNumberType() : null, at.getLineNr(), at.getColumnNr()));
        int index = tokens.size() - 1;
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          open.push(index);
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          pairs.add(new int[] {open.pop(), index});
        }
        if (open.isEmpty() && token != JsonToken.FIELD_NAME) {
          trailing = next(p);
          break;
        }
      }
    }
    int[] ends = new int[tokens.size()];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = i;
    }
    for (int[] pair : pairs) {
      ends[pair[0]] = pair[1];
    }
    return new RecordedTokens(List.copyOf(tokens), ends, trailing);
  }

  /** Where a second value starts after the first, if one does. */
  private static Located next(JsonParser p) {
    try {
      if (p.nextToken() == null) {
        return null;
      }
      JsonLocation at = p.currentTokenLocation();
      return new Located("", at.getLineNr(), at.getColumnNr(), "");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      return new Located("", at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), "");
    } catch (IOException e) {
      return null;
    }
  }

  Token get(int index) {
    return tokens.get(index);
  }

  int size() {
    return tokens.size();
  }

  /** The index of the last token of the value that starts at {@code start}. */
  int end(int start) {
    return ends[start];
  }

  /** The tokens from {@code start} to {@code end}, both included. */
  List<Token> range(int start, int end) {
    return tokens.subList(start, end + 1);
  }

  /** Where a second document or JSON value follows the first, which a file may not have. */
  Optional<Located> trailing() {
    return Optional.ofNullable(trailing);
  }
}
