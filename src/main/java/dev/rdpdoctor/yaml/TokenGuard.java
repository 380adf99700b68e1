package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.IOException;
import java.util.Locale;

/**
 * Checks each token of a YAML document as it is read: nesting depth, the length of keys and
 * values, and the YAML features a symptom file has no use for and an attacker has: anchors and
 * aliases (which expand, "billion laughs") and tags ({@code !!java.net.URL}). Each failure is one
 * located error.
 */
final class TokenGuard {

  private final String file;
  private final ReadLimits limits;

  TokenGuard(String file, ReadLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  /** @param depth sections and lists open around this token, this one included */
  void check(JsonParser p, JsonToken token, int depth) throws IOException {
    if (p instanceof YAMLParser yaml) {
      if (yaml.isCurrentAlias()) {
        throw fail(p, "an alias (*" + abbreviate(p.getText()) + ") repeats an anchored value; anchors and aliases are "
            + "not allowed here: write each value out");
      }
      if (yaml.getCurrentAnchor() != null) {
        throw fail(p, "an anchor (&" + abbreviate(yaml.getCurrentAnchor()) + ") names a value for aliases to repeat; "
            + "anchors and aliases are not allowed here: write each value out");
      }
      String tag = yaml.getTypeId();
      if (tag != null) {
        throw fail(p, "a YAML tag (" + abbreviate(shortTag(tag)) + ") asks for a type; tags are not allowed here: "
            + "write the plain value");
      }
    }
    if (depth > limits.maxDepth()) {
      throw fail(p, "sections and lists are nested " + depth + " deep here; at most " + limits.maxDepth()
          + " levels are allowed");
    }
    if (token == JsonToken.FIELD_NAME && p.getTextLength() > limits.maxKeyLength()) {
      throw fail(p, String.format(Locale.ROOT, "a key of %,d characters; a key may have at most %,d",
          p.getTextLength(), limits.maxKeyLength()));
    }
    if (token.isScalarValue() && p.getTextLength() > limits.maxTextLength()) {
      throw fail(p, String.format(Locale.ROOT, "a value of %,d characters; a value may have at most %,d "
          + "(keep the lines that matter)", p.getTextLength(), limits.maxTextLength()));
    }
  }

  /** @param index the position of this token in the list that holds it */
  void checkItem(JsonParser p, int index) {
    if (index >= limits.maxItems()) {
      throw fail(p, String.format(Locale.ROOT, "a list of more than %,d items; a list may have at most %,d "
          + "(state each event or name once)", limits.maxItems(), limits.maxItems()));
    }
  }

  private InvalidInputException fail(JsonParser p, String message) {
    JsonLocation at = p.currentTokenLocation();
    return new InvalidInputException(InputError.error(file, at.getLineNr(), at.getColumnNr(), message));
  }

  /** A tag as it was written: {@code !!str} rather than {@code tag:yaml.org,2002:str}. */
  private static String shortTag(String tag) {
    String standard = "tag:yaml.org,2002:";
    return tag.startsWith(standard) ? "!!" + tag.substring(standard.length()) : tag.startsWith("!") ? tag : "!" + tag;
  }

  private static String abbreviate(String text) {
    return Excerpt.of(text);
  }
}
