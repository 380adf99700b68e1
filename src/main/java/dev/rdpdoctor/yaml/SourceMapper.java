package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** Walks a YAML token stream once and records the position and text of every value by path. */
final class SourceMapper {

  private SourceMapper() {}

  private static final class Frame {
    final String path;
    final boolean list;
    int index;
    String field;

    Frame(String path, boolean list) {
      this.path = path;
      this.list = list;
    }

    String child() {
      if (list) {
        return path + "[" + index + "]";
      }
      return path.isEmpty() ? field : path + "." + field;
    }
  }

  /** @param lineOffset added to every line, for a document that does not start a file */
  static SourceMap map(ObjectMapper mapper, String file, String text, int lineOffset, ReadLimits limits)
      throws IOException {
    TokenGuard guard = new TokenGuard(file, limits);
    Map<String, Located> entries = new LinkedHashMap<>();
    Map<String, Located> keys = new LinkedHashMap<>();
    Deque<Frame> stack = new ArrayDeque<>();
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
          boolean opens = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
          guard.check(p, token, stack.size() + (opens ? 1 : 0));
          if (!stack.isEmpty() && stack.peek().list) {
            guard.checkItem(p, stack.peek().index);
          }
        }
        if (token == JsonToken.FIELD_NAME) {
          Frame frame = stack.peek();
          frame.field = p.currentName();
          JsonLocation at = p.currentTokenLocation();
          keys.putIfAbsent(frame.child(), new Located(frame.child(), at.getLineNr() + lineOffset, at.getColumnNr(), frame.field));
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          stack.pop();
          advance(stack);
          if (stack.isEmpty()) {
            break;
          }
          continue;
        }
        String path = stack.isEmpty() ? "" : stack.peek().child();
        JsonLocation at = p.currentTokenLocation();
        String written = token.isScalarValue() ? p.getText() : "";
        entries.putIfAbsent(path, new Located(path, at.getLineNr() + lineOffset, at.getColumnNr(), written));
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          stack.push(new Frame(path, token == JsonToken.START_ARRAY));
        } else {
          advance(stack);
        }
      }
    }
    return new SourceMap(file, entries, keys);
  }

  private static void advance(Deque<Frame> stack) {
    if (!stack.isEmpty() && stack.peek().list) {
      stack.peek().index++;
    }
  }
}
